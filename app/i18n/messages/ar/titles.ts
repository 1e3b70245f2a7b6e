import { defineArabic } from "../../define";
import { titles } from "../titles";

export const titlesAr = defineArabic(titles, {
  "title.home.description":
    "مؤتمر الاندماج السنوي للمركز البلدي للاندماج في بوتروب: التسجيل، البرنامج، نتائج مجموعات العمل والأهداف.",
  "title.presentation": "عرض: {group}",
  "title.questions": "الأسئلة: {title}",
  "title.roomView": "عرض القاعة: {title}",
  "title.moderation": "الإشراف: {title}",
  "title.searchFor": "البحث: {q}",
  "title.participantEdit": "تعديل التسجيل {year}",
  "title.participantCancel": "إلغاء التسجيل {year}",
});

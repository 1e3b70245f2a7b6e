import { defineArabic } from "../../define";
import { groups } from "../groups";

// Only what the Arabic conference page shows of this domain (the groups presenting in the agenda).
export const groupsAr = defineArabic(groups, {
  "reports.presentFor": "فتح العرض بملء الشاشة: {group}",
  "present.download": "تنزيل: {name}",
  "present.page": "{name} – الصفحة {n} من {total}",
  "present.pageAlt": "الصفحة {n} من {total} من {name}؛ نص الصفحة أدناه.",
  "present.pageText": "نص هذه الصفحة",
  "present.pending": "يجري الآن تجهيز هذا الملف للعرض. يرجى إعادة تحميل الصفحة بعد قليل.",
  "present.noConverter":
    "لا يمكن عرض هذا الملف هنا: البرنامج الذي يحوّله إلى صفحات (LibreOffice) غير مثبت على الخادم. الملف الأصلي محفوظ.",
  "present.damaged":
    "لا يمكن عرض هذا الملف هنا: تعذّر تحويله إلى صفحات (تالف أو كبير جدًا أو أكثر من 300 صفحة). الملف الأصلي محفوظ.",
});

import { defineArabic } from "../../define";
import { accessibility } from "../accessibility";

// The session warning of the shell: staff who are signed in may open a participant page in Arabic.
export const accessibilityAr = defineArabic(accessibility, {
  "session.warning": "تنتهي جلستك بعد حوالي {minutes} دقائق لأنك لم تقم بأي نشاط. يبقى ما كتبته في هذه الصفحة محفوظًا.",
  "session.extend": "تمديد الجلسة",
  "session.extended": "تم تمديد جلستك.",
  "session.expired":
    "انتهت جلستك. ما كتبته في هذه الصفحة محفوظ في علامة التبويب هذه: سجّل الدخول مرة أخرى في علامة تبويب جديدة، ثم أرسل النموذج مرة أخرى.",
});

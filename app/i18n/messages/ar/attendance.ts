import { defineArabic } from "../../define";
import { attendance } from "../attendance";

// The check-in code and the certificate on the manage page.
export const attendanceAr = defineArabic(attendance, {
  "certificate.download": "تنزيل شهادة الحضور (PDF)",
  "certificate.afterCheckin": "ستجد شهادة الحضور هنا بعد تسجيل دخولك عند المدخل في يوم المؤتمر.",
  "checkin.qrTitle": "رمز الدخول الخاص بك",
  "checkin.qrHint": "أظهر هذا الرمز عند المدخل في يوم المؤتمر. لا يحتوي على أي بيانات شخصية.",
  "checkin.qrAlt": "رمز QR للدخول",
});

import { defineArabic } from "../../define";
import { auth } from "../auth";

// The staff sign-in through the city's account (the sign-in page itself is German for Arabic readers).
export const authAr = defineArabic(auth, {
  "login.cityTitle": "موظفو إدارة المدينة",
  "login.city": "تسجيل الدخول بحساب المدينة",
  "login.cityFailed": "لم ينجح تسجيل الدخول بحساب المدينة. يرجى المحاولة مرة أخرى.",
  "login.cityNotAuthorised": "حسابك في المدينة غير مفعّل لإدارة مؤتمر الاندماج. يرجى التواصل مع فريق التنظيم.",
  "login.passwordTitle": "تسجيل الدخول بكلمة المرور",
  "admin.title": "الإدارة",
});

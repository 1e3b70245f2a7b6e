import { defineArabic } from "../../define";
import { common } from "../common";
import { mail } from "../mail";

export const commonAr = defineArabic(common, {
  "site.name": "مؤتمر الاندماج في بوتروب",
  "site.owner": "مدينة بوتروب · المركز البلدي للاندماج",
  "site.skip": "الانتقال إلى المحتوى",
  "nav.label": "القائمة الرئيسية",
  "nav.home": "الصفحة الرئيسية",
  "nav.conferences": "المؤتمرات",
  "nav.groups": "مجموعات العمل",
  "nav.goals": "الأهداف",
  "nav.documents": "الوثائق",
  "nav.search": "البحث",
  "nav.easyLanguage": "لغة ألمانية مبسطة",
  "nav.admin": "الإدارة",
  "nav.login": "تسجيل الدخول (للمنظمين)",
  "nav.logout": "تسجيل الخروج",
  "nav.language": "اللغة",
  "footer.label": "معلومات قانونية",
  "footer.imprint": "بيانات الناشر",
  "footer.privacy": "حماية البيانات",
  "footer.accessibility": "إمكانية الوصول",
  "form.required": "حقل إلزامي",
  "form.optional": "اختياري",
  "form.unsaved": "لديك تغييرات لم تُحفظ بعد. هل تريد مغادرة الصفحة رغم ذلك؟ ستضيع التغييرات.",
  "form.errorSummary": "يرجى مراجعة البيانات التي أدخلتها",
  "form.errorCount": "ما زال يجب تصحيح {count} من البيانات.",
  "form.errorCountOne": "ما زال يجب تصحيح معلومة واحدة.",
  "form.saved": "تم الحفظ.",
  "errors.required": "يرجى ملء هذا الحقل.",
  "errors.email": "يرجى إدخال عنوان بريد إلكتروني صحيح، مثل name@example.org.",
  "errors.tooLong": "هذا النص طويل جدًا.",
  "errors.invalid": "هذه القيمة غير صالحة.",
  "errors.csrf":
    "انتهت صلاحية النموذج. يرجى إعادة تحميل الصفحة وإرساله مرة أخرى.",
  "errors.rateLimited":
    "محاولات كثيرة جدًا. يرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.",
  "error.notFound.title": "الصفحة غير موجودة",
  "error.notFound.text":
    "هذه الصفحة غير موجودة (أو لم تعد موجودة). قد تساعدك الصفحة الرئيسية.",
  "error.forbidden.title": "لا يوجد إذن بالوصول",
  "error.forbidden.text": "ليس لديك إذن بعرض هذه الصفحة.",
  "error.server.title": "حدث خطأ",
  "error.server.text":
    "للأسف لم ينجح ذلك. يرجى المحاولة مرة أخرى لاحقًا. بياناتك المحفوظة لم تُفقد.",
  "error.unavailable.title": "الخدمة غير متاحة مؤقتًا",
  "error.unavailable.text":
    "الخدمة غير متاحة لوقت قصير. يرجى المحاولة مرة أخرى بعد دقيقة.",
  "error.backHome": "إلى الصفحة الرئيسية",
  "home.title": "مؤتمر الاندماج",
  "home.lead":
    "مرة واحدة في السنة يلتقي مختصون من المدارس وإدارة المدينة والجمعيات ومنظمات المهاجرين. تعرض مجموعات العمل نتائجها، ونتناقش معًا، ونحدد أهداف العام القادم.",
  "home.next": "المؤتمر القادم",
  "home.none": "سيُعلن عن المؤتمر القادم قريبًا.",
  "home.toConference": "إلى مؤتمر عام {year}",
  "home.about": "عمّ يدور المؤتمر",
});

export const mailAr = defineArabic(mail, {
  "mail.greeting": "مرحبًا {name}،",
  "mail.footer": "هذه الرسالة من المركز البلدي للاندماج في مدينة بوتروب.",
});

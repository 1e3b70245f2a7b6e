import { defineArabic } from "../../define";
import { registrations } from "../registrations";

export const registrationsAr = defineArabic(registrations, {
  "registration.state.free": "المقاعد المتبقية: {count}.",
  "registration.state.freeOne": "بقي مقعد واحد.",
  "registration.state.waitlist":
    "جميع المقاعد محجوزة. يمكنك التسجيل في قائمة الانتظار.",
  "registration.state.closed": "التسجيل مغلق.",
  "registration.state.notYet": "يبدأ التسجيل في {date}.",
  "registration.state.over": "انتهت فترة التسجيل.",
  "registration.state.notOpen": "التسجيل غير مفتوح بعد.",
  "registration.state.title": "التسجيل",
  "registration.state.until": "التسجيل ممكن حتى {date}.",
  "registration.toForm": "التسجيل",
  "registration.forumSeats": "{free} من {capacity} مقاعد متاحة",
  "registration.forumFull": "محجوز بالكامل",
  "registration.title": "التسجيل: {title}",
  "registration.lead":
    "لا تحتاج إلى حساب. بعد إرسال النموذج تصلك رسالة بريد إلكتروني فيها رابط. يصبح تسجيلك ساريًا بعد أن تؤكده عبر هذا الرابط.",
  "registration.closedTitle": "التسجيل غير ممكن",
  "registration.closedLead": "لا يمكنك التسجيل في هذا المؤتمر حاليًا.",
  "registration.closedWhy.notYet":
    "يبدأ التسجيل في {date}. يرجى العودة في ذلك الوقت.",
  "registration.closedWhy.over": "انتهت فترة التسجيل في {date}.",
  "registration.closedWhy.status": "أغلق المنظمون باب التسجيل.",
  "registration.closedContact": "هل لديك أسئلة؟ راسل المركز البلدي للاندماج.",
  "registration.backToConference": "العودة إلى المؤتمر",
  "registration.section.person": "بياناتك",
  "registration.section.forum": "منتدى فترة ما بعد الظهر",
  "registration.section.needs": "إمكانية الوصول والطعام",
  "registration.firstName": "الاسم الأول",
  "registration.lastName": "اسم العائلة",
  "registration.latinName": "الاسم بالحروف اللاتينية",
  "registration.latinNameHint":
    "فقط إذا كان اسمك مكتوبًا بخط آخر، مثلًا بالعربية. هكذا نجدك بسرعة أكبر عند المدخل.",
  "registration.email": "عنوان البريد الإلكتروني",
  "registration.emailHint": "نرسل رابط التأكيد إلى هذا العنوان.",
  "registration.organisation": "المؤسسة",
  "registration.organisationType": "نوع المؤسسة",
  "registration.orgType.choose": "يرجى الاختيار",
  "registration.orgType.administration": "إدارة عامة",
  "registration.orgType.independent_provider": "جهة خيرية مستقلة",
  "registration.orgType.school_daycare": "مدرسة / حضانة",
  "registration.orgType.migrant_organisation": "منظمة مهاجرين",
  "registration.orgType.volunteer": "عمل تطوعي",
  "registration.orgType.politics": "سياسة",
  "registration.orgType.other": "أخرى",
  "registration.jobTitle": "الوظيفة",
  "registration.forum": "في أي منتدى تود المشاركة؟",
  "registration.forum.none": "لم أقرر بعد / بدون منتدى",
  "registration.needsLead":
    "هذه البيانات اختيارية. قد تكشف معلومات عن صحتك أو دينك. لا نحفظها إلا بموافقتك الصريحة، ولا نعطي مكان المؤتمر ومتعهد الطعام إلا أعدادًا، وليس أسماء أبدًا، ونحذفها بعد المؤتمر بـ {days} يومًا.",
  "registration.accessibility": "دعم إمكانية الوصول",
  "registration.access.sign_language": "ترجمة إلى لغة الإشارة",
  "registration.access.wheelchair": "مكان لكرسي متحرك",
  "registration.access.induction_loop": "حلقة سمعية (حلقة حثّ)",
  "registration.accessibilityOther": "دعم آخر",
  "registration.dietaryNeeds": "الطعام والشراب",
  "registration.dietaryHint": "مثلًا: نباتي، نباتي صرف، حلال، حساسية.",
  "registration.specialConsent":
    "أوافق صراحةً على حفظ بياناتي المتعلقة بإمكانية الوصول والطعام لتنظيم المؤتمر (المادة 9، الفقرة 2، البند أ من اللائحة العامة لحماية البيانات). يمكنني سحب هذه الموافقة في أي وقت عبر رابطي.",
  "registration.photoConsent": "الصور",
  "registration.photo.yes": "نعم، يجوز نشر صور أظهر فيها في توثيق المؤتمر.",
  "registration.photo.no": "لا، لا أريد أن أظهر في الصور المنشورة.",
  "registration.documentationNews": "توثيق المؤتمر",
  "registration.documentationNewsHint":
    "إذا اخترت ذلك، تصلك رسالة بريد إلكتروني واحدة فقط فيها الرابط فور نشر التوثيق. يمكنك سحب هذه الموافقة في أي وقت عبر رابطك الشخصي.",
  "registration.documentationNewsConsent":
    "يرجى إعلامي بالبريد الإلكتروني عند نشر توثيق المؤتمر.",
  "registration.privacy": "حماية البيانات",
  "registration.privacyText":
    "نعالج بياناتك لتنظيم المؤتمر (المادة 6، الفقرة 1، البند هـ من اللائحة العامة لحماية البيانات). لا تُنشر أسماء المشاركين. بعد المؤتمر بـ {days} يومًا نجعل بيانات الاتصال الخاصة بك مجهولة الهوية. يمكنك في أي وقت عرض بياناتك وتنزيلها وحذفها عبر رابطك الشخصي.",
  "registration.privacyLink": "اقرأ سياسة حماية البيانات",
  "registration.privacyConsent":
    "قرأت إشعار حماية البيانات وأوافق على معالجة بياناتي من أجل المؤتمر.",
  "registration.website": "يرجى ترك هذا الحقل فارغًا",
  "registration.submit": "التسجيل",
  "registration.waitlistSubmit": "التسجيل في قائمة الانتظار",
  "registration.doneTitle": "يرجى التحقق من بريدك الإلكتروني",
  "registration.doneText":
    "أرسلنا إليك رسالة تشرح الخطوات التالية. إذا كان لك مقعد، فيرجى تأكيد الرابط الموجود في الرسالة خلال {hours} ساعة. لم تصلك رسالة؟ يرجى التحقق من مجلد الرسائل غير المرغوب فيها أيضًا.",
  "registration.errors.organisationType": "يرجى اختيار نوع مؤسستك.",
  "registration.errors.photo": "يرجى اختيار نعم أو لا.",
  "registration.errors.privacy": "لا يمكننا تسجيلك دون موافقتك.",
  "registration.errors.specialConsent":
    "يرجى إعطاء الموافقة أو ترك بيانات إمكانية الوصول والطعام فارغة.",
  "registration.errors.forumFull":
    "هذا المنتدى محجوز بالكامل. يرجى اختيار منتدى آخر.",
  "registration.errors.forum": "يرجى اختيار منتدى من القائمة.",
  "registration.confirm.title": "تأكيد التسجيل",
  "registration.confirm.lead":
    "يرجى تأكيد تسجيلك في {title}. عندها فقط يُحجز مقعدك لك.",
  "registration.confirm.submit": "أكّد التسجيل الآن",
  "registration.confirm.invalid": "هذا الرابط غير صالح. ربما وصلتك رسالة أحدث.",
  "registration.confirm.expired":
    "انتهت مهلة التأكيد وأصبح المقعد متاحًا من جديد. يسعدنا أن تسجل مرة أخرى.",
  "registration.confirm.notHeld": "لا يوجد حاليًا مقعد محجوز لهذا التسجيل.",
  "registration.manage.title": "تسجيلك",
  "registration.manage.invalid":
    "هذا الرابط غير صالح (أو لم يعد صالحًا). تجد الرابط الحالي في آخر رسالة منا. يمكنك أيضًا التسجيل من جديد بالعنوان نفسه، وعندها نرسل إليك رابطًا جديدًا.",
  "registration.manage.status": "الحالة",
  "registration.manage.status.held": "المقعد محجوز – يرجى التأكيد حتى {date}.",
  "registration.manage.status.confirmed": "مسجَّل ومؤكَّد.",
  "registration.manage.status.waitlisted":
    "في قائمة الانتظار، المرتبة {position}. إذا أصبح مقعد متاحًا، نراسلك بالبريد الإلكتروني.",
  "registration.manage.status.cancelled": "أُلغي التسجيل.",
  "registration.manage.status.expired": "انتهت صلاحية الحجز.",
  "registration.manage.confirmed":
    "شكرًا لك! تم تأكيد تسجيلك. ستصلك رسالة فيها الموعد لإضافته إلى تقويمك.",
  "registration.manage.details": "بياناتك",
  "registration.manage.name": "الاسم",
  "registration.manage.changeForum": "تغيير المنتدى",
  "registration.manage.changeForumSubmit": "حفظ المنتدى",
  "registration.manage.forumChanged": "تم تغيير منتداك.",
  "registration.manage.needsTitle": "تغيير الاحتياجات والموافقات",
  "registration.manage.needsSubmit": "حفظ البيانات",
  "registration.manage.needsSaved": "تم حفظ بياناتك.",
  "registration.manage.calendar": "تنزيل موعد التقويم (‎.ics)",
  "registration.manage.yourData": "بياناتك الشخصية",
  "registration.manage.download": "تنزيل جميع بياناتي (JSON)",
  "registration.manage.delete": "حذف بياناتي",
  "registration.manage.cancel": "إلغاء تسجيلي",
  "registration.manage.none": "لا شيء",
  "registration.cancel.title": "هل تريد إلغاء تسجيلك؟",
  "registration.cancel.lead":
    "إذا ألغيت التسجيل، يصبح مقعدك متاحًا. يحصل عليه أول شخص في قائمة الانتظار.",
  "registration.cancel.submit": "نعم، ألغِ تسجيلي",
  "registration.cancel.back": "لا، العودة",
  "registration.cancel.done": "تم إلغاء تسجيلك. أرسلنا إليك تأكيدًا بذلك.",
  "registration.delete.title": "هل تريد حذف جميع بياناتك؟",
  "registration.delete.lead":
    "نحذف تسجيلك وبياناتك وموافقاتك نهائيًا. يصبح المقعد المحجوز متاحًا. لا يمكن التراجع عن ذلك.",
  "registration.delete.submit": "نعم، احذف نهائيًا",
  "registration.delete.done": "تم حذف بياناتك.",
  "registration.delete.doneLead": "حذفنا تسجيلك وجميع البيانات المرتبطة به.",
  "registration.mail.manageLabel": "عرض تسجيلك وتغييره",
  "registration.mail.held.subject": "يرجى تأكيد تسجيلك: {title}",
  "registration.mail.held.body":
    "شكرًا لتسجيلك في {title} بتاريخ {date}. حجزنا لك مقعدًا. يرجى تأكيد تسجيلك حتى {deadline}، وإلا يصبح المقعد متاحًا من جديد.",
  "registration.mail.held.button": "تأكيد التسجيل",
  "registration.mail.waitlisted.subject": "أنت في قائمة الانتظار: {title}",
  "registration.mail.waitlisted.body":
    "شكرًا لتسجيلك في {title} بتاريخ {date}. جميع المقاعد محجوزة حاليًا. أنت في المرتبة {position} في قائمة الانتظار. إذا أصبح مقعد متاحًا، نراسلك فورًا.",
  "registration.mail.existing.subject": "رابط تسجيلك: {title}",
  "registration.mail.existing.body":
    "يوجد بالفعل تسجيل في {title} بعنوان البريد الإلكتروني هذا. هذا رابط شخصي جديد، والروابط الأقدم لم تعد صالحة. إذا لم تكن أنت من قام بذلك، يمكنك تجاهل هذه الرسالة.",
  "registration.mail.confirmed.subject": "تم تأكيد التسجيل: {title}",
  "registration.mail.confirmed.body":
    "تم تأكيد تسجيلك في {title}. نتطلع إلى لقائك بتاريخ {date} في {venue}، {address}. تجد موعد التقويم في المرفق.",
  "registration.mail.promoted.subject": "أصبح مقعد متاحًا: {title}",
  "registration.mail.promoted.body":
    "خبر سار: أصبح مقعد متاحًا في {title} بتاريخ {date}، وكنت التالي في قائمة الانتظار. يرجى التأكيد حتى {deadline}، وإلا ينتقل المقعد إلى الشخص التالي.",
  "registration.mail.cancelled.subject": "تم تأكيد إلغاء التسجيل: {title}",
  "registration.mail.cancelled.body":
    "ألغيت تسجيلك في {title}. الموعد المرفق يزيل المؤتمر من تقويمك. يؤسفنا أنك لن تحضر!",
  "registration.mail.expired.subject": "انتهت صلاحية الحجز: {title}",
  "registration.mail.expired.body":
    "لم تؤكد تسجيلك في {title} في الوقت المحدد. أصبح المقعد المحجوز متاحًا من جديد. يسعدنا أن تسجل مرة أخرى.",
  "registration.mail.reminder.subject": "تذكير: {title} بتاريخ {date}",
  "registration.mail.reminder.body":
    "اقترب الموعد: يبدأ {title} بتاريخ {date} الساعة {time} في {venue}، {address}. تجد موعد التقويم في المرفق. إذا لم تستطع الحضور، فيرجى إلغاء تسجيلك حتى يحصل شخص آخر على مقعدك.",
  "registration.mail.documentation.subject": "تم نشر التوثيق: {title}",
  "registration.mail.documentation.body":
    "لقد طلبت منا إعلامك: توثيق {title} متاح الآن على الإنترنت (باللغة الألمانية). ستجد فيه الكلمات والعروض التقديمية ونتائج المؤتمر.",
  "registration.mail.documentation.why":
    "تصلك هذه الرسالة مرة واحدة فقط، لأنك طلبت ذلك عند تسجيلك.",
  "registration.mail.documentation.button": "عرض التوثيق",
  "registration.mail.documentation.manageLabel": "عرض موافقاتك أو سحبها",
});

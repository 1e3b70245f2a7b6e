import { defineArabic } from "../../define";
import { discussion } from "../discussion";

export const discussionAr = defineArabic(discussion, {
  "discussion.inputs": "المداخلات المتخصصة",
  "discussion.slides.download": "تنزيل الشرائح",
  "discussion.speakers": "بمشاركة",
  "discussion.join": "اطرح أسئلتك في القاعة",
  "discussion.join.lead":
    "أدخل رمز اليوم. تجده على بطاقة اسمك وعلى الشاشة. لا تحتاج إلى حساب.",
  "discussion.code": "رمز اليوم",
  "discussion.code.hint": "مثلًا: K7PX4M. لا فرق بين الأحرف الكبيرة والصغيرة.",
  "discussion.code.submit": "متابعة",
  "discussion.code.unknown": "رمز اليوم هذا غير موجود. يرجى التحقق من كتابته.",
  "discussion.errors.codeFormat": "يتكون رمز اليوم من 4 إلى 12 حرفًا ورقمًا.",
  "discussion.errors.tooShort": "يرجى كتابة 3 أحرف على الأقل.",
  "discussion.errors.windowOrder": "يجب أن تكون النهاية بعد البداية.",
  "discussion.errors.mergeTarget": "يرجى اختيار السؤال الذي سيُدمج فيه.",
  "discussion.day.title": "المداخلات المتخصصة في يوم المؤتمر",
  "discussion.day.lead": "اختر المداخلة المتخصصة التي تريد أن تسأل عنها.",
  "discussion.day.none": "لا توجد مداخلات متخصصة لهذا المؤتمر بعد.",
  "discussion.open": "باب الأسئلة مفتوح الآن.",
  "discussion.openUntil": "باب الأسئلة مفتوح حتى الساعة {time}.",
  "discussion.closed": "باب الأسئلة مغلق حاليًا.",
  "discussion.closed.window":
    "باب الأسئلة مفتوح بتاريخ {date} من الساعة {start} إلى الساعة {end}.",
  "discussion.ask.title": "سؤالك",
  "discussion.ask.text": "سؤالك أو تعليقك",
  "discussion.ask.textHint": "نص فقط، 500 حرف كحد أقصى. تظهر الروابط كنص.",
  "discussion.ask.name": "اسمك",
  "discussion.ask.nameHint":
    "يظهر مع السؤال في القاعة، وليس في التوثيق. يمكنك تركه فارغًا.",
  "discussion.ask.submit": "إرسال السؤال",
  "discussion.ask.sentPending":
    "شكرًا لك! وصل سؤالك. سيظهر بعد أن يوافق عليه فريق الإدارة.",
  "discussion.ask.sentApproved": "شكرًا لك! سؤالك ظاهر الآن للجميع.",
  "discussion.ask.rateLimited":
    "أرسلت أسئلة كثيرة للتو. يرجى الانتظار نحو {minutes} دقائق.",
  "discussion.ask.closed": "باب الأسئلة مغلق حاليًا. لم يُرسل سؤالك.",
  "discussion.waiting.title": "أسئلتك التي تنتظر الموافقة",
  "discussion.questions.title": "أسئلة من القاعة",
  "discussion.questions.none": "لا توجد أسئلة بعد. اطرح السؤال الأول!",
  "discussion.like": "أعجبني",
  "discussion.likes": "{count, plural, zero {لا إعجابات بعد} one {إعجاب واحد} two {إعجابان} few {# إعجابات} many {# إعجابًا} other {# إعجاب}}",
  "discussion.like.context": "السؤال: {text}",
  "discussion.like.rateLimited":
    "يرجى الانتظار لحظة قبل إضافة المزيد من الإعجابات.",
  "discussion.pinned": "قيد النقاش الآن",
  "discussion.answered": "تمت الإجابة",
  "discussion.anonymous": "بدون اسم",
  "discussion.by": "من {name}",
  "discussion.room.join": "اطرح الأسئلة وعبّر عن إعجابك:",
  "discussion.room.code": "الرمز: {code}",
  "discussion.room.qr": "رمز QR لصفحة الأسئلة",
  "discussion.room.empty": "لا توجد أسئلة موافق عليها بعد.",
  "discussion.room.answered": "تمت مناقشته",
});

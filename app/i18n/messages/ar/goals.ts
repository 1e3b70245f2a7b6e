import { defineArabic } from "../../define";
import { goals } from "../goals";

export const goalsAr = defineArabic(goals, {
  "goals.field": "مجال العمل",
  "goals.participate.title": "شارك: اقترح أهدافًا وصوّت عليها",
  "goals.participate.entryLead":
    "أدخل رمز يوم المؤتمر. تجده على بطاقة اسمك وعلى الشاشة في القاعة.",
  "goals.participate.code": "رمز يوم المؤتمر",
  "goals.participate.codeHint":
    "مثلًا IK2026. لا فرق بين الأحرف الكبيرة والصغيرة.",
  "goals.participate.open": "متابعة",
  "goals.participate.unknownCode": "لا نعرف هذا الرمز. يرجى التحقق من كتابته.",
  "goals.participate.heading": "أهداف مؤتمر الاندماج {year}",
  "goals.participate.lead":
    "يمكنك اقتراح أهداف وتوزيع نقاط لتبيّن أي الأهداف هي الأهم بالنسبة إليك. لا تحتاج إلى حساب.",
  "goals.participate.backToBoard": "إلى جميع الأهداف",
  "goals.participate.backToRegistration": "العودة إلى تسجيلك",
  "goals.ballot.title": "وزّع النقاط",
  "goals.ballot.rule":
    "لديك {points} نقاط. يمكنك إعطاء هدف واحد {max} نقاط كحد أقصى.",
  "goals.ballot.times": "يجري التصويت من {from} إلى {until}.",
  "goals.ballot.left": "بقي لديك {left} من {points} نقاط.",
  "goals.ballot.over": "نقاط زائدة: {over}. لديك {points} نقاط فقط.",
  "goals.ballot.submit": "أعطِ النقاط",
  "goals.ballot.saved":
    "شكرًا لك! حُفظت نقاطك: {spent} من {points}. يمكنك تغييرها حتى نهاية التصويت.",
  "goals.ballot.error.tooMany":
    "وزّعت {spent} نقاط، لكن لديك {points} نقاط فقط. يرجى حذف بعض النقاط.",
  "goals.ballot.error.overMax":
    "يمكن أن يحصل هدف واحد على {max} نقاط كحد أقصى. يرجى توزيع نقاطك بشكل مختلف.",
  "goals.ballot.error.invalid": "يرجى إدخال أعداد صحيحة من 0 فما فوق فقط.",
  "goals.ballot.error.notOpen": "التصويت غير مفتوح الآن.",
  "goals.ballot.error.unknownProposal":
    "أحد الاقتراحات لم يعد مطروحًا للتصويت. يرجى إعادة تحميل الصفحة.",
  "goals.ballot.notSaved": "لم تُحفظ نقاطك",
  "goals.ballot.noProposals": "لا توجد اقتراحات للتصويت عليها بعد.",
  "goals.ballot.state.none": "لا يوجد تصويت مخطط له في هذا المؤتمر.",
  "goals.ballot.state.upcoming": "لم يبدأ التصويت بعد.",
  "goals.ballot.state.closed": "انتهى التصويت.",
  "goals.ballot.state.open": "التصويت مفتوح.",
  "goals.proposal.heading": "اقترح هدفًا",
  "goals.proposal.lead":
    "يراجع مركز الاندماج كل اقتراح قبل طرحه للتصويت. تُدمج الاقتراحات المتشابهة.",
  "goals.proposal.title": "هدفك في جملة واحدة",
  "goals.proposal.description": "ماذا يجب أن يحدث؟ ومن يجب أن يشارك؟",
  "goals.proposal.noField": "لا أعرف",
  "goals.proposal.recommendations": "ربط التوصيات (اختياري)",
  "goals.proposal.recommendationsLegend":
    "ما توصيات المفهوم التي يناسبها هدفك؟",
  "goals.proposal.submit": "إرسال الاقتراح",
  "goals.proposal.thanks": "شكرًا لاقتراحك! سيظهر في ورقة التصويت بعد المراجعة.",
  "goals.results.rank": "المرتبة {rank}:",
  "goals.results.points": "{points} نقاط من {voters} أشخاص",
  "goals.results.link": "إلى نتائج التصويت",
  "goals.errors.titleShort": "يرجى وصف الهدف بثلاثة أحرف على الأقل.",
  "goals.errors.ownerRequired": "يرجى اختيار الجهة المسؤولة.",
  "goals.errors.targetYear": "يرجى إدخال سنة، مثل 2027.",
  "goals.errors.status": "يرجى اختيار حالة.",
});

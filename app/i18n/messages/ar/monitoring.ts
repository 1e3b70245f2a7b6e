import { defineArabic } from "../../define";
import { monitoring } from "../monitoring";

export const monitoringAr = defineArabic(monitoring, {
  "monitoring.title": "رصد الاندماج",
  "monitoring.example": "أرقام للتوضيح: هذه القيم مختلقة للعرض. إنها ليست إحصاءات المدينة.",
  "monitoring.area.demografie": "التركيبة السكانية",
  "monitoring.area.beschaeftigung": "العمل",
  "monitoring.area.bildung": "التعليم",
  "monitoring.area.gesundheit": "الصحة",
  "monitoring.area.lebensunterhalt": "المعيشة",
  "monitoring.area.rechtliche_situation": "الوضع القانوني",
  "monitoring.group.total": "الجميع",
  "monitoring.group.german": "الألمان",
  "monitoring.group.foreign": "الأجانب",
  "monitoring.group.with_migration": "من أصول مهاجرة",
  "monitoring.group.without_migration": "من غير أصول مهاجرة",
  "monitoring.gap": "الفارق",
  "monitoring.unit.points": "نقاط مئوية",
  "monitoring.trend.gapSmaller": "منذ {since} تقلّص الفارق بمقدار {amount} {unit}.",
  "monitoring.trend.gapLarger": "منذ {since} اتّسع الفارق بمقدار {amount} {unit}.",
  "monitoring.trend.gapSame": "منذ {since} بقي الفارق كما هو.",
  "monitoring.trend.rising": "منذ {since} ارتفعت القيمة بمقدار {amount} {unit}.",
  "monitoring.trend.falling": "منذ {since} انخفضت القيمة بمقدار {amount} {unit}.",
  "monitoring.trend.flat": "منذ {since} بقيت القيمة كما هي.",
  "monitoring.trend.tooFew": "لا توجد بعد سنوات كافية لإظهار تطوّر.",
});

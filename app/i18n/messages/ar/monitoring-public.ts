import { defineArabic } from "../../define";
import { monitoringPublic } from "../monitoring-public";

export const monitoringPublicAr = defineArabic(monitoringPublic, {
  "nav.monitoring": "الرصد",
  "search.kind.monitoring": "الرصد",
  "monitoring.public.lead":
    "يبيّن رصد الاندماج بالأرقام كيف تتطوّر الحياة في المدينة للناس من أصول مهاجرة ومن غير أصول مهاجرة. يقارن كل عام بين الألمان والأجانب، أو بين الناس من أصول مهاجرة ومن غير أصول مهاجرة – في ستة مجالات.",
  "monitoring.public.why":
    "هكذا يُرى أين يصغر الفارق وأين يكبر. تساعد الأرقام على وضع أهداف لعمل الاندماج وعلى مراجعتها.",
  "monitoring.public.areas": "المجالات الستة",
  "monitoring.public.areaLink": "كل الأرقام حول {area}",
  "monitoring.public.noIndicators": "لا توجد أرقام لهذا المجال بعد.",
  "monitoring.public.back": "العودة إلى رصد الاندماج",
  "monitoring.public.backArea": "العودة إلى {area}",
  "monitoring.public.areaLead": "المؤشرات في مجال {area} وتطوّرها عبر السنين.",
  "monitoring.public.trend": "التطوّر",
  "monitoring.public.facts": "عن هذا المؤشر",
  "monitoring.public.definition": "ما الذي يُحسب",
  "monitoring.public.unit": "الوحدة",
  "monitoring.public.source": "المصدر",
  "monitoring.public.area": "المجال",
  "monitoring.public.fields": "مجالات العمل",
  "monitoring.public.updated": "آخر تغيير",
  "monitoring.public.chart": "عبر السنين",
  "monitoring.public.gapChart": "الفارق بين المجموعتين",
  "monitoring.public.gapExplain": "الفارق = قيمة مجموعة «{second}» ناقص قيمة مجموعة «{first}».",
  "monitoring.public.table": "الأرقام في جدول",
  "monitoring.public.tableCaption": "القيم لكل سنة ({unit})",
  "monitoring.public.year": "السنة",
  "monitoring.public.noValues": "لا توجد قيم لهذا المؤشر بعد.",
  "monitoring.public.csv": "تنزيل الأرقام (ملف CSV لبرامج الجداول)",
  "monitoring.public.unitNone": "بلا وحدة",
  "monitoring.chart.title": "رسم بياني خطي: {name}، من {from} إلى {to}، بوحدة {unit}",
  "monitoring.chart.gapTitle": "رسم بياني خطي: الفارق في {name}، من {from} إلى {to}، بوحدة {unit}",
  "monitoring.chart.latest": "آخر قيمة ({year}): {values}.",
  "monitoring.chart.empty": "لا توجد قيم",
  "monitoring.chart.legend": "مفتاح الرسم",
});

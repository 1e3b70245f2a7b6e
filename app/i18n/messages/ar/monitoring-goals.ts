import { defineArabic } from "../../define";
import { monitoringGoals } from "../monitoring-goals";

export const monitoringGoalsAr = defineArabic(monitoringGoals, {
  "monitoringGoals.values.caption": "القيم {year}",
  "monitoringGoals.values.group": "الفئة",
  "monitoringGoals.values.value": "القيمة",
  "monitoringGoals.values.none": "لا توجد قيم بعد.",
  "monitoringGoals.field.title": "بيانات عن مجال العمل",
  "monitoringGoals.field.lead": "كيف تتطور الأرقام في رصد الاندماج:",
  "monitoringGoals.field.more": "كل الأرقام في رصد الاندماج",
  "monitoringGoals.field.choose": "مجال العمل",
  "monitoringGoals.field.all": "بدون مجال عمل",
  "monitoringGoals.field.show": "عرض البيانات",
});

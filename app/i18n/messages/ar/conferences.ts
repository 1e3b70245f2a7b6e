import { defineArabic } from "../../define";
import { conferences } from "../conferences";

export const conferencesAr = defineArabic(conferences, {
  "conference.when": "متى",
  "conference.where": "أين",
  "conference.accessibility": "إمكانية الوصول إلى مكان المؤتمر",
  "conference.agenda": "البرنامج",
  "conference.forums": "المنتديات",
  "conference.speakers": "بمشاركة",
  "conference.timeRange": "من {start} إلى {end}",
  "agenda.kind.welcome": "الترحيب",
  "agenda.kind.expert_input": "مداخلة متخصصة",
  "agenda.kind.group_presentations": "عرض مجموعات العمل",
  "agenda.kind.discussion": "نقاش",
  "agenda.kind.forum": "منتدى",
  "agenda.kind.break": "استراحة",
  "agenda.presenting": "تعرض نتائجها:",
});

import { accessibilityAr } from "./accessibility";
import { attendanceAr } from "./attendance";
import { authAr } from "./auth";
import { commonAr, mailAr } from "./common";
import { conferencesAr } from "./conferences";
import { discussionAr } from "./discussion";
import { goalsAr } from "./goals";
import { groupsAr } from "./groups";
import { monitoringAr } from "./monitoring";
import { monitoringGoalsAr } from "./monitoring-goals";
import { monitoringPublicAr } from "./monitoring-public";
import { registrationsAr } from "./registrations";
import { titlesAr } from "./titles";

// Arabic: participant-facing pages only; everything else falls back to German.
export const arabicModules = [
  commonAr,
  mailAr,
  conferencesAr,
  registrationsAr,
  discussionAr,
  goalsAr,
  attendanceAr,
  groupsAr,
  accessibilityAr,
  titlesAr,
  authAr,
  monitoringAr,
  monitoringPublicAr,
  monitoringGoalsAr,
];

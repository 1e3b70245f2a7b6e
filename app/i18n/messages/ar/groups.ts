import { defineArabic } from "../../define";
import { groups } from "../groups";

// Only what the Arabic conference page shows of this domain (the groups presenting in the agenda).
export const groupsAr = defineArabic(groups, {
  "reports.presentFor": "فتح العرض بملء الشاشة: {group}",
});

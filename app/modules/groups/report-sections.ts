/** The six parts of an Umsetzungsbericht, in the order of the form and the public page. */
export const REPORT_SECTIONS = [
  "activities",
  "progress",
  "obstacles",
  "networking",
  "previousGoals",
  "proposals",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

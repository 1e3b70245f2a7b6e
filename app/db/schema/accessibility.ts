import { date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * The accessibility statement (Erklärung zur Barrierefreiheit) and the Leichte-Sprache page's DGS
 * video, edited by organisers. One row (id "current"); until it exists the page shows defaults.
 */
export const accessibilityStatement = pgTable("accessibility_statement", {
  id: text().primaryKey().default("current"),
  /** "full" | "partial" | "none": conformity with BITV 2.0 / WCAG 2.1 AA. */
  conformity: text().notNull().default("partial"),
  knownBarriers: text().notNull().default(""),
  alternatives: text().notNull().default(""),
  preparedOn: date({ mode: "string" }).notNull(),
  reviewedOn: date({ mode: "string" }).notNull(),
  /** Address that also receives the feedback form's mails (besides all active organisers). */
  contactEmail: text().notNull().default(""),
  /** Same-origin path or https URL of the DGS video (mp4/webm) and its WebVTT captions. */
  dgsVideoUrl: text().notNull().default(""),
  dgsCaptionsUrl: text().notNull().default(""),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
});

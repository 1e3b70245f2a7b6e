import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { conferences } from "./conferences";
import { groups } from "./groups";
import { tsvector } from "./types";
import { files } from "./uploads";

export const reportStatus = pgEnum("report_status", [
  "draft",
  "submitted",
  "changes_requested",
  "approved",
  "published",
]);

/** A group's yearly Umsetzungsbericht for one conference. */
export const groupReports = pgTable(
  "group_reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    groupId: uuid()
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    status: reportStatus().notNull().default("draft"),
    activities: text().notNull().default(""),
    progress: text().notNull().default(""),
    obstacles: text().notNull().default(""),
    networking: text().notNull().default(""),
    previousGoals: text().notNull().default(""),
    proposals: text().notNull().default(""),
    /** The sections' search vector (the site search; the files' text has its own in file_versions). */
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('german', "activities" || ' ' || "progress" || ' ' || "obstacles" || ' ' || "networking" || ' ' || "previous_goals" || ' ' || "proposals")`,
    ),
    /** The organiser's last request for changes. */
    organiserComment: text().notNull().default(""),
    submittedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.groupId, t.conferenceId), index("group_reports_search_idx").using("gin", t.search)],
);

export const groupReportFiles = pgTable(
  "group_report_files",
  {
    reportId: uuid()
      .notNull()
      .references(() => groupReports.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.fileId] })],
);

/** Who changed what, when: the report's history. */
export const groupReportEvents = pgTable(
  "group_report_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => groupReports.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** edited | submitted | changes_requested | approved | published | file_added | file_replaced | reminder */
    action: text().notNull(),
    detail: text().notNull().default(""),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.reportId, t.at)],
);

/** Submission deadline per conference (kept apart from the conferences table). */
export const reportDeadlines = pgTable("report_deadlines", {
  conferenceId: uuid()
    .primaryKey()
    .references(() => conferences.id, { onDelete: "cascade" }),
  submitBy: timestamp({ withTimezone: true }).notNull(),
  /** Reminder mails go out this many days before the deadline. */
  reminderDays: integer().notNull().default(7),
});

/** One reminder per group and conference, so the scheduler never mails twice. */
export const reportReminders = pgTable(
  "report_reminders",
  {
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    groupId: uuid()
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.groupId] })],
);

import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const conferenceStatus = pgEnum("conference_status", [
  "draft",
  "published",
  "registration_open",
  "registration_closed",
  "held",
  "documented",
]);

export const conferences = pgTable("conferences", {
  id: uuid().primaryKey().defaultRandom(),
  /** One conference per year; the year is its public address (/konferenzen/2026). */
  year: integer().notNull().unique(),
  title: text().notNull(),
  description: text().notNull().default(""),
  startsAt: timestamp({ withTimezone: true }).notNull(),
  endsAt: timestamp({ withTimezone: true }).notNull(),
  venueName: text().notNull(),
  venueAddress: text().notNull(),
  venueAccessibility: text().notNull().default(""),
  capacity: integer().notNull(),
  registrationOpensAt: timestamp({ withTimezone: true }),
  registrationClosesAt: timestamp({ withTimezone: true }),
  status: conferenceStatus().notNull().default("draft"),
  /** How long a submitted registration keeps its seat while awaiting the confirmation click. */
  holdHours: integer().notNull().default(48),
  /** The reminder mail goes out this many days before the start (0: none). */
  reminderDaysBefore: integer().notNull().default(3),
  /** Short code for the day (projector, badges): opens questions and voting without an account. */
  dayCode: text().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Parallel forums / workshops, each with its own capacity. */
export const forums = pgTable(
  "forums",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    capacity: integer().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [index().on(t.conferenceId)],
);

export const agendaItemKind = pgEnum("agenda_item_kind", [
  "welcome",
  "expert_input",
  "group_presentations",
  "discussion",
  "forum",
  "break",
]);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }),
    title: text().notNull(),
    kind: agendaItemKind().notNull(),
    speakers: text().notNull().default(""),
    forumId: uuid().references(() => forums.id, { onDelete: "set null" }),
  },
  (t) => [index().on(t.conferenceId, t.startsAt)],
);

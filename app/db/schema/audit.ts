import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Who did what, when: organiser actions on personal data and on publications. The summary names
 * the object (e.g. "Anmeldung #…"), never the content of personal data.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorName: text().notNull(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    summary: text().notNull().default(""),
  },
  (t) => [index().on(t.at), index().on(t.subjectType, t.subjectId)],
);

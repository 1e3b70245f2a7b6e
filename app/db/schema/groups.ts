import { pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const groupKind = pgEnum("group_kind", ["working_group", "district_network"]);

/** Facharbeitskreise (working_group) and Stadtteilnetzwerke (district_network). */
export const groups = pgTable("groups", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  kind: groupKind().notNull(),
  description: text().notNull().default(""),
  /** Handlungsfelder of the integration concept this group works on. */
  fieldsOfAction: text().array().notNull().default([]),
  contactName: text(),
  contactEmail: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

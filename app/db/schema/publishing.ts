import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { conferences } from "./conferences";
import { registrations } from "./registrations";
import { outbox } from "./system";
import { tsvector } from "./types";
import { files } from "./uploads";

/**
 * The document library (/dokumente): the integration concept, the yearly Integrationsberichte and
 * their parts, flyers, posters … Each entry is an uploaded file or an external link. `fileText`
 * is the text of its PDF, copied at upload so the search index covers it.
 */
export const libraryEntries = pgTable(
  "library_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stable public address /dokumente/<slug>. */
    slug: text().notNull().unique(),
    title: text().notNull(),
    year: integer(),
    /** konzept | integrationsbericht | zahlen | flyer | plakat | arbeitshilfe | broschuere | integrationsprofil | dokumentation | sonstiges */
    type: text().notNull(),
    /** Monitoring area: demografie | beschaeftigung | bildung | gesundheit | lebensunterhalt | rechtliche_situation */
    area: text(),
    description: text().notNull().default(""),
    parentId: uuid().references((): AnyPgColumn => libraryEntries.id, { onDelete: "set null" }),
    position: integer().notNull().default(0),
    fileId: uuid().references(() => files.id, { onDelete: "set null" }),
    /** http(s) only, checked on input. */
    url: text(),
    fileText: text().notNull().default(""),
    published: boolean().notNull().default(false),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('german', coalesce("title", '')), 'A') || setweight(to_tsvector('german', coalesce("description", '')), 'B') || setweight(to_tsvector('german', coalesce("file_text", '')), 'C')`,
    ),
  },
  (t) => [index("library_entries_search_idx").using("gin", t.search), index().on(t.parentId), index().on(t.year)],
);

/** The documentation of one conference (/konferenzen/<jahr>/dokumentation), public once published. */
export const documentations = pgTable("documentations", {
  id: uuid().primaryKey().defaultRandom(),
  conferenceId: uuid()
    .notNull()
    .unique()
    .references(() => conferences.id, { onDelete: "cascade" }),
  intro: text().notNull().default(""),
  includeReports: boolean().notNull().default(true),
  includeDiscussion: boolean().notNull().default(true),
  includeGoals: boolean().notNull().default(true),
  publishedAt: timestamp({ withTimezone: true }),
  /** When the opted-in participants were last mailed about this publication (see documentationNotices). */
  notifiedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A speech (Redebeitrag): written as Markdown; `html` is its rendering (markdown-it + sanitize-html, see
 * ~/utils/markdown.server), stored beside it for the page, the PDF, the ZIP and the search.
 */
export const documentationSpeeches = pgTable(
  "documentation_speeches",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentationId: uuid()
      .notNull()
      .references(() => documentations.id, { onDelete: "cascade" }),
    title: text().notNull(),
    /** Public speaker (a role on the agenda, not a participant). */
    speaker: text().notNull().default(""),
    /** The source the organiser writes; empty only for speeches from before Markdown (converted at start). */
    markdown: text().notNull().default(""),
    html: text().notNull().default(""),
    /** The same text without markup, for the search. */
    plainText: text().notNull().default(""),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('german', coalesce("title", '') || ' ' || coalesce("speaker", '')), 'A') || setweight(to_tsvector('german', coalesce("plain_text", '')), 'B')`,
    ),
  },
  (t) => [index("documentation_speeches_search_idx").using("gin", t.search), index().on(t.documentationId)],
);

/** Presentations and materials of a documentation (uploads). */
export const documentationMaterials = pgTable(
  "documentation_materials",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentationId: uuid()
      .notNull()
      .references(() => documentations.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    title: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.documentationId)],
);

/**
 * The photo documentation. A photo is public only when the documentation is published, it has an
 * alt text and it is cleared (nobody identifiable without photo consent).
 */
export const documentationPhotos = pgTable(
  "documentation_photos",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentationId: uuid()
      .notNull()
      .references(() => documentations.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    altText: text().notNull().default(""),
    caption: text().notNull().default(""),
    cleared: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.documentationId)],
);

/**
 * Who was mailed that a documentation is published (consent purpose documentation_news): one row
 * per documentation and registration, so nobody is mailed twice, whatever is withdrawn and
 * published again. `outboxId` lets a withdrawal take back mails that have not gone out yet.
 */
export const documentationNotices = pgTable(
  "documentation_notices",
  {
    documentationId: uuid()
      .notNull()
      .references(() => documentations.id, { onDelete: "cascade" }),
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    outboxId: uuid().references(() => outbox.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.documentationId, t.registrationId] }),
    index().on(t.registrationId),
    index().on(t.outboxId),
  ],
);

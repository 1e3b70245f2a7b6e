import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { conferences } from "./conferences";
import { fileVersions } from "./uploads";

/**
 * What the projector view, the search and the archive need of a document version, made once in the
 * background (app/modules/renditions): for an Office file the PDF LibreOffice made of it (`pdfKey`),
 * for every PDF the text and a server-rendered image of each page. The row is also the job queue:
 * "pending" rows are claimed one at a time (`lockedUntil`), "unavailable" waits for a converter.
 */
export const fileRenditions = pgTable(
  "file_renditions",
  {
    fileVersionId: uuid()
      .primaryKey()
      .references(() => fileVersions.id, { onDelete: "cascade" }),
    /** pending | done | failed | unavailable */
    status: text().notNull().default("pending"),
    /** Why it cannot be shown: noConverter | noRenderer | timeout | damaged | tooManyPages */
    reason: text(),
    /** The derived PDF of an Office file (storage key); null for PDFs (the original is the PDF). */
    pdfKey: text(),
    pageCount: integer().notNull().default(0),
    pageTexts: jsonb().$type<string[]>().notNull().default([]),
    pageImageKeys: jsonb().$type<string[]>().notNull().default([]),
    attempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status)],
);

/**
 * The publication "Dokumentation der Integrationskonferenz <Jahr>": one tagged PDF per conference,
 * regenerated when its source (the published documentation) changes (`sourceHash`).
 */
export const publications = pgTable("publications", {
  conferenceId: uuid()
    .primaryKey()
    .references(() => conferences.id, { onDelete: "cascade" }),
  /** pending | done | failed | unavailable */
  status: text().notNull().default("pending"),
  reason: text(),
  storageKey: text(),
  size: integer(),
  sourceHash: text().notNull().default(""),
  lockedUntil: timestamp({ withTimezone: true }),
  generatedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

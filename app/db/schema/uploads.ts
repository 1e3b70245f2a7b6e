import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tsvector } from "./types";
import { users } from "./auth";

/**
 * An uploaded document (the shared upload component). Its content lives in versions: replacing a
 * file adds a version and keeps the earlier ones. `quotaKey` says whose quota it counts against
 * (e.g. "group:<uuid>"); `public` is set by the owning domain once the file may be shown to anyone.
 */
export const files = pgTable(
  "files",
  {
    id: uuid().primaryKey().defaultRandom(),
    quotaKey: text().notNull(),
    currentVersion: integer().notNull().default(1),
    public: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.quotaKey)],
);

export const fileVersions = pgTable(
  "file_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    fileId: uuid()
      .notNull()
      .references(() => files.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    /** Sanitised for display: no path, no control or bidi characters. Never used on disk. */
    displayName: text().notNull(),
    /** pdf | docx | pptx | xlsx | jpeg | png */
    kind: text().notNull(),
    contentType: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    /** Random name in the storage (never derived from the user's file name). */
    storageKey: text().notNull(),
    thumbnailKey: text(),
    /** Text of a PDF, extracted at upload for the search. */
    textContent: text(),
    /** The text's search vector (reports' and materials' files in the site search). */
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('german', coalesce("text_content", ''))`),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.fileId, t.version), index("file_versions_search_idx").using("gin", t.search)],
);

import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Fixed-window counters shared by every app instance (see docs/decisions/004-rate-limits-in-the-database.md). */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "dead"]);

export type OutboxAttachment = { filename: string; contentType: string; contentBase64: string };

/** Transactional outbox: a mail is written in the same transaction as the change that causes it. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What the mail is about, for organisers and for deletion requests (e.g. "registration:<id>"). */
    topic: text().notNull().default(""),
    to: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    attachments: jsonb().$type<OutboxAttachment[]>().notNull().default([]),
    /**
     * A mail queued as data: the worker renders template `template` with `props` into html and
     * text when it sends (rendering costs more than the rest of a registration).
     */
    template: text(),
    props: jsonb().$type<Record<string, unknown>>(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set while a worker sends the row; a crashed worker's claim expires. */
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    // clock_timestamp(), not now(): now() is the transaction's start, so two transactions that
    // queue on the same lock would order their mails against the order they were written in.
    createdAt: timestamp({ withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.status, t.nextAttemptAt), index().on(t.topic)],
);

/** When each scheduled job last started: with several instances, one claims each run. */
export const jobRuns = pgTable("job_runs", {
  name: text().primaryKey(),
  lastRunAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * The content version on PostgreSQL: bumped after every committed write of content, read by the
 * full-page cache of every instance (app/db/content-version.server.ts).
 */
export const contentVersion = pgSequence("content_version");

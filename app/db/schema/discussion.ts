import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { agendaItems, conferences } from "./conferences";
import { files } from "./uploads";

export type Speaker = { name: string; role: string };

export const discussionModeration = pgEnum("discussion_moderation", ["pre", "post"]);

/** A Fachinput (expert discussion input) with its question window and moderation mode. */
export const discussionInputs = pgTable(
  "discussion_inputs",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    agendaItemId: uuid().references(() => agendaItems.id, { onDelete: "set null" }),
    title: text().notNull(),
    speakers: jsonb().$type<Speaker[]>().notNull().default([]),
    abstract: text().notNull().default(""),
    moderation: discussionModeration().notNull().default("pre"),
    /** Questions and likes are taken only inside [opensAt, closesAt); unset means closed. */
    questionsOpenAt: timestamp({ withTimezone: true }),
    questionsCloseAt: timestamp({ withTimezone: true }),
    /** The speaker's slides (shared upload component); public once attached. */
    slidesFileId: uuid().references(() => files.id, { onDelete: "set null" }),
    /** Bumped by every change the room view shows; live streams poll it (works across instances). */
    version: integer().notNull().default(0),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.conferenceId)],
);

export const questionStatus = pgEnum("discussion_question_status", ["pending", "approved", "hidden", "answered"]);

/** A question or comment from the room: plain text only, name optional. */
export const discussionQuestions = pgTable(
  "discussion_questions",
  {
    id: uuid().primaryKey().defaultRandom(),
    inputId: uuid()
      .notNull()
      .references(() => discussionInputs.id, { onDelete: "cascade" }),
    text: text().notNull(),
    authorName: text(),
    status: questionStatus().notNull().default("pending"),
    pinned: boolean().notNull().default(false),
    /** A duplicate points at the question it was merged into (and is no longer listed). */
    mergedIntoId: uuid().references((): AnyPgColumn => discussionQuestions.id, { onDelete: "set null" }),
    likeCount: integer().notNull().default(0),
    /** SHA-256 of the functional device id: lets the asker see their own waiting question. */
    deviceHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.inputId, t.status),
    // At most one question per input is "being discussed now".
    uniqueIndex("discussion_questions_one_pinned")
      .on(t.inputId)
      .where(sql`${t.pinned}`),
  ],
);

/** One like per device and question (device id hashed). */
export const discussionLikes = pgTable(
  "discussion_likes",
  {
    questionId: uuid()
      .notNull()
      .references(() => discussionQuestions.id, { onDelete: "cascade" }),
    deviceHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.deviceHash] })],
);

/** Users an organiser allowed to moderate the inputs of one conference. */
export const discussionModerators = pgTable(
  "discussion_moderators",
  {
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    grantedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.userId] })],
);

/** The moderator's outcome of the discussion of one input; public once published. */
export const discussionRecords = pgTable("discussion_records", {
  inputId: uuid()
    .primaryKey()
    .references(() => discussionInputs.id, { onDelete: "cascade" }),
  outcome: text().notNull().default(""),
  publishedAt: timestamp({ withTimezone: true }),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Seam to the goals domain: an open question turned into a goal proposal lands here as a draft
 * until the goals module takes it over (then `goalProposalId` names the proposal it became).
 */
export const discussionGoalDrafts = pgTable("discussion_goal_drafts", {
  id: uuid().primaryKey().defaultRandom(),
  questionId: uuid()
    .notNull()
    .unique()
    .references(() => discussionQuestions.id, { onDelete: "cascade" }),
  inputId: uuid()
    .notNull()
    .references(() => discussionInputs.id, { onDelete: "cascade" }),
  conferenceId: uuid()
    .notNull()
    .references(() => conferences.id, { onDelete: "cascade" }),
  text: text().notNull(),
  goalProposalId: uuid(),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { conferences } from "./conferences";
import { groups } from "./groups";
import { tsvector } from "./types";

/**
 * The goal cycle: the concept's catalogue (Handlungsfelder, Handlungsempfehlungen in versions),
 * proposals, dot voting, agreed goals (Zielvereinbarungen) and one status per conference year.
 */

/** A version of the Interkulturelles Gesamtkonzept (e.g. "2012", "2024"); exactly one is current. */
export const conceptVersions = pgTable("concept_versions", {
  id: uuid().primaryKey().defaultRandom(),
  label: text().notNull().unique(),
  isCurrent: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Handlungsfelder; the code is the prefix of their recommendations (BIL → BIL-12). */
export const fieldsOfAction = pgTable("fields_of_action", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull().unique(),
  position: integer().notNull().default(0),
});

/** Handlungsempfehlungen of one concept version. */
export const recommendations = pgTable(
  "recommendations",
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid()
      .notNull()
      .references(() => conceptVersions.id, { onDelete: "cascade" }),
    code: text().notNull(),
    title: text().notNull(),
    text: text().notNull().default(""),
    fieldId: uuid()
      .notNull()
      .references(() => fieldsOfAction.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.versionId, t.code), index().on(t.fieldId)],
);

export const successorKind = pgEnum("successor_kind", ["kept", "merged", "split", "dropped"]);

/** How a recommendation of an older version lives on in a newer one (dropped: no successor). */
export const recommendationSuccessors = pgTable(
  "recommendation_successors",
  {
    id: uuid().primaryKey().defaultRandom(),
    fromId: uuid()
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
    toId: uuid().references(() => recommendations.id, { onDelete: "cascade" }),
    kind: successorKind().notNull(),
  },
  (t) => [index().on(t.fromId), index().on(t.toId), unique().on(t.fromId, t.toId)],
);

export const proposalSource = pgEnum("proposal_source", ["participant", "group", "organiser", "discussion"]);
/** submitted: waits for review; accepted: public and on the ballot; merged into another; rejected. */
export const proposalStatus = pgEnum("proposal_status", ["submitted", "accepted", "merged", "rejected"]);

export const goalProposals = pgTable(
  "goal_proposals",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    fieldId: uuid().references(() => fieldsOfAction.id),
    proposedGroupId: uuid().references(() => groups.id, { onDelete: "set null" }),
    source: proposalSource().notNull(),
    status: proposalStatus().notNull().default("submitted"),
    /** Set when an organiser merged this proposal into another one (the trace stays visible). */
    mergedIntoId: uuid(),
    mergedAt: timestamp({ withTimezone: true }),
    /** A theme label organisers use to cluster proposals. */
    cluster: text().notNull().default(""),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Origin outside the form, e.g. "discussion:<question id>" (from the live discussion record). */
    originRef: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.conferenceId, t.status), index().on(t.mergedIntoId)],
);

export const proposalRecommendations = pgTable(
  "proposal_recommendations",
  {
    proposalId: uuid()
      .notNull()
      .references(() => goalProposals.id, { onDelete: "cascade" }),
    recommendationId: uuid()
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.recommendationId] })],
);

/** One dot-voting round per conference. */
export const votingRounds = pgTable(
  "voting_rounds",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .unique()
      .references(() => conferences.id, { onDelete: "cascade" }),
    pointsPerVoter: integer().notNull(),
    maxPerProposal: integer().notNull(),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "voting_round_points",
      sql`${t.pointsPerVoter} > 0 and ${t.maxPerProposal} > 0 and ${t.maxPerProposal} <= ${t.pointsPerVoter}`,
    ),
  ],
);

/** One ballot per voter key: SHA-256 of "device:<id>" or "registration:<id>", never the raw id. */
export const ballots = pgTable(
  "ballots",
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => votingRounds.id, { onDelete: "cascade" }),
    voterKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.roundId, t.voterKey)],
);

export const ballotPoints = pgTable(
  "ballot_points",
  {
    ballotId: uuid()
      .notNull()
      .references(() => ballots.id, { onDelete: "cascade" }),
    proposalId: uuid()
      .notNull()
      .references(() => goalProposals.id, { onDelete: "cascade" }),
    points: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ballotId, t.proposalId] }),
    index().on(t.proposalId),
    check("ballot_points_positive", sql`${t.points} > 0`),
  ],
);

/** Zielvereinbarungen: the number is the goal's ID for life (/ziele/<id>). */
export const goals = pgTable(
  "goals",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    title: text().notNull(),
    description: text().notNull().default(""),
    fieldId: uuid().references(() => fieldsOfAction.id),
    ownerGroupId: uuid()
      .notNull()
      .references(() => groups.id),
    partners: text().notNull().default(""),
    measure: text().notNull().default(""),
    indicator: text().notNull().default(""),
    targetYear: integer().notNull(),
    originConferenceId: uuid()
      .notNull()
      .references(() => conferences.id),
    originProposalId: uuid().references(() => goalProposals.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The site search's vector of the goal's words. */
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('german', "title" || ' ' || "description" || ' ' || "measure" || ' ' || "indicator")`,
    ),
  },
  (t) => [
    index().on(t.ownerGroupId),
    index().on(t.originConferenceId),
    index("goals_search_idx").using("gin", t.search),
  ],
);

export const goalRecommendations = pgTable(
  "goal_recommendations",
  {
    goalId: integer()
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    recommendationId: uuid()
      .notNull()
      .references(() => recommendations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.recommendationId] }), index().on(t.recommendationId)],
);

export const goalStatus = pgEnum("goal_status", [
  "neu",
  "in_umsetzung",
  "erreicht",
  "angepasst",
  "uebertragen",
  "verworfen",
]);

/**
 * One status per goal and conference year. `status`/`sachstand` are what the public sees; a
 * coordinator's update waits in `pending*` until an organiser publishes it.
 */
export const goalYears = pgTable(
  "goal_years",
  {
    id: uuid().primaryKey().defaultRandom(),
    goalId: integer()
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id),
    status: goalStatus().notNull(),
    sachstand: text().notNull().default(""),
    publishedAt: timestamp({ withTimezone: true }),
    pendingStatus: goalStatus(),
    pendingSachstand: text(),
    pendingByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    pendingAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.goalId, t.conferenceId), index().on(t.conferenceId)],
);

/** Every published change of a goal's yearly status, oldest first: the goal page's full history. */
export const goalUpdates = pgTable(
  "goal_updates",
  {
    id: uuid().primaryKey().defaultRandom(),
    goalId: integer()
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id),
    status: goalStatus().notNull(),
    sachstand: text().notNull().default(""),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.goalId, t.publishedAt)],
);

import { and, asc, desc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/db/client.server";
import {
  conferences,
  fieldsOfAction,
  goalProposals,
  goalRecommendations,
  goals,
  goalUpdates,
  goalYears,
  groups,
  recommendations,
  users,
} from "~/db/schema";
import { translator, type Locale } from "~/i18n/catalog";
import { enqueueMail, renderMail } from "~/modules/mail/outbox.server";
import { GoalReminderEmail } from "../../../emails/goal-reminder";
import { currentEquivalents, listRecommendations, successorsOf } from "./catalogue.server";
import { votingResults } from "./voting.server";
import { withoutSearch } from "~/db/columns";

export const GOAL_STATUSES = ["neu", "in_umsetzung", "erreicht", "angepasst", "uebertragen", "verworfen"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** Statuses of a goal that is still being worked on: it rolls into the next conference. */
export const OPEN_STATUSES: readonly GoalStatus[] = ["neu", "in_umsetzung", "angepasst", "uebertragen"];

export type Actor = { id: string; role: "organiser" | "coordinator"; groupId: string | null };

export type AgreeInput = {
  conferenceId: string;
  title: string;
  description?: string;
  fieldId?: string | null;
  ownerGroupId: string;
  partners?: string;
  measure?: string;
  indicator?: string;
  targetYear: number;
  recommendationIds?: string[];
  originProposalId?: string | null;
  /** The organiser who agreed it (audit log); the demo and imports have none. */
  actor?: { id: string; name?: string } | null;
  now?: Date;
};

/** A Zielvereinbarung: the goal gets its ID for life and the status "neu" in its conference year. */
export async function agreeGoal(input: AgreeInput): Promise<number> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [goal] = await tx
      .insert(goals)
      .values({
        title: input.title,
        description: input.description ?? "",
        fieldId: input.fieldId ?? null,
        ownerGroupId: input.ownerGroupId,
        partners: input.partners ?? "",
        measure: input.measure ?? "",
        indicator: input.indicator ?? "",
        targetYear: input.targetYear,
        originConferenceId: input.conferenceId,
        originProposalId: input.originProposalId ?? null,
        createdAt: now,
      })
      .returning({ id: goals.id });
    const recs = [...new Set(input.recommendationIds ?? [])];
    if (recs.length)
      await tx
        .insert(goalRecommendations)
        .values(recs.map((recommendationId) => ({ goalId: goal!.id, recommendationId })));
    await tx
      .insert(goalYears)
      .values({ goalId: goal!.id, conferenceId: input.conferenceId, status: "neu", publishedAt: now, updatedAt: now });
    await tx
      .insert(goalUpdates)
      .values({ goalId: goal!.id, conferenceId: input.conferenceId, status: "neu", sachstand: "", publishedAt: now });
    if (input.actor)
      await recordAudit(tx, {
        actor: input.actor,
        action: "goal.agree",
        subjectType: "goal",
        subjectId: String(goal!.id),
        summary: input.title,
      });
    return goal!.id;
  });
}

export async function getGoal(id: number) {
  const [row] = await db.select(withoutSearch(goals)).from(goals).where(eq(goals.id, id));
  return row ?? null;
}

/** The goal's row for its most recent conference year (where updates go). */
async function latestYearRow(goalId: number) {
  const [row] = await db
    .select({
      id: goalYears.id,
      conferenceId: goalYears.conferenceId,
      year: conferences.year,
      status: goalYears.status,
      sachstand: goalYears.sachstand,
    })
    .from(goalYears)
    .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
    .where(eq(goalYears.goalId, goalId))
    .orderBy(desc(conferences.year))
    .limit(1);
  return row ?? null;
}

/**
 * Updates the status and Sachstand of a goal for its current conference year. A coordinator may
 * only update their own group's goals (anyone else gets null: the goal is not theirs to see);
 * their update waits for an organiser's review. An organiser's update is published at once.
 */
export async function updateGoalStatus(input: {
  goalId: number;
  actor: Actor;
  status: GoalStatus;
  sachstand: string;
  /** false: no audit entry (the demo seed acts without an account). */
  audit?: boolean;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const goal = await getGoal(input.goalId);
  if (!goal) return null;
  if (input.actor.role !== "organiser" && input.actor.groupId !== goal.ownerGroupId) return null;
  const row = await latestYearRow(goal.id);
  if (!row) return null;
  if (input.actor.role === "organiser") {
    await db.transaction(async (tx) => {
      await tx
        .update(goalYears)
        .set({
          status: input.status,
          sachstand: input.sachstand,
          publishedAt: now,
          updatedAt: now,
          pendingStatus: null,
          pendingSachstand: null,
          pendingByUserId: null,
          pendingAt: null,
        })
        .where(eq(goalYears.id, row.id));
      await tx.insert(goalUpdates).values({
        goalId: goal.id,
        conferenceId: row.conferenceId,
        status: input.status,
        sachstand: input.sachstand,
        publishedAt: now,
      });
      if (input.audit !== false)
        await recordAudit(tx, {
          actor: { id: input.actor.id },
          action: "goal.status.publish",
          subjectType: "goal",
          subjectId: String(goal.id),
          summary: `${row.year}: ${input.status}`,
        });
    });
    return { published: true, year: row.year };
  }
  await db
    .update(goalYears)
    .set({
      pendingStatus: input.status,
      pendingSachstand: input.sachstand,
      pendingByUserId: input.actor.id,
      pendingAt: now,
      updatedAt: now,
    })
    .where(eq(goalYears.id, row.id));
  return { published: false, year: row.year };
}

/** Updates that coordinators sent and organisers have not reviewed yet. */
export async function listPendingUpdates() {
  return db
    .select({
      goalYearId: goalYears.id,
      goalId: goals.id,
      title: goals.title,
      groupName: groups.name,
      year: conferences.year,
      status: goalYears.status,
      sachstand: goalYears.sachstand,
      pendingStatus: goalYears.pendingStatus,
      pendingSachstand: goalYears.pendingSachstand,
      pendingAt: goalYears.pendingAt,
    })
    .from(goalYears)
    .innerJoin(goals, eq(goals.id, goalYears.goalId))
    .innerJoin(groups, eq(groups.id, goals.ownerGroupId))
    .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
    .where(isNotNull(goalYears.pendingStatus))
    .orderBy(asc(goalYears.pendingAt));
}

/** An organiser publishes (or sends back) a coordinator's update. */
export async function reviewUpdate(input: {
  goalYearId: string;
  decision: "publish" | "reject";
  actor?: { id: string; name?: string } | null;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(goalYears)
      .where(and(eq(goalYears.id, input.goalYearId), isNotNull(goalYears.pendingStatus)));
    if (!row) return false;
    if (input.decision === "publish") {
      await tx
        .update(goalYears)
        .set({
          status: row.pendingStatus!,
          sachstand: row.pendingSachstand ?? "",
          publishedAt: now,
          updatedAt: now,
          pendingStatus: null,
          pendingSachstand: null,
          pendingByUserId: null,
          pendingAt: null,
        })
        .where(eq(goalYears.id, row.id));
      await tx.insert(goalUpdates).values({
        goalId: row.goalId,
        conferenceId: row.conferenceId,
        status: row.pendingStatus!,
        sachstand: row.pendingSachstand ?? "",
        publishedAt: now,
      });
    } else {
      await tx
        .update(goalYears)
        .set({ pendingStatus: null, pendingSachstand: null, pendingByUserId: null, pendingAt: null, updatedAt: now })
        .where(eq(goalYears.id, row.id));
    }
    if (input.actor)
      await recordAudit(tx, {
        actor: input.actor,
        action: input.decision === "publish" ? "goal.status.publish" : "goal.status.return",
        subjectType: "goal",
        subjectId: String(row.goalId),
        summary: row.pendingStatus ?? "",
      });
    return true;
  });
}

export type RolloverRefusal = "conference" | "notLater" | "notTakenPlace";

/**
 * What a rollover from `fromYear` into `toYear` would do: the open goals (latest status up to
 * `fromYear` open, not yet in `toYear`) per owner group, and who gets the reminder — the group's
 * coordinators (active accounts) and its contact address, each address once. Guard rails: only into
 * a later conference, and only from one that has taken place (by `now`).
 */
export async function planRollover(input: { fromYear: number; toYear: number; now?: Date }) {
  const now = input.now ?? new Date();
  const [target] = await db.select().from(conferences).where(eq(conferences.year, input.toYear));
  const [source] = await db.select().from(conferences).where(eq(conferences.year, input.fromYear));
  if (!target || !source) return { ok: false as const, error: "conference" as RolloverRefusal };
  if (input.toYear <= input.fromYear || target.startsAt.getTime() <= source.endsAt.getTime())
    return { ok: false as const, error: "notLater" as RolloverRefusal };
  if (source.endsAt.getTime() > now.getTime()) return { ok: false as const, error: "notTakenPlace" as RolloverRefusal };
  const rows = await db
    .select({ goalId: goalYears.goalId, year: conferences.year, status: goalYears.status })
    .from(goalYears)
    .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
    .where(lte(conferences.year, input.toYear))
    .orderBy(asc(conferences.year));
  const latest = new Map<number, { year: number; status: GoalStatus }>();
  const inTarget = new Set<number>();
  for (const r of rows) {
    if (r.year === input.toYear) inTarget.add(r.goalId);
    else if (r.year <= input.fromYear) latest.set(r.goalId, r);
  }
  const ids = [...latest.entries()]
    .filter(([id, r]) => OPEN_STATUSES.includes(r.status) && !inTarget.has(id))
    .map(([id]) => id);
  const goalRows = ids.length
    ? await db
        .select({
          id: goals.id,
          title: goals.title,
          groupId: groups.id,
          groupName: groups.name,
          contactName: groups.contactName,
          contactEmail: groups.contactEmail,
        })
        .from(goals)
        .innerJoin(groups, eq(groups.id, goals.ownerGroupId))
        .where(inArray(goals.id, ids))
        .orderBy(asc(goals.id))
    : [];
  const groupIds = [...new Set(goalRows.map((g) => g.groupId))];
  const coordinators = groupIds.length
    ? await db
        .select({ groupId: users.groupId, name: users.name, email: users.email })
        .from(users)
        .where(and(eq(users.role, "coordinator"), eq(users.active, true), inArray(users.groupId, groupIds)))
        .orderBy(asc(users.name))
    : [];
  const plan = groupIds.map((groupId) => {
    const list = goalRows.filter((g) => g.groupId === groupId);
    const first = list[0]!;
    const recipients: { name: string; email: string }[] = [];
    const add = (name: string, email: string | null) => {
      if (email && !recipients.some((r) => r.email.toLowerCase() === email.toLowerCase()))
        recipients.push({ name, email });
    };
    for (const c of coordinators.filter((c) => c.groupId === groupId)) add(c.name, c.email);
    add(first.contactName ?? first.groupName, first.contactEmail);
    return {
      groupId,
      groupName: first.groupName,
      goals: list.map((g) => ({ id: g.id, title: g.title })),
      recipients,
    };
  });
  return { ok: true as const, target, ids, groups: plan };
}

/**
 * Rolls every open goal into the conference of `toYear` for review there (see planRollover): each
 * goal gets the status "übertragen" in the new year, and each owner group's coordinators and contact
 * get one reminder mail listing its goals. Running it twice changes nothing.
 */
export async function rollOverGoals(input: {
  fromYear: number;
  toYear: number;
  appUrl: string;
  locale?: Locale;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const planned = await planRollover(input);
  if (!planned.ok) return planned;
  const { target, ids } = planned;
  if (ids.length === 0) return { ok: true as const, rolled: 0, mailed: 0 };
  const t = translator(input.locale ?? "de");
  const mails: { to: string; groupId: string; html: string; text: string }[] = [];
  for (const group of planned.groups) {
    for (const recipient of group.recipients) {
      const { html, text } = await renderMail(
        GoalReminderEmail({
          t,
          lang: input.locale ?? "de",
          name: recipient.name,
          groupName: group.groupName,
          year: input.toYear,
          goals: group.goals.map((g) => ({ id: g.id, title: g.title, url: `${input.appUrl}/ziele/${g.id}` })),
          adminUrl: `${input.appUrl}/verwaltung/ziele`,
        }),
      );
      mails.push({ to: recipient.email, groupId: group.groupId, html, text });
    }
  }
  const goalRows = planned.groups.flatMap((g) => g.goals.map((goal) => ({ id: goal.id, groupId: g.groupId })));
  const rolled = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(goalYears)
      .values(
        ids.map((goalId) => ({
          goalId,
          conferenceId: target.id,
          status: "uebertragen" as const,
          sachstand: "",
          publishedAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ goalId: goalYears.goalId });
    if (inserted.length) {
      await tx.insert(goalUpdates).values(
        inserted.map((r) => ({
          goalId: r.goalId,
          conferenceId: target.id,
          status: "uebertragen" as const,
          sachstand: "",
          publishedAt: now,
        })),
      );
    }
    // Only for goals this run actually rolled: a second instance running at the same time sends nothing twice.
    const rolledGroups = new Set(goalRows.filter((g) => inserted.some((r) => r.goalId === g.id)).map((g) => g.groupId));
    let mailed = 0;
    for (const mail of mails.filter((m) => rolledGroups.has(m.groupId))) {
      await enqueueMail(tx, {
        to: mail.to,
        subject: t("goals.mail.reminder.subject", { year: input.toYear }),
        html: mail.html,
        text: mail.text,
        topic: `goals-rollover:${input.toYear}:${mail.groupId}:${mail.to.toLowerCase()}`,
      });
      mailed++;
    }
    return { rolled: inserted.length, mailed };
  });
  return { ok: true as const, ...rolled };
}

export type GoalFilter = {
  year?: number;
  fieldId?: string;
  groupId?: string;
  status?: GoalStatus;
  recommendationCode?: string;
};

/**
 * The public goal board. With a year: the goals that have a published status in that year (with
 * it). Without: every goal with its latest published status. Each goal lists its statuses by year.
 */
export async function listGoals(filter: GoalFilter = {}) {
  const rows = await db
    .select({
      id: goals.id,
      title: goals.title,
      ownerGroupId: goals.ownerGroupId,
      groupName: groups.name,
      groupSlug: groups.slug,
      fieldId: goals.fieldId,
      fieldName: fieldsOfAction.name,
      targetYear: goals.targetYear,
    })
    .from(goals)
    .innerJoin(groups, eq(groups.id, goals.ownerGroupId))
    .leftJoin(fieldsOfAction, eq(fieldsOfAction.id, goals.fieldId))
    .orderBy(asc(goals.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [years, links] = await Promise.all([
    db
      .select({
        goalId: goalYears.goalId,
        year: conferences.year,
        status: goalYears.status,
        sachstand: goalYears.sachstand,
      })
      .from(goalYears)
      .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
      .where(and(inArray(goalYears.goalId, ids), isNotNull(goalYears.publishedAt)))
      .orderBy(asc(conferences.year)),
    db
      .select({ goalId: goalRecommendations.goalId, code: recommendations.code, id: recommendations.id })
      .from(goalRecommendations)
      .innerJoin(recommendations, eq(recommendations.id, goalRecommendations.recommendationId))
      .where(inArray(goalRecommendations.goalId, ids)),
  ]);
  const wantedCode = filter.recommendationCode?.toUpperCase();
  let wantedRecIds: Set<string> | null = null;
  if (wantedCode) {
    // A filter on a current code also finds goals linked to its predecessors.
    const equivalents = await currentEquivalents();
    const codeIds = new Set(
      (
        await db.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.code, wantedCode))
      ).map((r) => r.id),
    );
    wantedRecIds = new Set([...codeIds]);
    for (const [id, current] of equivalents) if (current.some((c) => codeIds.has(c))) wantedRecIds.add(id);
  }
  return rows
    .map((r) => {
      const history = years
        .filter((y) => y.goalId === r.id)
        .map(({ year, status, sachstand }) => ({ year, status, sachstand }));
      const shown = filter.year ? history.find((h) => h.year === filter.year) : history.at(-1);
      return {
        ...r,
        history,
        status: shown?.status ?? null,
        year: shown?.year ?? null,
        sachstand: shown?.sachstand ?? "",
        recommendations: links.filter((l) => l.goalId === r.id),
      };
    })
    .filter((g) => g.status !== null)
    .filter((g) => !filter.fieldId || g.fieldId === filter.fieldId)
    .filter((g) => !filter.groupId || g.ownerGroupId === filter.groupId)
    .filter((g) => !filter.status || g.status === filter.status)
    .filter((g) => !wantedRecIds || g.recommendations.some((l) => wantedRecIds!.has(l.id)));
}

/** A goal's page: the goal, its links, every year's status, every published change and its origin. */
export async function getGoalPage(id: number) {
  const [goal] = await db
    .select({
      id: goals.id,
      title: goals.title,
      description: goals.description,
      partners: goals.partners,
      measure: goals.measure,
      indicator: goals.indicator,
      targetYear: goals.targetYear,
      createdAt: goals.createdAt,
      ownerGroupId: goals.ownerGroupId,
      groupName: groups.name,
      groupSlug: groups.slug,
      fieldName: fieldsOfAction.name,
      originProposalId: goals.originProposalId,
      originYear: conferences.year,
      originConferenceId: goals.originConferenceId,
    })
    .from(goals)
    .innerJoin(groups, eq(groups.id, goals.ownerGroupId))
    .innerJoin(conferences, eq(conferences.id, goals.originConferenceId))
    .leftJoin(fieldsOfAction, eq(fieldsOfAction.id, goals.fieldId))
    .where(eq(goals.id, id));
  if (!goal) return null;
  const [recs, years, updates] = await Promise.all([
    db
      .select({ id: recommendations.id, code: recommendations.code, title: recommendations.title })
      .from(goalRecommendations)
      .innerJoin(recommendations, eq(recommendations.id, goalRecommendations.recommendationId))
      .where(eq(goalRecommendations.goalId, id))
      .orderBy(asc(recommendations.code)),
    db
      .select({
        year: conferences.year,
        status: goalYears.status,
        sachstand: goalYears.sachstand,
        publishedAt: goalYears.publishedAt,
        pending: isNotNull(goalYears.pendingStatus).mapWith(Boolean),
      })
      .from(goalYears)
      .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
      .where(and(eq(goalYears.goalId, id), isNotNull(goalYears.publishedAt)))
      .orderBy(asc(conferences.year)),
    db
      .select({
        year: conferences.year,
        status: goalUpdates.status,
        sachstand: goalUpdates.sachstand,
        publishedAt: goalUpdates.publishedAt,
      })
      .from(goalUpdates)
      .innerJoin(conferences, eq(conferences.id, goalUpdates.conferenceId))
      .where(eq(goalUpdates.goalId, id))
      .orderBy(asc(goalUpdates.publishedAt)),
  ]);
  const successors = await successorsOf(recs.map((r) => r.id));
  let origin: null | {
    proposal: { id: string; title: string; description: string; source: string; originRef: string };
    mergedFrom: { title: string; source: string }[];
    votes: { points: number; rank: number; voters: number; ballots: number } | null;
  } = null;
  if (goal.originProposalId) {
    const [proposal] = await db.select().from(goalProposals).where(eq(goalProposals.id, goal.originProposalId));
    if (proposal) {
      const mergedFrom = await db
        .select({ title: goalProposals.title, source: goalProposals.source })
        .from(goalProposals)
        .where(eq(goalProposals.mergedIntoId, proposal.id))
        .orderBy(asc(goalProposals.createdAt));
      const results = await votingResults(proposal.conferenceId);
      const row = results.rows.find((r) => r.id === proposal.id);
      origin = {
        proposal: {
          id: proposal.id,
          title: proposal.title,
          description: proposal.description,
          source: proposal.source,
          originRef: proposal.originRef,
        },
        mergedFrom,
        votes: row ? { points: row.points, rank: row.rank, voters: row.voters, ballots: results.ballots } : null,
      };
    }
  }
  return {
    goal,
    recommendations: recs.map((r) => ({
      ...r,
      successors: successors.filter((s) => s.fromId === r.id).map((s) => ({ kind: s.kind, code: s.toCode })),
    })),
    years: years.map(({ pending: _pending, ...y }) => y),
    updates,
    origin,
  };
}

/** Goals of one group with their current year's row (the coordinators' list). */
export async function listGoalsForGroup(groupId: string | null) {
  const all = await listGoals(groupId ? { groupId } : {});
  const pending = await db
    .select({
      goalId: goalYears.goalId,
      pendingStatus: goalYears.pendingStatus,
      pendingSachstand: goalYears.pendingSachstand,
    })
    .from(goalYears)
    .where(isNotNull(goalYears.pendingStatus));
  return all.map((g) => ({ ...g, pending: pending.find((p) => p.goalId === g.id) ?? null }));
}

export type CoverageRow = {
  id: string;
  code: string;
  title: string;
  fieldName: string;
  active: number;
  achieved: number;
  lastYear: number | null;
  /** No goal with a published status within the last `years` conference years. */
  quiet: boolean;
};

/**
 * Coverage of the current concept: per recommendation, how many goals are active and achieved
 * (goals linked to predecessors count for their successors), and whether it had no goal at all
 * in the last `years` conference years up to `untilYear`.
 */
export async function coverage(input: { years: number; untilYear: number }): Promise<CoverageRow[]> {
  const [recs, equivalents, links, yearRows] = await Promise.all([
    listRecommendations(),
    currentEquivalents(),
    db.select().from(goalRecommendations),
    db
      .select({ goalId: goalYears.goalId, year: conferences.year, status: goalYears.status })
      .from(goalYears)
      .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
      .where(and(isNotNull(goalYears.publishedAt), lte(conferences.year, input.untilYear)))
      .orderBy(asc(conferences.year)),
  ]);
  const latest = new Map<number, { year: number; status: GoalStatus }>();
  const yearsOf = new Map<number, number[]>();
  for (const r of yearRows) {
    latest.set(r.goalId, r);
    yearsOf.set(r.goalId, [...(yearsOf.get(r.goalId) ?? []), r.year]);
  }
  const goalsOf = new Map<string, Set<number>>();
  for (const l of links) {
    for (const current of equivalents.get(l.recommendationId) ?? []) {
      goalsOf.set(current, (goalsOf.get(current) ?? new Set()).add(l.goalId));
    }
  }
  const from = input.untilYear - input.years + 1;
  return recs.map((r) => {
    const ids = [...(goalsOf.get(r.id) ?? [])];
    const states = ids.map((id) => latest.get(id)).filter((s): s is { year: number; status: GoalStatus } => Boolean(s));
    const allYears = ids.flatMap((id) => yearsOf.get(id) ?? []);
    const lastYear = allYears.length ? Math.max(...allYears) : null;
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      fieldName: r.fieldName,
      active: states.filter((s) => OPEN_STATUSES.includes(s.status)).length,
      achieved: states.filter((s) => s.status === "erreicht").length,
      lastYear,
      quiet: lastYear === null || lastYear < from,
    };
  });
}

/** Years that have a conference (newest first), for filters. */
export async function conferenceYears() {
  return (
    await db.select({ year: conferences.year, id: conferences.id }).from(conferences).orderBy(desc(conferences.year))
  ).map((r) => r);
}

/** Working groups and networks that can own a goal. */
export async function listGroups() {
  return db.select({ id: groups.id, name: groups.name }).from(groups).orderBy(asc(groups.name));
}

/**
 * The scheduled part of "a new conference takes over the open goals": once the newest conference
 * is public (not a draft), open goals of the conference year before it roll into it. Idempotent.
 */
export async function rollOverIntoNewestConference(input: { appUrl: string; now?: Date }) {
  const list = await db
    .select({ year: conferences.year, status: conferences.status })
    .from(conferences)
    .orderBy(desc(conferences.year))
    .limit(2);
  const [newest, before] = list;
  if (!newest || !before || newest.status === "draft") return { ok: true as const, rolled: 0, mailed: 0 };
  return rollOverGoals({ fromYear: before.year, toYear: newest.year, appUrl: input.appUrl, now: input.now });
}

export type GoalDetails = {
  title: string;
  description: string;
  ownerGroupId: string;
  partners: string;
  measure: string;
  indicator: string;
  targetYear: number;
};

/** Organisers change what was agreed (e.g. when a goal is "angepasst"); the number stays. */
export async function updateGoalDetails(input: { goalId: number; actor: Actor; details: GoalDetails }) {
  if (input.actor.role !== "organiser") return false;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(goals)
      .set(input.details)
      .where(eq(goals.id, input.goalId))
      .returning({ id: goals.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      actor: { id: input.actor.id },
      action: "goal.update",
      subjectType: "goal",
      subjectId: String(input.goalId),
      summary: input.details.title,
    });
    return true;
  });
}

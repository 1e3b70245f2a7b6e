import { and, asc, count, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import {
  agendaItems,
  conferences,
  discussionInputs,
  discussionModerators,
  discussionQuestions,
  documentations,
  forums,
  goalProposals,
  goalYears,
  goals,
  groupReports,
  groups,
  outbox,
  registrations,
  reportDeadlines,
  users,
  votingRounds,
} from "~/db/schema";

// The start pages of the organisers' area: the year at a glance for organisers (every step of the
// conference cycle with its figures and what is still open) and a coordinator's own group, report
// and goals. Read only; one grouped query per figure.

type Conference = typeof conferences.$inferSelect;
export type ReportState = (typeof groupReports.$inferSelect)["status"] | "missing";

/**
 * The conference the office works on: the earliest one not yet documented (the cycle of one year
 * ends with its documentation), else the newest. A year asked for explicitly wins.
 */
export async function workingConference(year?: number): Promise<Conference | null> {
  if (year) {
    const [c] = await db.select().from(conferences).where(eq(conferences.year, year));
    if (c) return c;
  }
  const [open] = await db
    .select()
    .from(conferences)
    .where(ne(conferences.status, "documented"))
    .orderBy(asc(conferences.year))
    .limit(1);
  if (open) return open;
  const [newest] = await db.select().from(conferences).orderBy(desc(conferences.year)).limit(1);
  return newest ?? null;
}

/** The steps of the yearly cycle (../shared/domain/README.md), in order; each links to where it is done. */
export const CHECKLIST_STEPS = [
  "setup",
  "publish",
  "registration",
  "coordinators",
  "deadline",
  "reports",
  "input",
  "voting",
  "held",
  "goals",
  "documentation",
  "statuses",
] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

export type YearOverview = Awaited<ReturnType<typeof yearOverview>>;

export async function yearOverview(conf: Conference, now = new Date()) {
  const id = conf.id;
  const [
    regRows,
    forumRows,
    agendaCount,
    groupRows,
    reportRows,
    deadline,
    inputRows,
    questionRows,
    proposalRows,
    round,
    agreed,
    statusRows,
    doc,
    dead,
    coordinatorRows,
  ] = await Promise.all([
    db
      .select({ status: registrations.status, n: count() })
      .from(registrations)
      .where(eq(registrations.conferenceId, id))
      .groupBy(registrations.status),
    db
      .select({
        id: forums.id,
        title: forums.title,
        capacity: forums.capacity,
        taken:
          sql<number>`count(${registrations.id}) filter (where ${registrations.status} in ('held', 'confirmed'))`.mapWith(
            Number,
          ),
        waitlisted:
          sql<number>`count(${registrations.id}) filter (where ${registrations.status} = 'waitlisted')`.mapWith(Number),
      })
      .from(forums)
      .leftJoin(registrations, eq(registrations.forumId, forums.id))
      .where(eq(forums.conferenceId, id))
      .groupBy(forums.id)
      .orderBy(asc(forums.position), asc(forums.title)),
    db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.conferenceId, id)),
    db
      .select({ id: groups.id, name: groups.name, kind: groups.kind })
      .from(groups)
      .orderBy(asc(groups.kind), asc(groups.name)),
    db
      .select({ id: groupReports.id, groupId: groupReports.groupId, status: groupReports.status })
      .from(groupReports)
      .where(eq(groupReports.conferenceId, id)),
    db.select().from(reportDeadlines).where(eq(reportDeadlines.conferenceId, id)),
    db
      .select({ id: discussionInputs.id, title: discussionInputs.title })
      .from(discussionInputs)
      .where(eq(discussionInputs.conferenceId, id))
      .orderBy(asc(discussionInputs.position)),
    db
      .select({ inputId: discussionQuestions.inputId, status: discussionQuestions.status, n: count() })
      .from(discussionQuestions)
      .innerJoin(discussionInputs, eq(discussionInputs.id, discussionQuestions.inputId))
      .where(eq(discussionInputs.conferenceId, id))
      .groupBy(discussionQuestions.inputId, discussionQuestions.status),
    db
      .select({ status: goalProposals.status, n: count() })
      .from(goalProposals)
      .where(eq(goalProposals.conferenceId, id))
      .groupBy(goalProposals.status),
    db.select().from(votingRounds).where(eq(votingRounds.conferenceId, id)),
    db.select({ n: count() }).from(goals).where(eq(goals.originConferenceId, id)),
    db
      .select({
        total: count(),
        open: sql<number>`count(*) filter (where ${goalYears.status} = 'uebertragen' and ${goalYears.sachstand} = '' and ${goalYears.pendingStatus} is null)`.mapWith(
          Number,
        ),
        pending: sql<number>`count(*) filter (where ${goalYears.pendingStatus} is not null)`.mapWith(Number),
      })
      .from(goalYears)
      .where(eq(goalYears.conferenceId, id)),
    db
      .select({ publishedAt: documentations.publishedAt })
      .from(documentations)
      .where(eq(documentations.conferenceId, id)),
    db.select({ n: count() }).from(outbox).where(eq(outbox.status, "dead")),
    db
      .select({ groupId: users.groupId, n: count() })
      .from(users)
      .where(and(eq(users.role, "coordinator"), eq(users.active, true), isNotNull(users.groupId)))
      .groupBy(users.groupId),
  ]);

  const byStatus = (s: string) => regRows.find((r) => r.status === s)?.n ?? 0;
  const confirmed = byStatus("confirmed");
  const held = byStatus("held");
  const registrationFigures = {
    capacity: conf.capacity,
    confirmed,
    held,
    waitlisted: byStatus("waitlisted"),
    free: Math.max(0, conf.capacity - confirmed - held),
    forums: forumRows.map((f) => ({ ...f, free: Math.max(0, f.capacity - f.taken) })),
  };

  const reportOf = new Map(reportRows.map((r) => [r.groupId, r]));
  const withCoordinator = new Set(coordinatorRows.map((r) => r.groupId));
  const groupList = groupRows.map((g) => {
    const report = reportOf.get(g.id);
    return {
      id: g.id,
      name: g.name,
      reportId: report?.id ?? null,
      state: (report?.status ?? "missing") as ReportState,
      hasCoordinator: withCoordinator.has(g.id),
    };
  });
  const reportsDone = groupList.filter((g) => g.state === "approved" || g.state === "published").length;
  const waitingForReview = groupList.filter((g) => g.state === "submitted").length;

  const inputs = inputRows.map((i) => {
    const of = (s: string) => questionRows.find((q) => q.inputId === i.id && q.status === s)?.n ?? 0;
    return { ...i, pending: of("pending"), approved: of("approved") + of("answered"), hidden: of("hidden") };
  });
  const proposalsOf = (s: string) => proposalRows.find((p) => p.status === s)?.n ?? 0;
  const votingRound = round[0] ?? null;
  const statuses = statusRows[0] ?? { total: 0, open: 0, pending: 0 };
  const documentation = doc[0]
    ? { exists: true, publishedAt: doc[0].publishedAt }
    : { exists: false, publishedAt: null };
  const over = now >= conf.endsAt || conf.status === "held" || conf.status === "documented";

  const done: Record<ChecklistStep, boolean> = {
    setup: forumRows.length > 0 && (agendaCount[0]?.n ?? 0) > 0,
    publish: conf.status !== "draft",
    registration: conf.status !== "draft" && conf.status !== "published",
    coordinators: groupList.length > 0 && groupList.every((g) => g.hasCoordinator),
    deadline: deadline.length > 0,
    reports: groupList.length > 0 && reportsDone === groupList.length,
    input: inputs.length > 0 && conf.dayCode !== null,
    voting: votingRound !== null,
    held: over,
    goals: (agreed[0]?.n ?? 0) > 0,
    documentation: documentation.publishedAt !== null,
    statuses: statuses.total > 0 && statuses.open === 0 && statuses.pending === 0,
  };
  const checklist = CHECKLIST_STEPS.map((step) => ({ step, done: done[step], href: stepHref(step, conf.year) }));

  return {
    conference: {
      id,
      year: conf.year,
      title: conf.title,
      status: conf.status,
      startsAt: conf.startsAt,
      dayCode: conf.dayCode,
    },
    nextStep: checklist.find((s) => !s.done) ?? null,
    checklist,
    registrations: registrationFigures,
    reports: { deadline: deadline[0]?.submitBy ?? null, groups: groupList, done: reportsDone, waitingForReview },
    inputs,
    goals: {
      proposals: {
        submitted: proposalsOf("submitted"),
        accepted: proposalsOf("accepted"),
        total: proposalRows.reduce((n, p) => n + p.n, 0),
      },
      votingClosesAt: votingRound?.closesAt ?? null,
      agreed: agreed[0]?.n ?? 0,
      statusesOpen: statuses.open,
      statusesPending: statuses.pending,
    },
    documentation,
    deadLetters: dead[0]?.n ?? 0,
  };
}

function stepHref(step: ChecklistStep, year: number): string {
  switch (step) {
    case "setup":
    case "publish":
    case "registration":
      return `/verwaltung/konferenzen/${year}`;
    case "coordinators":
      return "/verwaltung/arbeitskreise";
    case "deadline":
    case "reports":
      return "/verwaltung/berichte";
    case "input":
      return "/verwaltung/fachinputs";
    case "voting":
      return "/verwaltung/ziele/vorschlaege";
    case "held":
      return `/verwaltung/konferenzen/${year}/einlass`;
    case "goals":
      return "/verwaltung/ziele/vereinbaren";
    case "documentation":
      return `/verwaltung/dokumentation/${year}`;
    case "statuses":
      return "/verwaltung/ziele";
  }
}

export type CoordinatorHome = Awaited<ReturnType<typeof coordinatorHome>>;

/**
 * A coordinator's start page: her group, this year's report with its state and deadline, and the
 * goals her group owns with the status asked of her for the working conference.
 */
export async function coordinatorHome(user: { id: string; groupId: string | null }, conf: Conference | null) {
  if (!user.groupId) return { group: null, report: null, goals: [], moderates: false };
  const [[group], reportRows, deadline, goalRows, moderated] = await Promise.all([
    db.select({ id: groups.id, name: groups.name, slug: groups.slug }).from(groups).where(eq(groups.id, user.groupId)),
    conf
      ? db
          .select({ id: groupReports.id, status: groupReports.status })
          .from(groupReports)
          .where(and(eq(groupReports.groupId, user.groupId), eq(groupReports.conferenceId, conf.id)))
      : [],
    conf
      ? db
          .select({ submitBy: reportDeadlines.submitBy })
          .from(reportDeadlines)
          .where(eq(reportDeadlines.conferenceId, conf.id))
      : [],
    db
      .select({ id: goals.id, title: goals.title })
      .from(goals)
      .where(eq(goals.ownerGroupId, user.groupId))
      .orderBy(asc(goals.id)),
    moderatesAny(user.id),
  ]);
  const years =
    goalRows.length && conf
      ? await db
          .select({
            goalId: goalYears.goalId,
            status: goalYears.status,
            sachstand: goalYears.sachstand,
            pendingStatus: goalYears.pendingStatus,
          })
          .from(goalYears)
          .where(
            and(
              eq(goalYears.conferenceId, conf.id),
              inArray(
                goalYears.goalId,
                goalRows.map((g) => g.id),
              ),
            ),
          )
      : [];
  return {
    group: group ?? null,
    conference: conf ? { year: conf.year, title: conf.title } : null,
    report: conf
      ? {
          id: reportRows[0]?.id ?? null,
          state: (reportRows[0]?.status ?? "missing") as ReportState,
          deadline: deadline[0]?.submitBy ?? null,
        }
      : null,
    goals: goalRows.map((g) => {
      const y = years.find((r) => r.goalId === g.id);
      // Asked of her: a status for this year that is still the roll-over's placeholder.
      const asked = y ? y.status === "uebertragen" && y.sachstand === "" && y.pendingStatus === null : false;
      return { ...g, status: y?.status ?? null, pending: y?.pendingStatus ?? null, asked };
    }),
    moderates: moderated,
  };
}

/** Whether a user moderates the Fachinputs of any conference (coordinators see the menu entry only then). */
export async function moderatesAny(userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: discussionModerators.userId })
    .from(discussionModerators)
    .where(eq(discussionModerators.userId, userId))
    .limit(1);
  return rows.length > 0;
}

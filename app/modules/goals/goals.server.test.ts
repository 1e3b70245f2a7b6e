import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, goalYears, groups, outbox, users } from "~/db/schema";
import {
  createConceptVersion,
  findRecommendationsByCodes,
  importCatalogueCsv,
  importSuccessorCsv,
  listFields,
  makeVersionCurrent,
} from "./catalogue.server";
import {
  coverage,
  getGoalPage,
  listGoals,
  listPendingUpdates,
  reviewUpdate,
  planRollover,
  rollOverGoals,
  rollOverIntoNewestConference,
  updateGoalDetails,
  updateGoalStatus,
  agreeGoal,
  type Actor,
} from "./goals.server";
import { createProposal, listProposals, mergeProposals, setProposalStatus } from "./proposals.server";
import { findConferenceByDayCode } from "~/modules/conferences/day-code.server";
import { listAudit } from "~/modules/audit/audit.server";
import { castBallot, getBallot, saveVotingRound, voterKey, votingResults } from "./voting.server";

const CSV = `code;handlungsfeld;titel;text
BIL-1;Bildung;Eltern als Bildungspartner;Eltern früh beteiligen.
BIL-2;BIL;Mehrsprachigkeit nutzen;
SPR-1;Ganzheitliches Sprachförderkonzept;Durchgängige Sprachbildung;
GES-1;Gesundheit;Gesundheitslotsen;
KUL-1;Kultur;Vielfalt im Programm;
`;

const day = (y: number, m: number, d: number, h = 12) => new Date(Date.UTC(y, m - 1, d, h));

let year1: string;
let groupA: string;
let groupB: string;
let coordinatorA: Actor;
let organiser: Actor;

async function conference(year: number, dayCode: string) {
  const [row] = await db
    .insert(conferences)
    .values({
      year,
      title: `Konferenz ${year}`,
      startsAt: day(year, 11, 12, 9),
      endsAt: day(year, 11, 12, 15),
      venueName: "Saal",
      venueAddress: "Straße 1",
      capacity: 100,
      status: "published",
      dayCode,
    })
    .returning({ id: conferences.id });
  return row!.id;
}

beforeAll(async () => {
  const imported = await importCatalogueCsv({ csv: CSV });
  expect(imported).toEqual({ ok: true, created: 5, updated: 0 });
  year1 = await conference(2025, "IK-2025");
  const [a, b] = await db
    .insert(groups)
    .values([
      {
        slug: "bildung",
        name: "AK Bildung",
        kind: "working_group",
        contactName: "Frau A",
        contactEmail: "ak-bildung@example.org",
      },
      {
        slug: "gesundheit",
        name: "AK Gesundheit",
        kind: "working_group",
        contactName: "Herr B",
        contactEmail: "ak-gesundheit@example.org",
      },
    ])
    .returning({ id: groups.id });
  groupA = a!.id;
  groupB = b!.id;
  const [user] = await db
    .insert(users)
    .values({ email: "koord-a@example.org", name: "Koordination A", role: "coordinator", groupId: groupA })
    .returning({ id: users.id });
  coordinatorA = { id: user!.id, role: "coordinator", groupId: groupA };
  const [orga] = await db
    .insert(users)
    .values({ email: "orga-goals@example.org", name: "Olga Organisation", role: "organiser" })
    .returning({ id: users.id });
  organiser = { id: orga!.id, role: "organiser", groupId: null };
});

describe("the goal cycle over two conference years", () => {
  it("collects, merges, votes, agrees, tracks, rolls over and shows the full history and coverage", async () => {
    const fields = await listFields();
    const fieldId = (code: string) => fields.find((f) => f.code === code)!.id;
    const recs = await findRecommendationsByCodes(["BIL-1", "BIL-2", "SPR-1", "GES-1", "KUL-1"]);
    const rec = (code: string) => recs.find((r) => r.code === code)!.id;

    // Year 1: proposals from a participant (through the day code), a working group and the organisers.
    const conf = await findConferenceByDayCode(" ik-2025 ");
    expect(conf?.id).toBe(year1);
    const parent = await createProposal({
      conferenceId: year1,
      source: "participant",
      title: "Elterncafés an Grundschulen",
      fieldId: fieldId("SPR"),
      recommendationIds: [rec("SPR-1")],
    });
    const duplicate = await createProposal({
      conferenceId: year1,
      source: "participant",
      title: "Deutschkurse für Eltern in der Schule",
      recommendationIds: [rec("BIL-1")],
    });
    const health = await createProposal({
      conferenceId: year1,
      source: "group",
      title: "Gesundheitslotsen ausbilden",
      proposedGroupId: groupB,
      recommendationIds: [rec("GES-1")],
    });
    const extra = await createProposal({ conferenceId: year1, source: "organiser", title: "Sprachführer für Ämter" });
    expect(parent.status).toBe("submitted");
    expect(health.status).toBe("accepted");
    expect((await listProposals(year1, { publicOnly: true })).map((p) => p.id)).not.toContain(parent.id);
    expect(await setProposalStatus({ id: parent.id, status: "accepted" })).toBe(true);

    // Organisers merge the duplicate: the trace stays, the links are united.
    expect(await mergeProposals({ targetId: parent.id, sourceIds: [duplicate.id] })).toMatchObject({
      ok: true,
      merged: 1,
    });
    const afterMerge = await listProposals(year1);
    const merged = afterMerge.find((p) => p.id === parent.id)!;
    expect(merged.mergedFrom.map((m) => m.title)).toEqual(["Deutschkurse für Eltern in der Schule"]);
    expect(merged.recommendations.map((r) => r.code).sort()).toEqual(["BIL-1", "SPR-1"]);
    expect(afterMerge.find((p) => p.id === duplicate.id)).toMatchObject({ status: "merged", mergedIntoId: parent.id });

    // Dot voting: 5 points each, at most 3 per proposal, open 09:00–16:00.
    expect(
      await saveVotingRound({
        conferenceId: year1,
        pointsPerVoter: 5,
        maxPerProposal: 6,
        opensAt: day(2025, 11, 12, 9),
        closesAt: day(2025, 11, 12, 15),
      }),
    ).toEqual({ ok: false, error: "max" });
    expect(
      (
        await saveVotingRound({
          conferenceId: year1,
          pointsPerVoter: 5,
          maxPerProposal: 3,
          opensAt: day(2025, 11, 12, 9),
          closesAt: day(2025, 11, 12, 15),
        })
      ).ok,
    ).toBe(true);
    const during = day(2025, 11, 12, 11);
    const v1 = voterKey("device", "device-1");
    const v2 = voterKey("device", "device-2");
    const v3 = voterKey("registration", "reg-3");
    expect(
      await castBallot({ conferenceId: year1, voterKey: v1, points: { [parent.id]: 3 }, now: day(2025, 11, 12, 8) }),
    ).toEqual({ ok: false, error: "notOpen" });
    expect(
      await castBallot({ conferenceId: year1, voterKey: v1, points: { [parent.id]: 3, [health.id]: 3 }, now: during }),
    ).toEqual({ ok: false, error: "tooMany" });
    expect(await castBallot({ conferenceId: year1, voterKey: v1, points: { [parent.id]: 4 }, now: during })).toEqual({
      ok: false,
      error: "overMax",
    });
    expect(await castBallot({ conferenceId: year1, voterKey: v1, points: { [duplicate.id]: 1 }, now: during })).toEqual(
      { ok: false, error: "unknownProposal" },
    );
    expect(await castBallot({ conferenceId: year1, voterKey: v1, points: { [parent.id]: -1 }, now: during })).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(
      await castBallot({ conferenceId: year1, voterKey: v1, points: { [parent.id]: 3, [health.id]: 2 }, now: during }),
    ).toEqual({ ok: true, spent: 5 });
    // A second ballot of the same voter replaces the first: still one ballot.
    expect(
      await castBallot({ conferenceId: year1, voterKey: v1, points: { [parent.id]: 3, [extra.id]: 2 }, now: during }),
    ).toEqual({ ok: true, spent: 5 });
    expect(await getBallot((await db.query.votingRounds.findFirst())!.id, v1)).toEqual({
      [parent.id]: 3,
      [extra.id]: 2,
    });
    expect(
      await castBallot({ conferenceId: year1, voterKey: v2, points: { [parent.id]: 2, [health.id]: 3 }, now: during }),
    ).toMatchObject({ ok: true });
    expect(
      await castBallot({ conferenceId: year1, voterKey: v3, points: { [health.id]: 3, [extra.id]: 1 }, now: during }),
    ).toMatchObject({ ok: true });
    expect(
      await castBallot({ conferenceId: year1, voterKey: v3, points: { [health.id]: 1 }, now: day(2025, 11, 12, 15) }),
    ).toEqual({ ok: false, error: "notOpen" });
    const results = await votingResults(year1);
    expect(results.ballots).toBe(3);
    expect(results.rows.map((r) => [r.title, r.points, r.voters, r.rank])).toEqual([
      ["Gesundheitslotsen ausbilden", 6, 2, 1],
      ["Elterncafés an Grundschulen", 5, 2, 2],
      ["Sprachführer für Ämter", 3, 2, 3],
    ]);
    expect(results.rows.reduce((sum, r) => sum + r.points, 0)).toBe(5 + 5 + 4);

    // Agreed goals with owner, partners, indicator, target year; the number is the ID for life.
    const goalA = await agreeGoal({
      conferenceId: year1,
      title: "Elterncafés an drei Grundschulen",
      ownerGroupId: groupA,
      partners: "VHS",
      measure: "Ein Café pro Woche",
      indicator: "Teilnehmende Eltern",
      targetYear: 2026,
      fieldId: fieldId("SPR"),
      recommendationIds: [rec("SPR-1"), rec("BIL-1")],
      originProposalId: parent.id,
      now: day(2025, 11, 12, 16),
    });
    const goalB = await agreeGoal({
      conferenceId: year1,
      title: "Zehn Gesundheitslotsen",
      ownerGroupId: groupB,
      targetYear: 2026,
      recommendationIds: [rec("GES-1")],
      originProposalId: health.id,
      now: day(2025, 11, 12, 16),
    });
    const goalC = await agreeGoal({
      conferenceId: year1,
      title: "Sprachführer für Ämter",
      ownerGroupId: groupA,
      targetYear: 2026,
      now: day(2025, 11, 12, 16),
    });

    // During the year: the coordinator of A updates A's goal (pending, not public) ...
    expect(
      await updateGoalStatus({
        goalId: goalA,
        actor: coordinatorA,
        status: "in_umsetzung",
        sachstand: "Zwei Schulen haben begonnen.",
        now: day(2026, 3, 1),
      }),
    ).toEqual({ published: false, year: 2025 });
    expect((await getGoalPage(goalA))!.years).toEqual([expect.objectContaining({ year: 2025, status: "neu" })]);
    const pending = await listPendingUpdates();
    expect(pending).toHaveLength(1);
    expect(await reviewUpdate({ goalYearId: pending[0]!.goalYearId, decision: "publish", now: day(2026, 3, 2) })).toBe(
      true,
    );
    // ... an organiser publishes directly; C is achieved.
    await updateGoalStatus({
      goalId: goalB,
      actor: organiser,
      status: "in_umsetzung",
      sachstand: "Schulung läuft.",
      now: day(2026, 4, 1),
    });
    await updateGoalStatus({
      goalId: goalC,
      actor: organiser,
      status: "erreicht",
      sachstand: "Gedruckt und verteilt.",
      now: day(2026, 5, 1),
    });

    // Year 2: open goals roll over (A and B, not C); each owner group gets one reminder.
    const year2 = await conference(2026, "IK-2026");
    expect((await findConferenceByDayCode("ik-2026"))?.id).toBe(year2);
    // Guard rails first: never a year into itself or backwards, never from a conference that has not taken place.
    expect(await planRollover({ fromYear: 2026, toYear: 2026 })).toEqual({ ok: false, error: "notLater" });
    expect(await planRollover({ fromYear: 2026, toYear: 2025 })).toEqual({ ok: false, error: "notLater" });
    expect(await planRollover({ fromYear: 2025, toYear: 2026, now: day(2025, 11, 12, 12) })).toEqual({
      ok: false,
      error: "notTakenPlace",
    });
    // The preview: goals per group and who gets mail — the coordinators and the contact address.
    const plan = await planRollover({ fromYear: 2025, toYear: 2026, now: day(2026, 9, 1) });
    expect(plan.ok && plan.groups.map((g) => [g.goals.length, g.recipients.map((r) => r.email)])).toEqual([
      [1, ["koord-a@example.org", "ak-bildung@example.org"]],
      [1, ["ak-gesundheit@example.org"]],
    ]);
    expect(await db.select().from(outbox)).toEqual([]);
    const rolled = await rollOverGoals({
      fromYear: 2025,
      toYear: 2026,
      appUrl: "http://ikon.test",
      now: day(2026, 9, 1),
    });
    expect(rolled).toEqual({ ok: true, rolled: 2, mailed: 3 });
    expect(
      await rollOverGoals({ fromYear: 2025, toYear: 2026, appUrl: "http://ikon.test", now: day(2026, 9, 2) }),
    ).toEqual({ ok: true, rolled: 0, mailed: 0 });
    // The scheduler's run does the same once the new conference is public, and nothing twice.
    expect(await rollOverIntoNewestConference({ appUrl: "http://ikon.test" })).toEqual({
      ok: true,
      rolled: 0,
      mailed: 0,
    });
    const mails = await db.select().from(outbox);
    expect(mails.map((m) => m.to).sort()).toEqual([
      "ak-bildung@example.org",
      "ak-gesundheit@example.org",
      "koord-a@example.org",
    ]);
    const mailA = mails.find((m) => m.to === "ak-bildung@example.org")!;
    expect(mailA.subject).toBe("Ihre offenen Ziele für die Integrationskonferenz 2026");
    expect(mailA.text).toContain(`http://ikon.test/ziele/${goalA}`);
    expect(mailA.text).not.toContain(`/ziele/${goalC}`);

    // Updated again in year 2 (this time in the year-2 row).
    expect(
      await updateGoalStatus({
        goalId: goalA,
        actor: organiser,
        status: "erreicht",
        sachstand: "An allen drei Schulen läuft ein Café.",
        now: day(2026, 11, 12, 16),
      }),
    ).toEqual({ published: true, year: 2026 });

    // The goal page: every year, every change, the origin with merge trace and votes.
    const page = (await getGoalPage(goalA))!;
    expect(page.goal).toMatchObject({
      id: goalA,
      groupName: "AK Bildung",
      partners: "VHS",
      indicator: "Teilnehmende Eltern",
      targetYear: 2026,
      originYear: 2025,
    });
    expect(page.years.map((y) => [y.year, y.status, y.sachstand])).toEqual([
      [2025, "in_umsetzung", "Zwei Schulen haben begonnen."],
      [2026, "erreicht", "An allen drei Schulen läuft ein Café."],
    ]);
    expect(page.updates.map((u) => [u.year, u.status])).toEqual([
      [2025, "neu"],
      [2025, "in_umsetzung"],
      [2026, "uebertragen"],
      [2026, "erreicht"],
    ]);
    expect(page.recommendations.map((r) => r.code)).toEqual(["BIL-1", "SPR-1"]);
    expect(page.origin?.proposal.title).toBe("Elterncafés an Grundschulen");
    expect(page.origin?.mergedFrom.map((m) => m.title)).toEqual(["Deutschkurse für Eltern in der Schule"]);
    expect(page.origin?.votes).toMatchObject({ points: 5, voters: 2, ballots: 3 });

    // The board: by year and across years, with filters.
    expect((await listGoals({ year: 2026 })).map((g) => [g.id, g.status])).toEqual([
      [goalA, "erreicht"],
      [goalB, "uebertragen"],
    ]);
    expect((await listGoals()).map((g) => g.id)).toEqual([goalA, goalB, goalC]);
    expect((await listGoals({ status: "erreicht" })).map((g) => g.id)).toEqual([goalA, goalC]);
    expect((await listGoals({ groupId: groupB })).map((g) => g.id)).toEqual([goalB]);
    expect((await listGoals({ recommendationCode: "ges-1" })).map((g) => g.id)).toEqual([goalB]);
    expect((await listGoals({ fieldId: fieldId("SPR") })).map((g) => g.id)).toEqual([goalA]);

    // Coverage: per recommendation active / achieved / none for N years.
    const cov = await coverage({ years: 2, untilYear: 2026 });
    const byCode = Object.fromEntries(cov.map((c) => [c.code, c]));
    expect(byCode["BIL-1"]).toMatchObject({ active: 0, achieved: 1, quiet: false, lastYear: 2026 });
    expect(byCode["GES-1"]).toMatchObject({ active: 1, achieved: 0, quiet: false });
    expect(
      cov
        .filter((c) => c.quiet)
        .map((c) => c.code)
        .sort(),
    ).toEqual(["BIL-2", "KUL-1"]);
  });

  it("keeps goals of an old concept version meaningful through the successor mapping", async () => {
    const next = (await createConceptVersion("2027"))!;
    const csv = `code;handlungsfeld;titel\nBIL-10;Bildung;Eltern und Mehrsprachigkeit\nSPR-1;SPR;Sprachbildung\nGES-1;GES;Gesundheitslotsen\n`;
    expect(await importCatalogueCsv({ csv, versionId: next.id })).toMatchObject({ ok: true, created: 3 });
    const oldVersion = (await db.query.conceptVersions.findFirst({ where: (v, { eq }) => eq(v.label, "2012") }))!;
    const mapping = `alt;neu;art\nBIL-1;BIL-10;zusammengefasst\nBIL-2;BIL-10;zusammengefasst\nSPR-1;SPR-1;behalten\nGES-1;GES-1;behalten\nKUL-1;;entfallen\n`;
    expect(
      await importSuccessorCsv({ csv: mapping, fromVersionId: oldVersion.id, toVersionId: next.id }),
    ).toMatchObject({ ok: true });
    await makeVersionCurrent(next.id);
    const cov = Object.fromEntries((await coverage({ years: 2, untilYear: 2026 })).map((c) => [c.code, c]));
    expect(Object.keys(cov).sort()).toEqual(["BIL-10", "GES-1", "SPR-1"]);
    expect(cov["BIL-10"]).toMatchObject({ achieved: 1, quiet: false });
    const goal = (await listGoals({ recommendationCode: "BIL-10" }))[0]!;
    const page = (await getGoalPage(goal.id))!;
    expect(page.recommendations.find((r) => r.code === "BIL-1")?.successors).toEqual([
      { kind: "merged", code: "BIL-10" },
    ]);
  });
});

describe("who may update a goal", () => {
  it("a coordinator of group A cannot update group B's goal: null (404), nothing changed", async () => {
    const goalOfB = await agreeGoal({
      conferenceId: year1,
      title: "Ziel von B",
      ownerGroupId: groupB,
      targetYear: 2027,
    });
    const before = await db.select().from(goalYears).where(eq(goalYears.goalId, goalOfB));
    expect(
      await updateGoalStatus({ goalId: goalOfB, actor: coordinatorA, status: "verworfen", sachstand: "von A" }),
    ).toBeNull();
    expect(
      await updateGoalStatus({
        goalId: goalOfB,
        actor: { id: coordinatorA.id, role: "coordinator", groupId: null },
        status: "verworfen",
        sachstand: "ohne Gruppe",
      }),
    ).toBeNull();
    expect(await db.select().from(goalYears).where(eq(goalYears.goalId, goalOfB))).toEqual(before);
    expect(await updateGoalStatus({ goalId: 999_999, actor: organiser, status: "erreicht", sachstand: "" })).toBeNull();
    // Only organisers change what was agreed; the goal keeps its number.
    const details = {
      title: "Ziel von B, angepasst",
      description: "",
      ownerGroupId: groupA,
      partners: "VHS",
      measure: "",
      indicator: "",
      targetYear: 2028,
    };
    expect(await updateGoalDetails({ goalId: goalOfB, actor: coordinatorA, details })).toBe(false);
    expect((await getGoalPage(goalOfB))!.goal.title).toBe("Ziel von B");
    expect(await updateGoalDetails({ goalId: goalOfB, actor: organiser, details })).toBe(true);
    const [logged] = await listAudit({ kind: "goal" });
    expect(logged).toMatchObject({ action: "goal.update", actorName: "Olga Organisation", subjectId: String(goalOfB) });
    expect((await getGoalPage(goalOfB))!.goal).toMatchObject({
      id: goalOfB,
      title: "Ziel von B, angepasst",
      groupName: "AK Bildung",
      targetYear: 2028,
    });
  });
});

describe("catalogue import from CSV", () => {
  it("reports every bad line in German and saves nothing", async () => {
    const bad = [
      "code,handlungsfeld,titel,text",
      "BIL-7,Bildung,Gut,", // line 2 fine
      "BIL7,Bildung,Ohne Bindestrich,", // 3 format
      "GES-8,Bildung,Falsches Feld,", // 4 prefix
      "KUL-9,Theater,Unbekanntes Feld,", // 5 field
      "BIL-7,Bildung,Doppelt,", // 6 twice
      "SPR-9,SPR,,", // 7 title
      ",Kultur,Ohne Code,", // 8 code
    ].join("\n");
    const result = await importCatalogueCsv({ csv: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.key])).toEqual([
      [3, "goals.csv.codeFormat"],
      [4, "goals.csv.codeField"],
      [5, "goals.csv.fieldUnknown"],
      [6, "goals.csv.codeTwice"],
      [7, "goals.csv.titleMissing"],
      [8, "goals.csv.codeMissing"],
    ]);
    expect(result.errors[3]!.vars).toEqual({ code: "BIL-7", other: 2 });
    expect(await findRecommendationsByCodes(["BIL-7"])).toEqual([]);
  });

  it("names missing columns and unreadable files", async () => {
    expect(await importCatalogueCsv({ csv: "code;titel\nBIL-9;X\n" })).toEqual({
      ok: false,
      errors: [{ line: 1, key: "goals.csv.missingColumn", vars: { column: "handlungsfeld" } }],
    });
    const broken = await importCatalogueCsv({ csv: 'code;handlungsfeld;titel\nBIL-9;Bildung;"offen\n' });
    expect(broken).toMatchObject({ ok: false, errors: [{ key: "goals.csv.unreadable" }] });
    expect(await importCatalogueCsv({ csv: "code;handlungsfeld;titel\n" })).toEqual({
      ok: false,
      errors: [{ line: 1, key: "goals.csv.empty" }],
    });
  });
});

describe("the scheduled rollover", () => {
  it("waits while the newest conference is a draft, then rolls the open goals into it with one mail per group", async () => {
    const [draft] = await db
      .insert(conferences)
      .values({
        year: 2027,
        title: "Konferenz 2027",
        startsAt: day(2027, 11, 10, 9),
        endsAt: day(2027, 11, 10, 15),
        venueName: "Saal",
        venueAddress: "Straße 1",
        capacity: 100,
        status: "draft",
      })
      .returning({ id: conferences.id });
    expect(await rollOverIntoNewestConference({ appUrl: "http://ikon.test" })).toEqual({
      ok: true,
      rolled: 0,
      mailed: 0,
    });
    await db.update(conferences).set({ status: "published" }).where(eq(conferences.id, draft!.id));
    const mailsBefore = (await db.select().from(outbox)).length;
    const first = await rollOverIntoNewestConference({ appUrl: "http://ikon.test" });
    expect(first.ok && first.rolled).toBeGreaterThan(0);
    expect((await db.select().from(outbox)).length - mailsBefore).toBe(first.ok ? first.mailed : -1);
    expect(await rollOverIntoNewestConference({ appUrl: "http://ikon.test" })).toEqual({
      ok: true,
      rolled: 0,
      mailed: 0,
    });
    const rows = await db.select().from(goalYears).where(eq(goalYears.conferenceId, draft!.id));
    expect(rows.every((r) => r.status === "uebertragen")).toBe(true);
  });
});

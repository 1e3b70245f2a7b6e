import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { auditLog, conferences, goalProposals, goalUpdates, groups, votingRounds } from "~/db/schema";
import { translator, type MessageKey } from "~/i18n/catalog";
import { createUser } from "~/modules/auth/accounts.server";
import { listAudit } from "~/modules/audit/audit.server";
import { agreeGoal, getGoalPage, rollOverGoals, updateGoalStatus } from "./goals.server";
import {
  createProposal,
  listProposals,
  mergeProposals,
  setProposalCluster,
  setProposalStatus,
  updateProposal,
} from "./proposals.server";
import { deleteStatusEntry, listStatusEntries, updateStatusEntry } from "./status-entries.server";
import { closeVotingRound, getVotingRound, roundState, saveVotingRound } from "./voting.server";

const day = (y: number, m: number, d: number, h = 12) => new Date(Date.UTC(y, m - 1, d, h));

let conf2031: string;
let conf2032: string;
let conf2033: string;
let groupId: string;
let organiser: { id: string; name: string };

async function conference(year: number) {
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
    })
    .returning({ id: conferences.id });
  return row!.id;
}

beforeAll(async () => {
  conf2031 = await conference(2031);
  conf2032 = await conference(2032);
  conf2033 = await conference(2033);
  const [group] = await db
    .insert(groups)
    .values({ slug: "ak-x", name: "AK X", kind: "working_group", contactName: "X", contactEmail: "x@example.org" })
    .returning({ id: groups.id });
  groupId = group!.id;
  const user = await createUser({ email: "anna-goals@example.org", name: "Anna Beispiel", role: "organiser" });
  organiser = { id: user.id, name: "Anna Beispiel" };
});

const sentence = (action: string) =>
  translator("de")(`audit.action.${action}` as MessageKey, {
    actor: "Anna Beispiel",
  });

describe("changing what was created in the goal process", () => {
  it("themes only the ticked proposals of the conference and says how many; merging names its target", async () => {
    const [a, b, c, other] = await Promise.all([
      createProposal({ conferenceId: conf2031, source: "organiser", title: "Vorschlag A" }),
      createProposal({ conferenceId: conf2031, source: "organiser", title: "Vorschlag B" }),
      createProposal({ conferenceId: conf2031, source: "organiser", title: "Vorschlag C" }),
      createProposal({ conferenceId: conf2032, source: "organiser", title: "Anderes Jahr" }),
    ]);
    expect(
      await setProposalCluster({
        conferenceId: conf2031,
        ids: [a.id, b.id, other.id],
        cluster: " Bildung ",
        actor: organiser,
      }),
    ).toBe(2);
    expect(
      await setProposalCluster({ conferenceId: conf2031, ids: [c.id], cluster: "Gesundheit", actor: organiser }),
    ).toBe(1);
    const themes = Object.fromEntries((await listProposals(conf2031)).map((p) => [p.title, p.cluster]));
    expect(themes).toEqual({ "Vorschlag A": "Bildung", "Vorschlag B": "Bildung", "Vorschlag C": "Gesundheit" });
    expect((await listProposals(conf2032))[0]!.cluster).toBe("");

    const merged = await mergeProposals({ targetId: a.id, sourceIds: [b.id], actor: organiser });
    expect(merged).toEqual({ ok: true, merged: 1, targetTitle: "Vorschlag A" });

    const t = translator("de");
    expect(t("goals.admin.cluster.done", { count: 1, cluster: "Bildung" })).toBe(
      "1 Vorschlag dem Thema „Bildung“ zugeordnet.",
    );
    expect(t("goals.admin.cluster.done", { count: 3, cluster: "Bildung" })).toBe(
      "3 Vorschläge dem Thema „Bildung“ zugeordnet.",
    );
    const actions = (await listAudit({ actor: "Anna Beispiel" })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["goal.proposal.cluster", "goal.proposal.merge"]));
  });

  it("rewords a proposal, keeping who made it, with an audit entry", async () => {
    const [author] = await db
      .insert(goalProposals)
      .values({ conferenceId: conf2031, source: "participant", status: "submitted", title: "Mehr Sprachkurs" })
      .returning();
    const changed = await updateProposal({
      id: author!.id,
      changes: { title: "Mehr Sprachkurse für Eltern", description: "Am Nachmittag", fieldId: null },
      actor: organiser,
    });
    expect(changed).toMatchObject({ id: author!.id });
    const [row] = await db.select().from(goalProposals).where(eq(goalProposals.id, author!.id));
    expect(row).toMatchObject({
      title: "Mehr Sprachkurse für Eltern",
      description: "Am Nachmittag",
      source: "participant",
      status: "submitted",
      createdByUserId: null,
    });
    const [entry] = await listAudit({ kind: "goal" });
    expect(entry).toMatchObject({ action: "goal.proposal.update", subjectId: author!.id, actorName: "Anna Beispiel" });
    expect(sentence(entry!.action)).toBe("Anna Beispiel hat einen Zielvorschlag umformuliert.");
    expect(
      await updateProposal({
        id: "00000000-0000-4000-8000-000000000000",
        changes: { title: "x", description: "", fieldId: null },
        actor: organiser,
      }),
    ).toBeNull();
  });

  it("ends a running vote now, and only a running one", async () => {
    const now = day(2032, 11, 12, 12);
    await saveVotingRound({
      conferenceId: conf2032,
      pointsPerVoter: 5,
      maxPerProposal: 3,
      opensAt: day(2032, 11, 12, 9),
      closesAt: day(2032, 11, 12, 16),
    });
    expect(roundState(await getVotingRound(conf2032), now)).toBe("open");
    expect(await closeVotingRound({ conferenceId: conf2032, actor: organiser, now })).toEqual({
      ok: true,
      closesAt: now,
    });
    const round = await getVotingRound(conf2032);
    expect(round!.closesAt).toEqual(now);
    expect(roundState(round, now)).toBe("closed");
    expect(await closeVotingRound({ conferenceId: conf2032, actor: organiser, now })).toEqual({
      ok: false,
      error: "notOpen",
    });
    expect(await closeVotingRound({ conferenceId: conf2033, actor: organiser, now })).toEqual({
      ok: false,
      error: "none",
    });
    const [entry] = await listAudit({ kind: "goal" });
    expect(entry).toMatchObject({ action: "goal.round.close" });
    expect(sentence("goal.round.close")).toBe("Anna Beispiel hat die Abstimmung über die Ziele beendet.");
    expect(await db.select().from(votingRounds).where(eq(votingRounds.conferenceId, conf2033))).toEqual([]);
  });

  it("moves a goal's status to another year, refuses a second entry for one year, deletes all but the last", async () => {
    const goalId = await agreeGoal({
      conferenceId: conf2031,
      title: "Ziel mit Jahren",
      ownerGroupId: groupId,
      targetYear: 2034,
    });
    // Once the 2031 conference took place (the rollover waits for it).
    const rolled = await rollOverGoals({
      fromYear: 2031,
      toYear: 2032,
      appUrl: "http://localhost",
      now: day(2031, 11, 13, 9),
    });
    expect(rolled).toMatchObject({ ok: true, rolled: 1 });
    const [first, second] = await listStatusEntries(goalId);
    expect([first!.year, second!.year]).toEqual([2031, 2032]);

    // The rolled-over entry was meant for 2033: it moves there with its history.
    expect(
      await updateStatusEntry({
        goalId,
        entryId: second!.id,
        year: 2033,
        status: "in_umsetzung",
        sachstand: "Läuft",
        actor: organiser,
      }),
    ).toEqual({ ok: true });
    expect((await listStatusEntries(goalId)).map((e) => [e.year, e.status, e.sachstand])).toEqual([
      [2031, "neu", ""],
      [2033, "in_umsetzung", "Läuft"],
    ]);
    expect(
      await db
        .select()
        .from(goalUpdates)
        .where(and(eq(goalUpdates.goalId, goalId), eq(goalUpdates.conferenceId, conf2032))),
    ).toEqual([]);
    expect((await getGoalPage(goalId))!.years.map((y) => y.year)).toEqual([2031, 2033]);

    // 2031 already has an entry: moving the 2033 one there is refused, nothing changes.
    expect(
      await updateStatusEntry({
        goalId,
        entryId: second!.id,
        year: 2031,
        status: "erreicht",
        sachstand: "",
        actor: organiser,
      }),
    ).toEqual({ ok: false, error: "duplicate" });
    expect(
      await updateStatusEntry({
        goalId,
        entryId: second!.id,
        year: 2099,
        status: "erreicht",
        sachstand: "",
        actor: organiser,
      }),
    ).toEqual({ ok: false, error: "noConference" });
    expect((await listStatusEntries(goalId)).map((e) => e.year)).toEqual([2031, 2033]);
    expect(
      await updateStatusEntry({
        goalId: goalId + 1000,
        entryId: second!.id,
        year: 2033,
        status: "neu",
        sachstand: "",
        actor: organiser,
      }),
    ).toBeNull();

    expect(await deleteStatusEntry({ goalId, entryId: second!.id, actor: organiser })).toEqual({
      ok: true,
      year: 2033,
    });
    expect(await deleteStatusEntry({ goalId, entryId: first!.id, actor: organiser })).toEqual({
      ok: false,
      error: "last",
    });
    expect((await listStatusEntries(goalId)).map((e) => e.year)).toEqual([2031]);
    expect(await db.select().from(goalUpdates).where(eq(goalUpdates.conferenceId, conf2033))).toEqual([]);

    const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["goal.status.update", "goal.status.delete"]));
    expect(sentence("goal.status.update")).toBe("Anna Beispiel hat den Stand eines Ziels für ein Jahr geändert.");
  });

  it("logs admitting and rejecting proposals, setting up the vote and publishing a status as sentences", async () => {
    const p = await createProposal({ conferenceId: conf2033, source: "participant", title: "Zu prüfen" });
    expect(await setProposalStatus({ id: p.id, status: "accepted", actor: organiser })).toBe(true);
    expect(await setProposalStatus({ id: p.id, status: "rejected", actor: organiser })).toBe(true);
    await saveVotingRound({
      conferenceId: conf2033,
      pointsPerVoter: 3,
      maxPerProposal: 1,
      opensAt: day(2033, 11, 12, 9),
      closesAt: day(2033, 11, 12, 16),
      actor: organiser,
    });
    const goalId = await agreeGoal({
      conferenceId: conf2033,
      title: "Ziel 2033",
      ownerGroupId: groupId,
      targetYear: 2035,
    });
    await updateGoalStatus({
      goalId,
      actor: { id: organiser.id, role: "organiser", groupId: null },
      status: "in_umsetzung",
      sachstand: "Begonnen",
    });
    const actions = (await listAudit({ kind: "goal", limit: 4 })).map((e) => e.action).reverse();
    expect(actions).toEqual(["goal.proposal.accept", "goal.proposal.reject", "goal.round.save", "goal.status.publish"]);
    expect(actions.map(sentence)).toEqual([
      "Anna Beispiel hat einen Zielvorschlag zur Abstimmung zugelassen.",
      "Anna Beispiel hat einen Zielvorschlag abgelehnt.",
      "Anna Beispiel hat die Abstimmung über die Ziele eingerichtet oder geändert.",
      "Anna Beispiel hat einen Sachstand zu einem Ziel veröffentlicht.",
    ]);
  });
});

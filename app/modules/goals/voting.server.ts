import { createHash } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx } from "~/db/client.server";
import { ballotPoints, ballots, goalProposals, votingRounds } from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";

/** One ballot per voter: the key is a hash, so the database never holds a device or registration id. */
export function voterKey(kind: "device" | "registration", id: string): string {
  return createHash("sha256").update(`${kind}:${id}`).digest("hex");
}

/**
 * A deleted registration's ballots keep counting (results stay as they were) under a random key
 * of the same shape, so nothing leads from the registration, its id or its badge to how it voted.
 */
export async function unlinkBallots(tx: DbOrTx, kind: "registration", id: string) {
  await tx
    .update(ballots)
    .set({ voterKey: sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')` })
    .where(eq(ballots.voterKey, voterKey(kind, id)));
}

export type RoundInput = {
  conferenceId: string;
  pointsPerVoter: number;
  maxPerProposal: number;
  opensAt: Date;
  closesAt: Date;
};

export type RoundError = "points" | "max" | "times";

export function checkRound(input: Omit<RoundInput, "conferenceId">): RoundError | null {
  if (!Number.isInteger(input.pointsPerVoter) || input.pointsPerVoter < 1 || input.pointsPerVoter > 100)
    return "points";
  if (
    !Number.isInteger(input.maxPerProposal) ||
    input.maxPerProposal < 1 ||
    input.maxPerProposal > input.pointsPerVoter
  )
    return "max";
  if (!(input.closesAt.getTime() > input.opensAt.getTime())) return "times";
  return null;
}

/** Creates or changes the conference's voting round. */
export async function saveVotingRound(
  input: RoundInput & { actor?: { id: string; name?: string } | null },
): Promise<{ ok: true; id: string } | { ok: false; error: RoundError }> {
  const error = checkRound(input);
  if (error) return { ok: false, error };
  const { actor, ...round } = input;
  const [row] = await db
    .insert(votingRounds)
    .values(round)
    .onConflictDoUpdate({
      target: votingRounds.conferenceId,
      set: {
        pointsPerVoter: input.pointsPerVoter,
        maxPerProposal: input.maxPerProposal,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
      },
    })
    .returning({ id: votingRounds.id });
  if (actor)
    await recordAudit(db, { actor, action: "goal.round.save", subjectType: "voting_round", subjectId: row!.id });
  return { ok: true, id: row!.id };
}

export async function getVotingRound(conferenceId: string) {
  const [row] = await db.select().from(votingRounds).where(eq(votingRounds.conferenceId, conferenceId));
  return row ?? null;
}

/**
 * Ends a running vote now (instead of editing its end time): the end becomes `now`, the ballots
 * cast so far count. Only a round that is open can be ended; the change is in the audit log.
 */
export async function closeVotingRound(input: {
  conferenceId: string;
  actor: { id: string; name?: string } | null;
  now?: Date;
}): Promise<{ ok: true; closesAt: Date } | { ok: false; error: "none" | "notOpen" }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [round] = await tx.select().from(votingRounds).where(eq(votingRounds.conferenceId, input.conferenceId));
    if (!round) return { ok: false as const, error: "none" as const };
    if (roundState(round, now) !== "open") return { ok: false as const, error: "notOpen" as const };
    await tx.update(votingRounds).set({ closesAt: now }).where(eq(votingRounds.id, round.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: "goal.round.close",
      subjectType: "voting_round",
      subjectId: round.id,
    });
    return { ok: true as const, closesAt: now };
  });
}

export type RoundState = "none" | "upcoming" | "open" | "closed";
export function roundState(round: { opensAt: Date; closesAt: Date } | null, now = new Date()): RoundState {
  if (!round) return "none";
  if (now < round.opensAt) return "upcoming";
  if (now >= round.closesAt) return "closed";
  return "open";
}

/** The proposals on the ballot: accepted ones of the round's conference. */
export async function ballotProposals(conferenceId: string) {
  return db
    .select({
      id: goalProposals.id,
      title: goalProposals.title,
      description: goalProposals.description,
      cluster: goalProposals.cluster,
      fieldId: goalProposals.fieldId,
    })
    .from(goalProposals)
    .where(and(eq(goalProposals.conferenceId, conferenceId), eq(goalProposals.status, "accepted")))
    .orderBy(asc(goalProposals.cluster), asc(goalProposals.title));
}

export async function getBallot(roundId: string, key: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ proposalId: ballotPoints.proposalId, points: ballotPoints.points })
    .from(ballotPoints)
    .innerJoin(ballots, eq(ballots.id, ballotPoints.ballotId))
    .where(and(eq(ballots.roundId, roundId), eq(ballots.voterKey, key)));
  return Object.fromEntries(rows.map((r) => [r.proposalId, r.points]));
}

export type BallotError = "notOpen" | "tooMany" | "overMax" | "invalid" | "unknownProposal";

/**
 * Casts (or replaces) the voter's one ballot. Points are whole numbers; their sum is at most the
 * round's points per voter and each proposal gets at most the round's maximum.
 */
export async function castBallot(input: {
  conferenceId: string;
  voterKey: string;
  points: Record<string, number>;
  now?: Date;
}): Promise<{ ok: true; spent: number } | { ok: false; error: BallotError }> {
  const now = input.now ?? new Date();
  const round = await getVotingRound(input.conferenceId);
  if (roundState(round, now) !== "open") return { ok: false, error: "notOpen" };
  const entries = Object.entries(input.points).filter(([, p]) => p !== 0);
  if (entries.some(([, p]) => !Number.isInteger(p) || p < 0)) return { ok: false, error: "invalid" };
  const spent = entries.reduce((sum, [, p]) => sum + p, 0);
  if (spent > round!.pointsPerVoter) return { ok: false, error: "tooMany" };
  if (entries.some(([, p]) => p > round!.maxPerProposal)) return { ok: false, error: "overMax" };
  const ids = entries.map(([id]) => id);
  if (ids.length) {
    const valid = await db
      .select({ id: goalProposals.id })
      .from(goalProposals)
      .where(
        and(
          inArray(goalProposals.id, ids),
          eq(goalProposals.conferenceId, input.conferenceId),
          eq(goalProposals.status, "accepted"),
        ),
      );
    if (valid.length !== ids.length) return { ok: false, error: "unknownProposal" };
  }
  await db.transaction(async (tx) => {
    const [ballot] = await tx
      .insert(ballots)
      .values({ roundId: round!.id, voterKey: input.voterKey })
      .onConflictDoUpdate({ target: [ballots.roundId, ballots.voterKey], set: { updatedAt: now } })
      .returning({ id: ballots.id });
    await tx.delete(ballotPoints).where(eq(ballotPoints.ballotId, ballot!.id));
    if (entries.length)
      await tx
        .insert(ballotPoints)
        .values(entries.map(([proposalId, points]) => ({ ballotId: ballot!.id, proposalId, points })));
  });
  return { ok: true, spent };
}

export type ResultRow = { id: string; title: string; points: number; voters: number; rank: number };

/**
 * The ranking: points per accepted proposal, points given to proposals merged into it included.
 * Equal points share a rank.
 */
export async function votingResults(conferenceId: string): Promise<{ ballots: number; rows: ResultRow[] }> {
  const round = await getVotingRound(conferenceId);
  const proposals = await db
    .select({
      id: goalProposals.id,
      title: goalProposals.title,
      status: goalProposals.status,
      mergedIntoId: goalProposals.mergedIntoId,
    })
    .from(goalProposals)
    .where(eq(goalProposals.conferenceId, conferenceId));
  if (!round) return { ballots: 0, rows: [] };
  const points = await db
    .select({ ballotId: ballotPoints.ballotId, proposalId: ballotPoints.proposalId, points: ballotPoints.points })
    .from(ballotPoints)
    .innerJoin(ballots, eq(ballots.id, ballotPoints.ballotId))
    .where(eq(ballots.roundId, round.id));
  const ballotRows = await db.select({ id: ballots.id }).from(ballots).where(eq(ballots.roundId, round.id));
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const root = (id: string): string => {
    let current = byId.get(id);
    for (let i = 0; current?.mergedIntoId && i < 50; i++) current = byId.get(current.mergedIntoId);
    return current?.id ?? id;
  };
  const sums = new Map<string, { points: number; voters: Set<string> }>();
  for (const p of proposals) if (p.status === "accepted") sums.set(p.id, { points: 0, voters: new Set() });
  for (const p of points) {
    const entry = sums.get(root(p.proposalId));
    if (!entry) continue;
    entry.points += p.points;
    entry.voters.add(p.ballotId);
  }
  const rows = [...sums.entries()]
    .map(([id, s]) => ({ id, title: byId.get(id)!.title, points: s.points, voters: s.voters.size, rank: 0 }))
    .sort((a, b) => b.points - a.points || a.title.localeCompare(b.title, "de"));
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1]!.points === row.points ? rows[i - 1]!.rank : i + 1));
  return { ballots: ballotRows.length, rows };
}

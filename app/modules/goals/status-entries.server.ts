import { and, asc, eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, goalUpdates, goalYears } from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import type { GoalStatus } from "./goals.server";

/**
 * A goal's status entries, one per conference year, as organisers correct them: the year (that
 * is, the conference the entry belongs to), the status and the Sachstand.
 */
export async function listStatusEntries(goalId: number) {
  return db
    .select({
      id: goalYears.id,
      year: conferences.year,
      status: goalYears.status,
      sachstand: goalYears.sachstand,
      publishedAt: goalYears.publishedAt,
    })
    .from(goalYears)
    .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
    .where(eq(goalYears.goalId, goalId))
    .orderBy(asc(conferences.year));
}

export async function getStatusEntry(goalId: number, entryId: string) {
  const entries = await listStatusEntries(goalId);
  const entry = entries.find((e) => e.id === entryId);
  return entry ? { entry, count: entries.length } : null;
}

type Actor = { id: string; name?: string } | null;

export type StatusEntryError = "duplicate" | "noConference";

/**
 * Corrects one status entry of a goal. A new year moves the entry (and its published history) to
 * that year's conference; a goal has at most one entry per year ("duplicate"). null: no such entry.
 */
export async function updateStatusEntry(input: {
  goalId: number;
  entryId: string;
  year: number;
  status: GoalStatus;
  sachstand: string;
  actor: Actor;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; error: StatusEntryError } | null> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: goalYears.id,
        conferenceId: goalYears.conferenceId,
        status: goalYears.status,
        sachstand: goalYears.sachstand,
        year: conferences.year,
      })
      .from(goalYears)
      .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
      .where(and(eq(goalYears.id, input.entryId), eq(goalYears.goalId, input.goalId)));
    if (!row) return null;
    const [conference] = await tx
      .select({ id: conferences.id })
      .from(conferences)
      .where(eq(conferences.year, input.year));
    if (!conference) return { ok: false as const, error: "noConference" as const };
    if (conference.id !== row.conferenceId) {
      const [taken] = await tx
        .select({ id: goalYears.id })
        .from(goalYears)
        .where(and(eq(goalYears.goalId, input.goalId), eq(goalYears.conferenceId, conference.id)));
      if (taken) return { ok: false as const, error: "duplicate" as const };
      await tx
        .update(goalUpdates)
        .set({ conferenceId: conference.id })
        .where(and(eq(goalUpdates.goalId, input.goalId), eq(goalUpdates.conferenceId, row.conferenceId)));
    }
    await tx
      .update(goalYears)
      .set({ conferenceId: conference.id, status: input.status, sachstand: input.sachstand, updatedAt: now })
      .where(eq(goalYears.id, row.id));
    if (input.status !== row.status || input.sachstand !== row.sachstand)
      await tx.insert(goalUpdates).values({
        goalId: input.goalId,
        conferenceId: conference.id,
        status: input.status,
        sachstand: input.sachstand,
        publishedAt: now,
      });
    await recordAudit(tx, {
      actor: input.actor,
      action: "goal.status.update",
      subjectType: "goal",
      subjectId: String(input.goalId),
      summary:
        row.year === input.year ? `${input.year}: ${input.status}` : `${row.year} → ${input.year}: ${input.status}`,
    });
    return { ok: true as const };
  });
}

/**
 * Deletes one status entry of a goal with its published history for that year. The last entry
 * stays ("last"): without any the goal would vanish from the board. null: no such entry.
 */
export async function deleteStatusEntry(input: {
  goalId: number;
  entryId: string;
  actor: Actor;
}): Promise<{ ok: true; year: number } | { ok: false; error: "last" } | null> {
  return db.transaction(async (tx) => {
    const entries = await tx
      .select({ id: goalYears.id, conferenceId: goalYears.conferenceId, year: conferences.year })
      .from(goalYears)
      .innerJoin(conferences, eq(conferences.id, goalYears.conferenceId))
      .where(eq(goalYears.goalId, input.goalId));
    const row = entries.find((e) => e.id === input.entryId);
    if (!row) return null;
    if (entries.length === 1) return { ok: false as const, error: "last" as const };
    await tx
      .delete(goalUpdates)
      .where(and(eq(goalUpdates.goalId, input.goalId), eq(goalUpdates.conferenceId, row.conferenceId)));
    await tx.delete(goalYears).where(eq(goalYears.id, row.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: "goal.status.delete",
      subjectType: "goal",
      subjectId: String(input.goalId),
      summary: String(row.year),
    });
    return { ok: true as const, year: row.year };
  });
}

import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "~/modules/audit/audit.server";
import { translator, type MessageKey } from "~/i18n/catalog";
import { db, type DbOrTx } from "~/db/client.server";
import { agendaItems, conferences, forums, registrations } from "~/db/schema";
import { fillSeats } from "~/modules/registrations/waitlist.server";
import type { ConferenceInput } from "./conference.schema";

/** Every conference with its seat numbers, newest first (organisers only). */
export async function listConferencesForAdmin() {
  const rows = await db
    .select({
      id: conferences.id,
      year: conferences.year,
      title: conferences.title,
      status: conferences.status,
      startsAt: conferences.startsAt,
      capacity: conferences.capacity,
    })
    .from(conferences)
    .orderBy(desc(conferences.year));
  const counts = rows.length
    ? await db
        .select({ conferenceId: registrations.conferenceId, status: registrations.status, n: count() })
        .from(registrations)
        .where(
          inArray(
            registrations.conferenceId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(registrations.conferenceId, registrations.status)
    : [];
  return rows.map((r) => {
    const mine = counts.filter((c) => c.conferenceId === r.id);
    const n = (s: string) => mine.find((c) => c.status === s)?.n ?? 0;
    return { ...r, confirmed: n("confirmed"), held: n("held"), waitlisted: n("waitlisted") };
  });
}

export async function getConferenceForAdmin(year: number) {
  const [conference] = await db.select().from(conferences).where(eq(conferences.year, year));
  if (!conference) return null;
  const [forumList, agenda] = await Promise.all([
    db
      .select()
      .from(forums)
      .where(eq(forums.conferenceId, conference.id))
      .orderBy(asc(forums.position), asc(forums.title)),
    db.select().from(agendaItems).where(eq(agendaItems.conferenceId, conference.id)).orderBy(asc(agendaItems.startsAt)),
  ]);
  return { conference, forums: forumList, agenda };
}

function values(input: ConferenceInput) {
  const { intent: _intent, ...rest } = input;
  return rest;
}

export type SaveResult = { ok: true; year: number } | { ok: false; reason: "yearTaken" };

async function yearTaken(year: number, exceptId?: string) {
  const [row] = await db.select({ id: conferences.id }).from(conferences).where(eq(conferences.year, year));
  return Boolean(row && row.id !== exceptId);
}

/** One conference per year: a second one for the same year is refused. */
export async function createConference(input: ConferenceInput): Promise<SaveResult> {
  if (await yearTaken(input.year)) return { ok: false, reason: "yearTaken" };
  await db.insert(conferences).values(values(input));
  return { ok: true, year: input.year };
}

/** The audit log is German, like the office that reads it. */
const statusName = (status: string) => translator("de")(`conference.status.${status}` as MessageKey);

/** Saves the conference; more seats than before go to the waitlist at once. */
export async function updateConference(
  id: string,
  input: ConferenceInput,
  now = new Date(),
  actor?: { id: string; name?: string },
): Promise<SaveResult> {
  if (await yearTaken(input.year, id)) return { ok: false, reason: "yearTaken" };
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ status: conferences.status }).from(conferences).where(eq(conferences.id, id));
    await tx
      .update(conferences)
      .set({ ...values(input), updatedAt: now })
      .where(eq(conferences.id, id));
    if (before && before.status !== input.status) {
      await recordAudit(tx, {
        actor: actor ?? null,
        action: "conference.status",
        subjectType: "conference",
        subjectId: String(input.year),
        summary: `${input.year}: ${statusName(before.status)} → ${statusName(input.status)}`,
      });
    }
  });
  await fillSeats(id, now);
  return { ok: true, year: input.year };
}

type Actor = { id: string; name?: string } | null;

export async function saveForum(
  conferenceId: string,
  input: { forumId: string; title: string; description: string; capacity: number; position: number },
  now = new Date(),
  actor: Actor = null,
) {
  const fields = {
    title: input.title,
    description: input.description,
    capacity: input.capacity,
    position: input.position,
  };
  const saved = await db.transaction(async (tx) => {
    const [row] = input.forumId
      ? await tx
          .update(forums)
          .set(fields)
          .where(and(eq(forums.id, input.forumId), eq(forums.conferenceId, conferenceId)))
          .returning({ id: forums.id })
      : await tx
          .insert(forums)
          .values({ conferenceId, ...fields })
          .returning({ id: forums.id });
    if (!row) return false;
    await recordAudit(tx, {
      actor,
      action: input.forumId ? "forum.update" : "forum.create",
      subjectType: "forum",
      subjectId: row.id,
      summary: input.title,
    });
    return true;
  });
  if (saved) await fillSeats(conferenceId, now);
  return saved;
}

export async function getForum(conferenceId: string, forumId: string) {
  const [row] = await db
    .select()
    .from(forums)
    .where(and(eq(forums.id, forumId), eq(forums.conferenceId, conferenceId)));
  return row ?? null;
}

/** Deletes a forum (its registrations and agenda items keep going without it); false when there is none. */
export async function deleteForum(conferenceId: string, forumId: string, actor: Actor = null) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(forums)
      .where(and(eq(forums.id, forumId), eq(forums.conferenceId, conferenceId)))
      .returning({ id: forums.id, title: forums.title });
    if (!row) return false;
    await recordAudit(tx, {
      actor,
      action: "forum.delete",
      subjectType: "forum",
      subjectId: row.id,
      summary: row.title,
    });
    return true;
  });
}

export type AgendaItemInput = {
  startsAt: Date;
  endsAt: Date | null;
  title: string;
  kind: (typeof agendaItems.$inferInsert)["kind"];
  speakers: string;
  forumId: string;
};

async function forumOfConference(tx: DbOrTx, conferenceId: string, forumId: string) {
  if (!forumId) return null;
  const [row] = await tx
    .select({ id: forums.id })
    .from(forums)
    .where(and(eq(forums.id, forumId), eq(forums.conferenceId, conferenceId)));
  return row?.id ?? null;
}

export async function addAgendaItem(conferenceId: string, input: AgendaItemInput, actor: Actor = null) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agendaItems)
      .values({
        conferenceId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        title: input.title,
        kind: input.kind,
        speakers: input.speakers,
        forumId: await forumOfConference(tx, conferenceId, input.forumId),
      })
      .returning({ id: agendaItems.id });
    await recordAudit(tx, {
      actor,
      action: "agenda.create",
      subjectType: "agenda_item",
      subjectId: row!.id,
      summary: input.title,
    });
    return row!.id;
  });
}

export async function getAgendaItem(conferenceId: string, id: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, id), eq(agendaItems.conferenceId, conferenceId)));
  return row ?? null;
}

/** Changes an agenda item of this conference; false when there is none. */
export async function updateAgendaItem(conferenceId: string, id: string, input: AgendaItemInput, actor: Actor = null) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(agendaItems)
      .set({
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        title: input.title,
        kind: input.kind,
        speakers: input.speakers,
        forumId: await forumOfConference(tx, conferenceId, input.forumId),
      })
      .where(and(eq(agendaItems.id, id), eq(agendaItems.conferenceId, conferenceId)))
      .returning({ id: agendaItems.id });
    if (!row) return false;
    await recordAudit(tx, {
      actor,
      action: "agenda.update",
      subjectType: "agenda_item",
      subjectId: row.id,
      summary: input.title,
    });
    return true;
  });
}

/** Deletes an agenda item of this conference; false when there is none. */
export async function deleteAgendaItem(conferenceId: string, id: string, actor: Actor = null) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(agendaItems)
      .where(and(eq(agendaItems.id, id), eq(agendaItems.conferenceId, conferenceId)))
      .returning({ id: agendaItems.id, title: agendaItems.title });
    if (!row) return false;
    await recordAudit(tx, {
      actor,
      action: "agenda.delete",
      subjectType: "agenda_item",
      subjectId: row.id,
      summary: row.title,
    });
    return true;
  });
}

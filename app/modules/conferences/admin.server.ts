import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "~/modules/audit/audit.server";
import { translator, type MessageKey } from "~/i18n/catalog";
import { db } from "~/db/client.server";
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

export async function saveForum(
  conferenceId: string,
  input: { forumId: string; title: string; description: string; capacity: number; position: number },
  now = new Date(),
) {
  if (input.forumId) {
    await db
      .update(forums)
      .set({ title: input.title, description: input.description, capacity: input.capacity, position: input.position })
      .where(and(eq(forums.id, input.forumId), eq(forums.conferenceId, conferenceId)));
  } else {
    await db.insert(forums).values({
      conferenceId,
      title: input.title,
      description: input.description,
      capacity: input.capacity,
      position: input.position,
    });
  }
  await fillSeats(conferenceId, now);
}

export async function deleteForum(conferenceId: string, forumId: string) {
  await db.delete(forums).where(and(eq(forums.id, forumId), eq(forums.conferenceId, conferenceId)));
}

export async function addAgendaItem(
  conferenceId: string,
  input: {
    startsAt: Date;
    endsAt: Date | null;
    title: string;
    kind: (typeof agendaItems.$inferInsert)["kind"];
    speakers: string;
    forumId: string;
  },
) {
  await db.insert(agendaItems).values({
    conferenceId,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    title: input.title,
    kind: input.kind,
    speakers: input.speakers,
    forumId: input.forumId || null,
  });
}

export async function deleteAgendaItem(conferenceId: string, id: string) {
  await db.delete(agendaItems).where(and(eq(agendaItems.id, id), eq(agendaItems.conferenceId, conferenceId)));
}

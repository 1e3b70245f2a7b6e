import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, registrations } from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { env } from "~/utils/env.server";
import { isUuid } from "~/db/id";
import { matchesQuery } from "~/utils/search-fold";
import { berlinParts } from "~/utils/time";

/**
 * The code on a participant's QR code. It only lets organisers find and check in this one
 * registration — it is not the manage token, so a photographed badge opens no personal data.
 */
export function checkinCode(registrationId: string): string {
  const mac = createHmac("sha256", env.SESSION_SECRET)
    .update(`checkin:${registrationId}`)
    .digest("base64url")
    .slice(0, 16);
  return `${registrationId}.${mac}`;
}

/** The registration id of a valid code, else null. */
export function verifyCheckinCode(code: string): string | null {
  const [id, mac] = code.split(".");
  if (!id || !mac || !isUuid(id)) return null;
  const expected = checkinCode(id).split(".")[1]!;
  const a = Buffer.from(mac);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? id : null;
}

export function checkinUrl(year: number, registrationId: string): string {
  return `${env.APP_URL}/verwaltung/konferenzen/${year}/einlass/${checkinCode(registrationId)}`;
}

const attendee = {
  id: registrations.id,
  firstName: registrations.firstName,
  lastName: registrations.lastName,
  latinName: registrations.latinName,
  organisation: registrations.organisation,
  status: registrations.status,
  checkedInAt: registrations.checkedInAt,
};

/**
 * People matching a name or organisation (for the check-in desk). Case, diacritics and script do
 * not matter, on both sides (yilmaz finds Yılmaz, schaefer Schäfer, Latin letters the optional
 * `latinName` of a name in Arabic script); see `matchesQuery`. A search shows every state, so the
 * desk can tell a held, waitlisted or cancelled person why they are not on the list; without a
 * query only confirmed people are listed. Folding runs here, not in SQL: a conference has a few
 * hundred registrations, and PGlite has no `unaccent`.
 */
export async function searchAttendees(conferenceId: string, query: string, limit = 30) {
  const q = query.trim();
  const rows = await db
    .select(attendee)
    .from(registrations)
    .where(
      q
        ? eq(registrations.conferenceId, conferenceId)
        : and(eq(registrations.conferenceId, conferenceId), eq(registrations.status, "confirmed")),
    )
    .orderBy(asc(registrations.lastName), asc(registrations.firstName), asc(registrations.id));
  const found = q ? rows.filter((r) => matchesQuery(q, [r.firstName, r.lastName, r.latinName, r.organisation])) : rows;
  // Confirmed people first: they are the ones the desk checks in.
  return found.sort((a, b) => Number(a.status !== "confirmed") - Number(b.status !== "confirmed")).slice(0, limit);
}

export async function getAttendee(conferenceId: string, registrationId: string) {
  const [row] = await db
    .select(attendee)
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.conferenceId, conferenceId)));
  return row ?? null;
}

export type CheckinResult = "checkedIn" | "already" | "notConfirmed" | "unknown" | "outsideDay";

const berlinDayNumber = (date: Date) => {
  const { year, month, day } = berlinParts(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
};

/**
 * Guard rail: check-in (and with it the certificate) belongs to the conference day — in Berlin, from
 * the day before it starts (setting up the desk) to the day it ends. Outside, only with a confirmation.
 */
export function isCheckinDay(conference: { startsAt: Date; endsAt: Date }, now = new Date()): boolean {
  const today = berlinDayNumber(now);
  return today >= berlinDayNumber(conference.startsAt) - 1 && today <= berlinDayNumber(conference.endsAt);
}

/**
 * Marks attendance once; only confirmed registrations of this conference. Outside the conference day
 * (see isCheckinDay) only with `confirmOutsideDay`, else "outsideDay" and nothing changes.
 */
export async function checkIn(input: {
  conferenceId: string;
  registrationId: string;
  actor: { id: string; name: string };
  confirmOutsideDay?: boolean;
  now?: Date;
}): Promise<CheckinResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        status: registrations.status,
        checkedInAt: registrations.checkedInAt,
        startsAt: conferences.startsAt,
        endsAt: conferences.endsAt,
      })
      .from(registrations)
      .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
      .where(and(eq(registrations.id, input.registrationId), eq(registrations.conferenceId, input.conferenceId)));
    if (!row) return "unknown";
    if (row.status !== "confirmed") return "notConfirmed";
    if (row.checkedInAt) return "already";
    if (!input.confirmOutsideDay && !isCheckinDay(row, now)) return "outsideDay";
    await tx
      .update(registrations)
      .set({ checkedInAt: now, updatedAt: now })
      .where(eq(registrations.id, input.registrationId));
    await recordAudit(tx, {
      actor: input.actor,
      action: "registration.checkin",
      subjectType: "registration",
      subjectId: input.registrationId,
      summary: isCheckinDay(row, now) ? undefined : "außerhalb des Konferenztags, bestätigt",
    });
    return "checkedIn";
  });
}

export async function undoCheckIn(input: {
  conferenceId: string;
  registrationId: string;
  actor: { id: string; name: string };
}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(registrations)
      .set({ checkedInAt: null })
      .where(
        and(
          eq(registrations.id, input.registrationId),
          eq(registrations.conferenceId, input.conferenceId),
          isNotNull(registrations.checkedInAt),
        ),
      )
      .returning({ id: registrations.id });
    if (rows.length)
      await recordAudit(tx, {
        actor: input.actor,
        action: "registration.checkin.undo",
        subjectType: "registration",
        subjectId: input.registrationId,
      });
    return rows.length > 0;
  });
}

/** Live numbers for the desk: present and expected. */
export async function attendanceCounts(conferenceId: string) {
  const [present] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), isNotNull(registrations.checkedInAt)));
  const [expected] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), eq(registrations.status, "confirmed")));
  return { present: present?.n ?? 0, expected: expected?.n ?? 0 };
}

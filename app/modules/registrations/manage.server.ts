import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, forums, outbox, registrationConsents, registrations } from "~/db/schema";
import { hashToken } from "~/modules/auth/tokens.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { unlinkBallots } from "~/modules/goals/voting.server";
import { enqueueMail } from "~/modules/mail/outbox.server";
import { manageToken } from "./links.server";
import { registrationMail } from "./mails.server";
import type { NeedsInput } from "./registration.schema";
import { forumRoom, isLive, LIVE_STATUSES, lockConference, waitlistRank, type Actor } from "./seats.server";
import { fillFreeSeats } from "./waitlist.server";
import { needsChange, recordConsents } from "./write.server";

// The manage link: what a registered person (and an organiser on their behalf) changes.

// Manage link

export async function findByManageToken(token: string) {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
  const [row] = await db
    .select({ registration: registrations, conference: conferences })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .where(eq(registrations.manageTokenHash, hashToken(token)));
  if (!row) return null;
  const forumList = await db
    .select({ id: forums.id, title: forums.title, capacity: forums.capacity })
    .from(forums)
    .where(eq(forums.conferenceId, row.conference.id))
    .orderBy(asc(forums.position));
  const position = row.registration.status === "waitlisted" ? await waitlistRank(db, row.registration) : 0;
  return { ...row, forums: forumList, position };
}

/**
 * Cancels and hands the seat to the first person in line. False when nothing was left to cancel.
 * An organiser cancelling for someone (`by`) is recorded in the audit log in the same transaction.
 */
export async function cancelRegistration(registrationId: string, now = new Date(), by?: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ conferenceId: registrations.conferenceId })
      .from(registrations)
      .where(eq(registrations.id, registrationId));
    if (!current) return false;
    const conf = (await lockConference(tx, current.conferenceId))!;
    const [before] = await tx
      .select({ status: registrations.status })
      .from(registrations)
      .where(eq(registrations.id, registrationId));
    const [reg] = await tx
      .update(registrations)
      .set({
        status: "cancelled",
        cancelledAt: now,
        updatedAt: now,
        confirmTokenHash: null,
        calendarSequence: sql`${registrations.calendarSequence} + 1`,
      })
      .where(and(eq(registrations.id, registrationId), inArray(registrations.status, [...LIVE_STATUSES])))
      .returning();
    if (!reg) return false;
    const mail = await registrationMail("cancelled", reg, conf, { manageToken: manageToken(reg.id, reg.manageSalt) });
    // Only a confirmed registration was sent a calendar entry that now has to be removed.
    if (before?.status !== "confirmed") mail.attachments = [];
    await enqueueMail(tx, mail);
    await fillFreeSeats(tx, conf, now);
    if (by)
      await recordAudit(tx, {
        actor: by,
        action: "registration.cancel",
        subjectType: "registration",
        subjectId: reg.id,
        summary: `Von der Verwaltung abgemeldet (vorher ${before?.status ?? "?"})`,
      });
    return true;
  });
}

export type ChangeForumResult = "changed" | "full" | "unknown" | "notAllowed";

export async function changeForum(
  registrationId: string,
  forumId: string | null,
  now = new Date(),
): Promise<ChangeForumResult> {
  return db.transaction(async (tx): Promise<ChangeForumResult> => {
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!current || !isLive(current.status)) return "notAllowed";
    const conf = (await lockConference(tx, current.conferenceId))!;
    const room = await forumRoom(tx, conf, current, forumId);
    if (room !== "ok") return room;
    await tx.update(registrations).set({ forumId, updatedAt: now }).where(eq(registrations.id, registrationId));
    // A seat freed in the old forum may let a waiting person of that forum move up.
    await fillFreeSeats(tx, conf, now);
    return "changed";
  });
}

/** Needs and consents changed through the manage link; withdrawing the Art. 9 consent erases those details. Every change of a consent is recorded. */
export async function updateNeeds(registrationId: string, input: NeedsInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!current) return;
    const change = needsChange(current, input, now);
    await tx
      .update(registrations)
      .set({ ...change.set, updatedAt: now })
      .where(eq(registrations.id, registrationId));
    await recordConsents(tx, registrationId, now, change.consents);
  });
}

/** Art. 15/20: everything stored about this registration, as plain data. */
export async function exportRegistration(registrationId: string) {
  const [row] = await db
    .select({
      registration: registrations,
      conference: { year: conferences.year, title: conferences.title },
      forum: { title: forums.title },
    })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .leftJoin(forums, eq(forums.id, registrations.forumId))
    .where(eq(registrations.id, registrationId));
  if (!row) return null;
  const [consents, mails] = await Promise.all([
    db
      .select({
        purpose: registrationConsents.purpose,
        granted: registrationConsents.granted,
        textVersion: registrationConsents.textVersion,
        at: registrationConsents.createdAt,
      })
      .from(registrationConsents)
      .where(eq(registrationConsents.registrationId, registrationId))
      .orderBy(asc(registrationConsents.createdAt)),
    db
      .select({
        subject: outbox.subject,
        to: outbox.to,
        status: outbox.status,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
      })
      .from(outbox)
      .where(eq(outbox.topic, `registration:${registrationId}`))
      .orderBy(asc(outbox.createdAt)),
  ]);
  const r = row.registration;
  return {
    conference: row.conference,
    registration: {
      firstName: r.firstName,
      lastName: r.lastName,
      latinName: r.latinName,
      email: r.email,
      organisation: r.organisation,
      organisationType: r.organisationType,
      jobTitle: r.jobTitle,
      forum: row.forum?.title ?? null,
      status: r.status,
      accessibilityNeeds: r.accessibilityNeeds,
      accessibilityOther: r.accessibilityOther,
      dietaryNeeds: r.dietaryNeeds,
      photoConsent: r.photoConsent,
      documentationNewsAt: r.documentationNewsAt,
      privacyVersion: r.privacyVersion,
      privacyConsentAt: r.privacyConsentAt,
      specialConsentAt: r.specialConsentAt,
      locale: r.locale,
      createdAt: r.createdAt,
      confirmedAt: r.confirmedAt,
      cancelledAt: r.cancelledAt,
      checkedInAt: r.checkedInAt,
    },
    consents,
    mails,
  };
}

/**
 * Art. 17: removes the registration, its consents and every mail about it (queued and sent); its
 * ballot stays counted but no longer leads back to it; a seat goes to the waitlist. Questions and
 * likes belong to a device, never to a registration, so there is nothing of them to find.
 * `byOrganiser`: a deletion on request, only inside that conference and written to the audit log.
 */
export async function deleteRegistration(
  registrationId: string,
  opts: { now?: Date; byOrganiser?: { actor: { id: string; name: string }; conferenceId: string } } = {},
): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ conferenceId: registrations.conferenceId })
      .from(registrations)
      .where(eq(registrations.id, registrationId));
    if (!current || (opts.byOrganiser && current.conferenceId !== opts.byOrganiser.conferenceId)) return false;
    const conf = (await lockConference(tx, current.conferenceId))!;
    await tx.delete(outbox).where(eq(outbox.topic, `registration:${registrationId}`));
    await unlinkBallots(tx, "registration", registrationId);
    const deleted = await tx
      .delete(registrations)
      .where(eq(registrations.id, registrationId))
      .returning({ id: registrations.id });
    if (!deleted.length) return false;
    if (opts.byOrganiser) {
      await recordAudit(tx, {
        actor: opts.byOrganiser.actor,
        action: "registration.delete",
        subjectType: "registration",
        subjectId: registrationId,
        summary: "Auf Antrag gelöscht",
      });
    }
    await fillFreeSeats(tx, conf, now);
    return true;
  });
}

import { and, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, outbox, registrations } from "~/db/schema";
import { env } from "~/utils/env.server";

/**
 * The Löschkonzept in one place: the scheduled job and the privacy page (/datenschutz) both read
 * these numbers, so what the page promises is what the job does.
 */
export type RetentionSettings = {
  /** Accessibility and dietary needs (Art. 9), days after the conference ended. */
  specialCategoryDays: number;
  /** Registrations are anonymised (counts kept), days after the conference ended. */
  anonymiseDays: number;
  /** Sent mails (their content names people), days after sending. */
  sentMailDays: number;
  /** The audit log, days. */
  auditDays: number;
  /** Sessions: idle minutes and absolute hours. */
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
};

export function retentionSettings(): RetentionSettings {
  return {
    specialCategoryDays: env.RETENTION_SPECIAL_CATEGORY_DAYS,
    anonymiseDays: env.RETENTION_ANONYMISE_DAYS,
    sentMailDays: env.RETENTION_SENT_MAIL_DAYS,
    auditDays: env.AUDIT_RETENTION_DAYS,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
  };
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

export const ANONYMISED_DOMAIN = "anonymisiert.invalid";

/** Runs every retention rule; returns what each one removed (for the log and for tests). */
export async function applyRetention(now = new Date(), settings = retentionSettings()) {
  const endedBefore = (days: number) =>
    db
      .select({ id: conferences.id })
      .from(conferences)
      .where(lt(conferences.endsAt, daysAgo(now, days)));

  // 1. Art. 9 data: gone four weeks after the conference.
  const special = await db
    .update(registrations)
    .set({ accessibilityNeeds: [], accessibilityOther: "", dietaryNeeds: "", updatedAt: now })
    .where(
      and(
        inArray(registrations.conferenceId, endedBefore(settings.specialCategoryDays)),
        or(
          sql`${registrations.accessibilityNeeds} <> '[]'::jsonb`,
          ne(registrations.accessibilityOther, ""),
          ne(registrations.dietaryNeeds, ""),
        ),
      ),
    )
    .returning({ id: registrations.id });

  // 2. Registrations anonymised after six months: statistics (status, organisation type, forum,
  //    check-in) stay, nothing that names or reaches a person does.
  const anonymised = await db
    .update(registrations)
    .set({
      email: sql`'anonym-' || ${registrations.id} || '@${sql.raw(ANONYMISED_DOMAIN)}'`,
      firstName: "",
      lastName: "",
      latinName: "",
      organisation: "",
      jobTitle: "",
      accessibilityNeeds: [],
      accessibilityOther: "",
      dietaryNeeds: "",
      // Nothing reaches the person any more, not even the mail about the documentation.
      documentationNewsAt: null,
      manageTokenHash: sql`'anonymised:' || ${registrations.id}`,
      confirmTokenHash: null,
      updatedAt: now,
    })
    .where(
      and(
        inArray(registrations.conferenceId, endedBefore(settings.anonymiseDays)),
        sql`${registrations.email} not like ${"%@" + ANONYMISED_DOMAIN}`,
      ),
    )
    .returning({ id: registrations.id });
  if (anonymised.length) {
    await db.delete(outbox).where(
      inArray(
        outbox.topic,
        anonymised.map((r) => `registration:${r.id}`),
      ),
    );
  }

  // 3. Never confirmed: the hold expired, the person did not want to come. Deleted at once.
  const unconfirmed = await db
    .delete(registrations)
    .where(and(eq(registrations.status, "expired"), isNull(registrations.confirmedAt)))
    .returning({ id: registrations.id });
  if (unconfirmed.length) {
    await db.delete(outbox).where(
      inArray(
        outbox.topic,
        unconfirmed.map((r) => `registration:${r.id}`),
      ),
    );
  }

  // 4. Sent mail: the content is not needed once delivered. Dead letters stay for organisers a
  //    while longer (three times as long).
  const mails = await db
    .delete(outbox)
    .where(
      or(
        and(eq(outbox.status, "sent"), lt(outbox.sentAt, daysAgo(now, settings.sentMailDays))),
        and(eq(outbox.status, "dead"), lt(outbox.createdAt, daysAgo(now, settings.sentMailDays * 3))),
      ),
    )
    .returning({ id: outbox.id });

  return {
    specialCategories: special.length,
    anonymised: anonymised.length,
    unconfirmedDeleted: unconfirmed.length,
    mailsDeleted: mails.length,
  };
}

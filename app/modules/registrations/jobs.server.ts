import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, registrations } from "~/db/schema";
import { enqueueMail } from "~/modules/mail/outbox.server";
import { manageToken } from "./links.server";
import { registrationMail } from "./mails.server";
import { lockConference } from "./seats.server";
import { fillFreeSeats } from "./waitlist.server";

// Scheduled jobs (app/modules/system/scheduler.server.ts runs them).

/** Frees seats whose confirmation did not come in time and moves the waitlist up. */
export async function expireHolds(now = new Date()): Promise<number> {
  const due = await db
    .selectDistinct({ conferenceId: registrations.conferenceId })
    .from(registrations)
    .where(and(eq(registrations.status, "held"), lte(registrations.holdExpiresAt, now)));
  let expired = 0;
  for (const { conferenceId } of due) {
    expired += await db.transaction(async (tx) => {
      const conf = (await lockConference(tx, conferenceId))!;
      const rows = await tx
        .update(registrations)
        .set({ status: "expired", confirmTokenHash: null, updatedAt: now })
        .where(
          and(
            eq(registrations.conferenceId, conferenceId),
            eq(registrations.status, "held"),
            lte(registrations.holdExpiresAt, now),
          ),
        )
        .returning();
      for (const reg of rows) await enqueueMail(tx, await registrationMail("expired", reg, conf));
      await fillFreeSeats(tx, conf, now);
      return rows.length;
    });
  }
  return expired;
}

/** The reminder N days before the start, with the calendar entry again; once per registration. */
export async function sendReminders(now = new Date()): Promise<number> {
  const due = await db
    .select({ registration: registrations, conference: conferences })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .where(
      and(
        eq(registrations.status, "confirmed"),
        isNull(registrations.reminderSentAt),
        sql`${conferences.reminderDaysBefore} > 0`,
        sql`${conferences.startsAt} > ${now}`,
        sql`${conferences.startsAt} - make_interval(days => ${conferences.reminderDaysBefore}) <= ${now}`,
      ),
    );
  let sent = 0;
  for (const { registration: reg, conference: conf } of due) {
    const mail = await registrationMail("reminder", reg, conf, { manageToken: manageToken(reg.id, reg.manageSalt) });
    sent += await db.transaction(async (tx) => {
      const claimed = await tx
        .update(registrations)
        .set({ reminderSentAt: now })
        .where(
          and(
            eq(registrations.id, reg.id),
            isNull(registrations.reminderSentAt),
            eq(registrations.status, "confirmed"),
          ),
        )
        .returning({ id: registrations.id });
      if (!claimed.length) return 0;
      await enqueueMail(tx, mail);
      return 1;
    });
  }
  return sent;
}

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, registrations } from "~/db/schema";
import type { Locale } from "~/i18n/catalog";
import { normaliseEmail } from "~/modules/auth/accounts.server";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { enqueueMail } from "~/modules/mail/outbox.server";
import { freshManage, manageToken } from "./links.server";
import { POSITION_SLOT, registrationMail, withPosition } from "./mails.server";
import type { RegistrationInput } from "./registration.schema";
import {
  findByAddress,
  isLive,
  lockConference,
  planSeat,
  registrationSlots,
  RegistrationRace,
  registrationState,
} from "./seats.server";
import { writeRegistration } from "./write.server";

// The public path: register (double opt-in) and confirm.

export type RegisterResult =
  | { ok: true; outcome: "held" | "waitlisted" | "existing" | "ignored"; holdHours: number }
  | { ok: false; reason: "closed" | "forumFull" | "unknownForum" };

/**
 * A registration without an account. Under the conference row lock: a free seat (and a free seat in
 * the chosen forum) gives a held seat awaiting confirmation; a full conference gives a place on the
 * waitlist. The same address again (double click, retry) changes nothing but mails a fresh manage
 * link; the caller shows the same neutral answer in every case.
 */
export function register(input: RegisterInput): Promise<RegisterResult> {
  return registrationSlots(() => registerNow(input));
}

type RegisterInput = { conferenceId: string; data: RegistrationInput; locale: Locale; now?: Date };

async function registerNow(input: RegisterInput): Promise<RegisterResult> {
  const now = input.now ?? new Date();
  const data = input.data;
  const email = normaliseEmail(data.email);

  // Mails are rendered before the conference row is locked, so the lock is held only for a few
  // queries (200 simultaneous registrations otherwise queue for the pool behind the renderer).
  const [pre] = await db.select().from(conferences).where(eq(conferences.id, input.conferenceId));
  if (!pre || registrationState(pre, now) !== "open") return { ok: false, reason: "closed" };
  if (data.website) return { ok: true, outcome: "ignored", holdHours: pre.holdHours };
  const known = await findByAddress(db, pre.id, email);
  const knownLive = known && isLive(known.status);
  const id = known?.id ?? randomUUID();
  const manage = freshManage(id);
  const confirmToken = generateToken();
  const holdExpiresAt = new Date(now.getTime() + pre.holdHours * 3_600_000);
  const person = {
    id,
    email,
    firstName: data.firstName,
    lastName: data.lastName,
    locale: input.locale,
    holdExpiresAt,
    calendarSequence: 0,
  };
  const [heldMail, waitMail, existingMail] = await Promise.all([
    knownLive ? null : registrationMail("held", person, pre, { manageToken: manage.token, confirmToken }),
    knownLive
      ? null
      : registrationMail("waitlisted", person, pre, { manageToken: manage.token, position: POSITION_SLOT }),
    knownLive ? registrationMail("existing", known, pre, { manageToken: manage.token }) : null,
  ]);

  return db
    .transaction(async (tx): Promise<RegisterResult> => {
      const conf = await lockConference(tx, input.conferenceId);
      if (!conf || registrationState(conf, now) !== "open") return { ok: false, reason: "closed" };
      // Checked before looking at the address, so the answer never depends on who is registered.
      const plan = await planSeat(tx, conf, data.forumId);
      if (!plan.ok) return plan;

      const existing = await findByAddress(tx, conf.id, email);
      if (existing && isLive(existing.status)) {
        // Usually rendered above; a simultaneous first submit of the same address renders here.
        const prepared = existingMail && existing.id === id;
        const fresh = prepared ? manage : freshManage(existing.id);
        await tx
          .update(registrations)
          .set({ manageSalt: fresh.salt, manageTokenHash: fresh.hash, updatedAt: now })
          .where(eq(registrations.id, existing.id));
        await enqueueMail(
          tx,
          prepared ? existingMail : await registrationMail("existing", existing, conf, { manageToken: fresh.token }),
        );
        return { ok: true, outcome: "existing", holdHours: conf.holdHours };
      }
      if (!heldMail || !waitMail || (existing && existing.id !== id)) {
        // The row changed between the look-up and the lock (very rare): start over with the lock released.
        throw new RegistrationRace();
      }

      const reg = await writeRegistration(tx, {
        id,
        existing,
        conferenceId: conf.id,
        email,
        data,
        locale: input.locale,
        plan,
        status: plan.seatFree ? "held" : "waitlisted",
        manage,
        confirmTokenHash: plan.seatFree ? hashToken(confirmToken) : null,
        holdExpiresAt: plan.seatFree ? holdExpiresAt : null,
        now,
      });
      if (plan.seatFree) {
        await enqueueMail(tx, heldMail);
        return { ok: true, outcome: "held", holdHours: conf.holdHours };
      }
      await enqueueMail(tx, await withPosition(tx, waitMail, reg));
      return { ok: true, outcome: "waitlisted", holdHours: conf.holdHours };
    })
    .catch(async (error: unknown) => {
      if (error instanceof RegistrationRace) return registerNow(input);
      throw error;
    });
}

// Double opt-in

/** What the confirm page shows on GET (changes nothing: mail scanners open links). */
export async function getConfirmation(token: string) {
  const [row] = await db
    .select({ status: registrations.status, holdExpiresAt: registrations.holdExpiresAt, title: conferences.title })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .where(eq(registrations.confirmTokenHash, hashToken(token)));
  return row ?? null;
}

export type ConfirmResult = { kind: "confirmed"; manageToken: string } | { kind: "invalid" | "expired" | "notHeld" };

/** The POST of the confirm page: a held seat becomes a confirmed registration (twice is harmless). */
export async function confirmRegistration(token: string, now = new Date()): Promise<ConfirmResult> {
  const [found] = await db
    .select()
    .from(registrations)
    .where(eq(registrations.confirmTokenHash, hashToken(token)));
  if (!found) return { kind: "invalid" };
  return db.transaction(async (tx): Promise<ConfirmResult> => {
    const conf = (await lockConference(tx, found.conferenceId))!;
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, found.id));
    if (!reg || reg.confirmTokenHash !== found.confirmTokenHash) return { kind: "invalid" };
    const token = manageToken(reg.id, reg.manageSalt);
    if (reg.status === "confirmed") return { kind: "confirmed", manageToken: token };
    if (reg.status === "expired" || (reg.status === "held" && reg.holdExpiresAt && reg.holdExpiresAt <= now))
      return { kind: "expired" };
    if (reg.status !== "held") return { kind: "notHeld" };
    const [updated] = await tx
      .update(registrations)
      .set({ status: "confirmed", confirmedAt: now, updatedAt: now })
      .where(eq(registrations.id, reg.id))
      .returning();
    await enqueueMail(tx, await registrationMail("confirmed", updated!, conf, { manageToken: token }));
    return { kind: "confirmed", manageToken: token };
  });
}

import { and, asc, eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { forums, registrations } from "~/db/schema";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { enqueueMail } from "~/modules/mail/outbox.server";
import { manageToken } from "./links.server";
import { registrationMail } from "./mails.server";
import { lockConference, seatCounts, type Conference, type Tx } from "./seats.server";

/**
 * Gives free seats to the waitlist in strict order. Someone whose forum is full keeps their place
 * and the next person in line whose choice fits moves up. Call with the conference row locked.
 */
export async function fillFreeSeats(tx: Tx, conf: Conference, now: Date): Promise<string[]> {
  if (now >= conf.startsAt) return [];
  const counts = await seatCounts(tx, conf.id);
  let free = conf.capacity - counts.taken;
  if (free <= 0 || counts.waitlisted === 0) return [];
  const forumCap = new Map(
    (
      await tx.select({ id: forums.id, capacity: forums.capacity }).from(forums).where(eq(forums.conferenceId, conf.id))
    ).map((f) => [f.id, f.capacity]),
  );
  const waiting = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conf.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistPosition));
  const promoted: string[] = [];
  for (const w of waiting) {
    if (free <= 0) break;
    if (w.forumId && (counts.byForum.get(w.forumId) ?? 0) >= (forumCap.get(w.forumId) ?? 0)) continue;
    const confirmToken = generateToken();
    const [reg] = await tx
      .update(registrations)
      .set({
        status: "held",
        holdExpiresAt: new Date(now.getTime() + conf.holdHours * 3_600_000),
        confirmTokenHash: hashToken(confirmToken),
        updatedAt: now,
      })
      .where(and(eq(registrations.id, w.id), eq(registrations.status, "waitlisted")))
      .returning();
    if (!reg) continue;
    free -= 1;
    if (w.forumId) counts.byForum.set(w.forumId, (counts.byForum.get(w.forumId) ?? 0) + 1);
    await enqueueMail(
      tx,
      await registrationMail("promoted", reg, conf, { confirmToken, manageToken: manageToken(reg.id, reg.manageSalt) }),
    );
    promoted.push(reg.id);
  }
  return promoted;
}

/** After an organiser added seats (conference or forum): the waitlist moves up at once. */
export async function fillSeats(conferenceId: string, now = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const conf = await lockConference(tx, conferenceId);
    return conf ? fillFreeSeats(tx, conf, now) : [];
  });
}

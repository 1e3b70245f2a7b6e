import { and, asc, count, eq, inArray, lte, max } from "drizzle-orm";
import { db, type DbOrTx } from "~/db/client.server";
import { conferences, forums, registrations } from "~/db/schema";

/**
 * Seats of a conference: the registration window, free seats of the conference and its forums,
 * the one seat decision and the place in line. Every decision runs with the conference row locked
 * (`lockConference`) inside the caller's transaction.
 */

export type Conference = typeof conferences.$inferSelect;
export type Registration = typeof registrations.$inferSelect;
export type Tx = DbOrTx;

/** Statuses that occupy a seat of the conference (and of the chosen forum). */
export const SEAT_STATUSES = ["held", "confirmed"] as const;
/** Statuses of a registration that is still going. */
export const LIVE_STATUSES = ["held", "confirmed", "waitlisted"] as const;
export const isLive = (status: string) => (LIVE_STATUSES as readonly string[]).includes(status);
export const holdsSeat = (status: string) => (SEAT_STATUSES as readonly string[]).includes(status);

/** An organiser acting on registrations (recorded in the audit log). */
export type Actor = { id: string; name: string };

export type RegistrationState = "open" | "notOpen" | "notYet" | "over" | "closed";

export function registrationState(
  conf: Pick<Conference, "status" | "registrationOpensAt" | "registrationClosesAt" | "startsAt">,
  now = new Date(),
): RegistrationState {
  if (conf.status === "published" || conf.status === "draft") return "notOpen";
  if (conf.status !== "registration_open") return "closed";
  if (conf.registrationOpensAt && now < conf.registrationOpensAt) return "notYet";
  if (conf.registrationClosesAt && now >= conf.registrationClosesAt) return "over";
  if (now >= conf.startsAt) return "over";
  return "open";
}

export type Counts = { taken: number; waitlisted: number; byForum: Map<string, number> };

export async function seatCounts(tx: Tx, conferenceId: string): Promise<Counts> {
  const rows = await tx
    .select({ forumId: registrations.forumId, status: registrations.status, n: count() })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), inArray(registrations.status, [...LIVE_STATUSES])))
    .groupBy(registrations.forumId, registrations.status);
  return countSeats(rows);
}

export function countSeats(rows: { forumId: string | null; status: Registration["status"]; n: number }[]): Counts {
  const counts: Counts = { taken: 0, waitlisted: 0, byForum: new Map() };
  for (const r of rows) {
    if (r.status === "waitlisted") {
      counts.waitlisted += r.n;
      continue;
    }
    counts.taken += r.n;
    if (r.forumId) counts.byForum.set(r.forumId, (counts.byForum.get(r.forumId) ?? 0) + r.n);
  }
  return counts;
}

export type ForumSeats = { id: string; title: string; capacity: number };

/**
 * Free seats of the conference and each forum, for the public page and the form. A caller that
 * has just read the conference and its forums passes them (`known`): then only the counts are read.
 */
export async function getAvailability(conferenceId: string, known?: { capacity: number; forums: ForumSeats[] }) {
  const [[conf], forumList, counts] = await Promise.all([
    known
      ? [known]
      : db.select({ capacity: conferences.capacity }).from(conferences).where(eq(conferences.id, conferenceId)),
    known
      ? known.forums.map(({ id, title, capacity }) => ({ id, title, capacity }))
      : db
          .select({ id: forums.id, title: forums.title, capacity: forums.capacity })
          .from(forums)
          .where(eq(forums.conferenceId, conferenceId))
          .orderBy(asc(forums.position)),
    seatCounts(db, conferenceId),
  ]);
  const capacity = conf?.capacity ?? 0;
  return {
    capacity,
    taken: counts.taken,
    free: Math.max(0, capacity - counts.taken),
    waitlisted: counts.waitlisted,
    forums: forumList.map((f) => {
      const taken = counts.byForum.get(f.id) ?? 0;
      return { ...f, taken, free: Math.max(0, f.capacity - taken) };
    }),
  };
}

/** Locks the conference row: every seat decision of one conference happens one after another. */
export async function lockConference(tx: Tx, conferenceId: string): Promise<Conference | undefined> {
  const [conf] = await tx.select().from(conferences).where(eq(conferences.id, conferenceId)).for("update");
  return conf;
}

export type SeatPlan =
  | { ok: true; forumId: string | null; seatFree: boolean; position: number | null }
  | { ok: false; reason: "forumFull" | "unknownForum" };

/**
 * The one seat decision for a new registration, on every path (public form, organisers): a free
 * seat of the conference — and of the chosen forum — or else the next place in line. A full forum
 * is refused only while the conference has seats (on the waitlist the forum is a wish). Call with
 * the conference row locked.
 */
export async function planSeat(tx: Tx, conf: Conference, forumId: string): Promise<SeatPlan> {
  const forumList = await tx.select().from(forums).where(eq(forums.conferenceId, conf.id));
  const forum = forumId ? forumList.find((f) => f.id === forumId) : undefined;
  if (forumId && !forum) return { ok: false, reason: "unknownForum" };
  const counts = await seatCounts(tx, conf.id);
  const seatFree = counts.taken < conf.capacity;
  if (forum && seatFree && (counts.byForum.get(forum.id) ?? 0) >= forum.capacity)
    return { ok: false, reason: "forumFull" };
  if (seatFree) return { ok: true, forumId: forum?.id ?? null, seatFree, position: null };
  const [row] = await tx
    .select({ last: max(registrations.waitlistPosition) })
    .from(registrations)
    .where(eq(registrations.conferenceId, conf.id));
  return { ok: true, forumId: forum?.id ?? null, seatFree, position: (row?.last ?? 0) + 1 };
}

/** Whether a changed forum has room for this registration (a waiting person only states a wish). Call with the conference row locked. */
export async function forumRoom(
  tx: Tx,
  conf: Conference,
  current: Pick<Registration, "status" | "forumId">,
  forumId: string | null,
): Promise<"ok" | "full" | "unknown"> {
  if (!forumId) return "ok";
  const [forum] = await tx
    .select()
    .from(forums)
    .where(and(eq(forums.id, forumId), eq(forums.conferenceId, conf.id)));
  if (!forum) return "unknown";
  if (holdsSeat(current.status) && current.forumId !== forumId) {
    const counts = await seatCounts(tx, conf.id);
    if ((counts.byForum.get(forumId) ?? 0) >= forum.capacity) return "full";
  }
  return "ok";
}

export function findByAddress(tx: Tx, conferenceId: string, email: string): Promise<Registration | undefined> {
  return tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), eq(registrations.email, email)))
    .then((rows) => rows[0]);
}

/** The place in the queue: 1 for the next person to move up. */
export async function waitlistRank(
  tx: Tx,
  reg: Pick<Registration, "conferenceId" | "waitlistPosition">,
): Promise<number> {
  if (reg.waitlistPosition === null) return 0;
  const [row] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.conferenceId, reg.conferenceId),
        eq(registrations.status, "waitlisted"),
        lte(registrations.waitlistPosition, reg.waitlistPosition),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Seat decisions of one conference run one after another anyway (row lock), so a process lets
 * only a few registrations at a time reach the database: a burst waits here instead of taking
 * every pooled connection (and timing out waiting for one) while other pages still get through.
 */
export function slots(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(fn: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
export const registrationSlots = slots(4);

/** The row changed between a look-up and the lock (very rare): the caller starts over with the lock released. */
export class RegistrationRace extends Error {}

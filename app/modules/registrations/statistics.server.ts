import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { db, rawRows } from "~/db/client.server";
import { forums, registrations } from "~/db/schema";
import { TIME_ZONE } from "~/utils/time";
import { ORGANISATION_TYPES, STATUSES } from "./registration.constants";
import { needsCounts } from "./participants.server";
import { LIVE_STATUSES, SEAT_STATUSES } from "./seats.server";

// Numbers for the organisers' statistics page: counts only, never a name. One grouped query per
// figure; the shaping below (zeros for empty groups, sums) touches no database.

export type DayCount = { day: string; count: number; total: number };

/**
 * Registrations received per Berlin calendar day (the day of the first submission; cancelled and
 * expired ones count, deleted ones are gone) with the running total; days without any are listed
 * with 0 so the time axis has no gaps.
 */
export function registrationsPerDay(conferenceId: string): Promise<DayCount[]> {
  const day = sql`(${registrations.createdAt} at time zone ${TIME_ZONE})::date`;
  return rawRows<DayCount>(
    db,
    sql`with per_day as (
          select ${day} as day, count(*)::int as n from ${registrations}
          where ${registrations.conferenceId} = ${conferenceId} group by 1
        )
        select to_char(d, 'YYYY-MM-DD') as day, coalesce(p.n, 0)::int as count,
               (sum(coalesce(p.n, 0)) over (order by d))::int as total
        from generate_series((select min(day) from per_day), (select max(day) from per_day), interval '1 day') as d
        left join per_day p on p.day = d::date
        order by d`,
  );
}

/** Live registrations (seat or waitlist) per type of organisation, every type listed. */
export async function registrationsByType(conferenceId: string) {
  const rows = await db
    .select({ type: registrations.organisationType, n: count() })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), inArray(registrations.status, [...LIVE_STATUSES])))
    .groupBy(registrations.organisationType);
  return ORGANISATION_TYPES.map((type) => ({ type, count: rows.find((r) => r.type === type)?.n ?? 0 }));
}

/** Every status with its count (0 included). */
export async function registrationsByStatus(conferenceId: string) {
  const rows = await db
    .select({ status: registrations.status, n: count() })
    .from(registrations)
    .where(eq(registrations.conferenceId, conferenceId))
    .groupBy(registrations.status);
  return STATUSES.map((status) => ({ status, count: rows.find((r) => r.status === status)?.n ?? 0 }));
}

/** Per forum: seats taken (held or confirmed) against its capacity, and the people waiting for it. */
export function registrationsByForum(conferenceId: string) {
  const inStatus = (statuses: readonly (typeof STATUSES)[number][]) =>
    sql<number>`count(${registrations.id}) filter (where ${inArray(registrations.status, [...statuses])})`.mapWith(
      Number,
    );
  return db
    .select({
      id: forums.id,
      title: forums.title,
      capacity: forums.capacity,
      taken: inStatus(SEAT_STATUSES),
      waitlisted: inStatus(["waitlisted"]),
    })
    .from(forums)
    .leftJoin(registrations, eq(registrations.forumId, forums.id))
    .where(eq(forums.conferenceId, conferenceId))
    .groupBy(forums.id)
    .orderBy(asc(forums.position), asc(forums.title));
}

export type RegistrationStatistics = Awaited<ReturnType<typeof registrationStatistics>>;

/** All figures of the statistics page for one conference. */
export async function registrationStatistics(conference: { id: string; capacity: number }) {
  const [perDay, byType, byStatus, byForum, needs] = await Promise.all([
    registrationsPerDay(conference.id),
    registrationsByType(conference.id),
    registrationsByStatus(conference.id),
    registrationsByForum(conference.id),
    needsCounts(conference.id),
  ]);
  const countOf = (status: (typeof STATUSES)[number]) => byStatus.find((s) => s.status === status)!.count;
  const taken = countOf("held") + countOf("confirmed");
  const waitlisted = countOf("waitlisted");
  const sum = (key: "taken" | "waitlisted") => byForum.reduce((n, f) => n + f[key], 0);
  return {
    /** No registration at all yet (cancelled and expired ones count as received): the page shows its empty state. */
    empty: byStatus.every((s) => s.count === 0),
    seats: { capacity: conference.capacity, taken, free: Math.max(0, conference.capacity - taken), waitlisted },
    /** Catering (people with a seat, food wishes) and interpreting and other support, numbers only. */
    needs,
    perDay,
    byType,
    byStatus,
    byForum,
    // Everyone live without a forum choice: what the forums do not account for.
    withoutForum: { taken: taken - sum("taken"), waitlisted: waitlisted - sum("waitlisted") },
  };
}

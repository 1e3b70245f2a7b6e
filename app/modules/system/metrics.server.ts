import { eq, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, outbox, registrations } from "~/db/schema";

export type OperationalFigures = {
  outbox: { pending: number; dead: number };
  registrations: { year: number; status: string; count: number }[];
};

/** What /metrics reports from the database: the mail queue and the registrations per conference and status. */
export async function operationalFigures(): Promise<OperationalFigures> {
  const mail = await db
    .select({ status: outbox.status, n: sql<string>`count(*)` })
    .from(outbox)
    .where(sql`${outbox.status} in ('pending', 'dead')`)
    .groupBy(outbox.status);
  const byConference = await db
    .select({ year: conferences.year, status: registrations.status, n: sql<string>`count(*)` })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .groupBy(conferences.year, registrations.status);
  const count = (s: string) => Number(mail.find((m) => m.status === s)?.n ?? 0);
  return {
    outbox: { pending: count("pending"), dead: count("dead") },
    registrations: byConference.map((r) => ({ year: r.year, status: r.status, count: Number(r.n) })),
  };
}

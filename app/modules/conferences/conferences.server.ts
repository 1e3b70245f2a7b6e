import { and, asc, desc, eq, gte, inArray, ne } from "drizzle-orm";
import { db } from "~/db/client.server";
import { agendaItems, conferences, forums } from "~/db/schema";

/** Statuses in which a conference is visible to the public. */
export const PUBLIC_STATUSES = ["published", "registration_open", "registration_closed", "held", "documented"] as const;

/** The next public conference that has not ended yet, else null. */
export async function findUpcomingConference(now = new Date()) {
  const [row] = await db
    .select({
      year: conferences.year,
      title: conferences.title,
      startsAt: conferences.startsAt,
      venueName: conferences.venueName,
      status: conferences.status,
    })
    .from(conferences)
    .where(and(inArray(conferences.status, [...PUBLIC_STATUSES]), gte(conferences.endsAt, now)))
    .orderBy(asc(conferences.startsAt))
    .limit(1);
  return row ?? null;
}

/** A public conference with its agenda and forums, or null (drafts do not exist for the public). */
export async function getPublicConference(year: number) {
  const [conference] = await db
    .select()
    .from(conferences)
    .where(and(eq(conferences.year, year), ne(conferences.status, "draft")));
  if (!conference) return null;
  const [agenda, forumList] = await Promise.all([
    db
      .select({
        id: agendaItems.id,
        startsAt: agendaItems.startsAt,
        endsAt: agendaItems.endsAt,
        title: agendaItems.title,
        kind: agendaItems.kind,
        speakers: agendaItems.speakers,
        forumId: agendaItems.forumId,
      })
      .from(agendaItems)
      .where(eq(agendaItems.conferenceId, conference.id))
      .orderBy(asc(agendaItems.startsAt)),
    db
      .select({ id: forums.id, title: forums.title, description: forums.description, capacity: forums.capacity })
      .from(forums)
      .where(eq(forums.conferenceId, conference.id))
      .orderBy(asc(forums.position)),
  ]);
  return { conference, agenda, forums: forumList };
}

export async function listPublicConferences() {
  return db
    .select({
      year: conferences.year,
      title: conferences.title,
      startsAt: conferences.startsAt,
      status: conferences.status,
    })
    .from(conferences)
    .where(inArray(conferences.status, [...PUBLIC_STATUSES]))
    .orderBy(desc(conferences.year));
}

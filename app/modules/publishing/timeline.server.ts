import { and, desc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, documentations, goals, goalYears, groupReports } from "~/db/schema";
import { PUBLIC_STATUSES } from "~/modules/conferences/conferences.server";

export type TimelineYear = {
  year: number;
  conferenceTitle: string;
  hasReport: boolean;
  documentation: boolean;
  goals: { id: number; title: string; status: string }[];
};

/**
 * A working group across the years: per public conference, its published report, the published
 * status of the goals it owns, and whether the documentation of that year is published. Years in
 * which the group has nothing public are left out.
 */
export async function groupTimeline(groupId: string, now = new Date()): Promise<TimelineYear[]> {
  const years = await db
    .select({ id: conferences.id, year: conferences.year, title: conferences.title })
    .from(conferences)
    .where(inArray(conferences.status, [...PUBLIC_STATUSES]))
    .orderBy(desc(conferences.year));
  if (!years.length) return [];
  const ids = years.map((y) => y.id);
  const [reports, goalRows, docs] = await Promise.all([
    db
      .select({ conferenceId: groupReports.conferenceId })
      .from(groupReports)
      .where(
        and(
          eq(groupReports.groupId, groupId),
          eq(groupReports.status, "published"),
          inArray(groupReports.conferenceId, ids),
        ),
      ),
    db
      .select({ conferenceId: goalYears.conferenceId, id: goals.id, title: goals.title, status: goalYears.status })
      .from(goalYears)
      .innerJoin(goals, eq(goals.id, goalYears.goalId))
      .where(
        and(eq(goals.ownerGroupId, groupId), isNotNull(goalYears.publishedAt), inArray(goalYears.conferenceId, ids)),
      ),
    db
      .select({ conferenceId: documentations.conferenceId })
      .from(documentations)
      .where(
        and(
          isNotNull(documentations.publishedAt),
          lte(documentations.publishedAt, now),
          inArray(documentations.conferenceId, ids),
        ),
      ),
  ]);
  return years
    .map((y) => ({
      year: y.year,
      conferenceTitle: y.title,
      hasReport: reports.some((r) => r.conferenceId === y.id),
      documentation: docs.some((d) => d.conferenceId === y.id),
      goals: goalRows.filter((g) => g.conferenceId === y.id).map(({ id, title, status }) => ({ id, title, status })),
    }))
    .filter((y) => y.hasReport || y.goals.length > 0);
}

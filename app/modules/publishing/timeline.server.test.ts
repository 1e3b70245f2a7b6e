import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, documentations, goals, goalYears, groupReports, groups } from "~/db/schema";
import { groupTimeline } from "./timeline.server";

const conf = (year: number, status: "documented" | "draft" = "documented") => ({
  year,
  title: `Integrationskonferenz ${year}`,
  startsAt: new Date(`${year}-11-12T09:00:00Z`),
  endsAt: new Date(`${year}-11-12T15:00:00Z`),
  venueName: "V",
  venueAddress: "A",
  capacity: 10,
  status,
});

describe("a working group's timeline", () => {
  it("lists per year only what is public: published reports, published goal statuses, published documentations", async () => {
    const [c1, c2, c3, c4] = await db
      .insert(conferences)
      .values([conf(2041), conf(2042), conf(2043), conf(2044, "draft")])
      .returning();
    const [group] = await db
      .insert(groups)
      .values({ slug: "welheim-t", name: "Stadtteilnetzwerk Welheim", kind: "district_network" })
      .returning();
    await db.insert(groupReports).values([
      { groupId: group!.id, conferenceId: c1!.id, status: "published" },
      { groupId: group!.id, conferenceId: c3!.id, status: "approved" },
      { groupId: group!.id, conferenceId: c4!.id, status: "published" },
    ]);
    const [goal] = await db
      .insert(goals)
      .values({
        title: "Treffpunkt für Jugendliche",
        ownerGroupId: group!.id,
        targetYear: 2043,
        originConferenceId: c1!.id,
      })
      .returning();
    await db.insert(goalYears).values([
      { goalId: goal!.id, conferenceId: c1!.id, status: "neu", publishedAt: new Date() },
      { goalId: goal!.id, conferenceId: c2!.id, status: "in_umsetzung", publishedAt: new Date() },
      { goalId: goal!.id, conferenceId: c3!.id, status: "erreicht", publishedAt: null },
    ]);
    await db
      .insert(documentations)
      .values([{ conferenceId: c1!.id, publishedAt: new Date(Date.now() - 1000) }, { conferenceId: c2!.id }]);

    const timeline = await groupTimeline(group!.id);
    expect(timeline).toEqual([
      {
        year: 2042,
        conferenceTitle: "Integrationskonferenz 2042",
        hasReport: false,
        documentation: false,
        goals: [{ id: goal!.id, title: "Treffpunkt für Jugendliche", status: "in_umsetzung" }],
      },
      {
        year: 2041,
        conferenceTitle: "Integrationskonferenz 2041",
        hasReport: true,
        documentation: true,
        goals: [{ id: goal!.id, title: "Treffpunkt für Jugendliche", status: "neu" }],
      },
    ]);
  });
});

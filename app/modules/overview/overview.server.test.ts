import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { agendaItems, conferences, goalYears, goals, groupReports, groups, outbox, reportDeadlines } from "~/db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import { seedDemo } from "~/modules/demo/seed.server";
import { register } from "~/modules/registrations/register.server";
import { registrationStatistics } from "~/modules/registrations/statistics.server";
import { input, makeConference } from "~/modules/registrations/testing";
import { coordinatorHome, workingConference, yearOverview } from "./overview.server";

describe("the year at a glance", () => {
  it("a conference just created: every figure zero, the next step is setting it up, each step links where it is done", async () => {
    const { conf } = await makeConference({ capacity: 20, status: "draft" });
    const overview = await yearOverview(conf);
    expect(overview.registrations).toMatchObject({ confirmed: 0, held: 0, waitlisted: 0, free: 20, capacity: 20 });
    expect(overview.nextStep?.step).toBe("setup");
    expect(overview.checklist.every((s) => !s.done || s.step === "statuses")).toBe(true);
    expect(overview.checklist.find((s) => s.step === "documentation")?.href).toBe(
      `/verwaltung/dokumentation/${conf.year}`,
    );
    expect(overview.documentation).toEqual({ exists: false, publishedAt: null });
  });

  it("counts registrations per status and forum as the statistics page does, and follows the steps as they are done", async () => {
    const { conf, forums } = await makeConference({ capacity: 2, forums: [1, 5] });
    await db
      .insert(agendaItems)
      .values({ conferenceId: conf.id, startsAt: conf.startsAt, title: "Begrüßung", kind: "welcome" });
    await register({ conferenceId: conf.id, data: input("a@example.org", { forumId: forums[0]!.id }), locale: "de" });
    await register({ conferenceId: conf.id, data: input("b@example.org", { forumId: forums[1]!.id }), locale: "de" });
    await register({ conferenceId: conf.id, data: input("c@example.org"), locale: "de" });
    const overview = await yearOverview(conf);
    const stats = await registrationStatistics(conf);
    expect(overview.registrations.held).toBe(2);
    expect(overview.registrations.waitlisted).toBe(stats.seats.waitlisted);
    expect(overview.registrations.free).toBe(stats.seats.free);
    expect(overview.registrations.forums.map((f) => [f.taken, f.free])).toEqual([
      [1, 0],
      [1, 4],
    ]);
    const done = Object.fromEntries(overview.checklist.map((s) => [s.step, s.done]));
    expect(done).toMatchObject({
      setup: true,
      publish: true,
      registration: true,
      deadline: false,
      documentation: false,
    });
    expect(overview.nextStep?.step).toBe("coordinators");

    await db.insert(reportDeadlines).values({ conferenceId: conf.id, submitBy: conf.startsAt });
    await db.insert(outbox).values({ to: "x@example.org", subject: "s", html: "", text: "", status: "dead" });
    const later = await yearOverview(conf);
    expect(later.checklist.find((s) => s.step === "deadline")?.done).toBe(true);
    expect(later.deadLetters).toBe(1);
  });

  it("works on the earliest conference not yet documented, or the year asked for", async () => {
    const now = new Date();
    await seedDemo({ now });
    const all = await db.select().from(conferences);
    const open = all.filter((c) => c.status !== "documented").sort((a, b) => a.year - b.year)[0]!;
    expect((await workingConference())?.id).toBe(open.id);
    const documented = all.find((c) => c.status === "documented")!;
    expect((await workingConference(documented.year))?.id).toBe(documented.id);
    const overview = await yearOverview(open, now);
    expect(overview.reports.groups.length).toBe((await db.select().from(groups)).length);
  });
});

describe("a coordinator's start page", () => {
  it("shows her group, this year's report with state and deadline, and the goal statuses asked of her", async () => {
    const { conf } = await makeConference({ capacity: 10 });
    const [group] = await db
      .insert(groups)
      .values({ slug: "ak-start", name: "AK Start", kind: "working_group" })
      .returning();
    const user = await createUser({
      email: "koordination@example.org",
      name: "Kim Koordination",
      role: "coordinator",
      groupId: group!.id,
    });
    const none = await coordinatorHome({ id: user.id, groupId: group!.id }, conf);
    expect(none.group?.name).toBe("AK Start");
    expect(none.report).toMatchObject({ id: null, state: "missing", deadline: null });

    await db.insert(reportDeadlines).values({ conferenceId: conf.id, submitBy: conf.startsAt });
    const [report] = await db
      .insert(groupReports)
      .values({ groupId: group!.id, conferenceId: conf.id, status: "changes_requested" })
      .returning();
    const [origin] = await db.select().from(conferences).where(eq(conferences.id, conf.id));
    const [goal] = await db
      .insert(goals)
      .values({
        title: "Mehr Sprachkurse",
        ownerGroupId: group!.id,
        targetYear: origin!.year,
        originConferenceId: conf.id,
      })
      .returning();
    const [other] = await db
      .insert(goals)
      .values({
        title: "Schon gemeldet",
        ownerGroupId: group!.id,
        targetYear: origin!.year,
        originConferenceId: conf.id,
      })
      .returning();
    await db.insert(goalYears).values([
      { goalId: goal!.id, conferenceId: conf.id, status: "uebertragen", sachstand: "" },
      { goalId: other!.id, conferenceId: conf.id, status: "in_umsetzung", sachstand: "Läuft." },
    ]);
    const home = await coordinatorHome({ id: user.id, groupId: group!.id }, conf);
    expect(home.report).toMatchObject({ id: report!.id, state: "changes_requested" });
    expect(home.report?.deadline?.getTime()).toBe(conf.startsAt.getTime());
    expect(home.goals.map((g) => [g.title, g.asked, g.status])).toEqual([
      ["Mehr Sprachkurse", true, "uebertragen"],
      ["Schon gemeldet", false, "in_umsetzung"],
    ]);
    expect(home.moderates).toBe(false);
  });

  it("a coordinator without a group gets a page that says so", async () => {
    const user = await createUser({ email: "ohne@example.org", name: "Ohne Gruppe", role: "coordinator" });
    expect((await coordinatorHome({ id: user.id, groupId: null }, null)).group).toBeNull();
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { registrations } from "~/db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import { berlinTime } from "~/utils/time";
import { cancelRegistration } from "./manage.server";
import { register } from "./register.server";
import { registerByOrganiser } from "./by-organiser.server";
import { registrationStatistics } from "./statistics.server";
import { input, makeConference, organiserInput, registrationOf } from "./testing";

describe("registration statistics (counts only)", () => {
  it("counts per Berlin day with the running total, by type, status and forum, exactly", async () => {
    const actor = await createUser({ email: "statistik@example.org", name: "Olga Organisation", role: "organiser" });
    const { conf, forums } = await makeConference({ capacity: 4, forums: [2, 5], startsInDays: 60 });
    const [a, b] = forums;
    const at = (day: number, hour: number, minute = 0) => berlinTime(2026, 1, day, hour, minute);
    // 12 January: two, the second at 23:45; 13 January: none; 14 January: three, the first at
    // 00:30 Berlin time, which is still the 13th in UTC (the day is the Berlin day).
    await register({
      conferenceId: conf.id,
      data: input("s1@example.org", {
        forumId: a!.id,
        organisationType: "administration",
        accessibility: ["sign_language"],
        dietaryNeeds: "Vegan",
        specialConsent: "on",
      }),
      locale: "de",
      now: at(12, 9),
    });
    await register({
      conferenceId: conf.id,
      data: input("s2@example.org", { forumId: a!.id, organisationType: "administration" }),
      locale: "de",
      now: at(12, 23, 45),
    });
    await register({
      conferenceId: conf.id,
      data: input("s3@example.org", {
        forumId: b!.id,
        organisationType: "school_daycare",
        dietaryNeeds: "vegan",
        specialConsent: "on",
      }),
      locale: "de",
      now: at(14, 0, 30),
    });
    await registerByOrganiser({
      conferenceId: conf.id,
      data: organiserInput("s4@example.org", { organisationType: "volunteer" }),
      actor,
      now: at(14, 10),
    });
    // Full now: the fifth waits for forum B; 16 January a sixth waits without a forum and then cancels.
    await register({
      conferenceId: conf.id,
      data: input("s5@example.org", { forumId: b!.id, organisationType: "school_daycare" }),
      locale: "de",
      now: at(14, 18),
    });
    await register({
      conferenceId: conf.id,
      data: input("s6@example.org", { organisationType: "other" }),
      locale: "de",
      now: at(16, 8),
    });
    await cancelRegistration((await registrationOf("s6@example.org", conf.id))!.id, at(16, 9));
    expect(
      (await db.select().from(registrations).where(eq(registrations.conferenceId, conf.id)))
        .map((r) => r.status)
        .sort(),
    ).toEqual(["cancelled", "confirmed", "held", "held", "held", "waitlisted"]);

    const stats = await registrationStatistics(conf);
    expect(stats.perDay).toEqual([
      { day: "2026-01-12", count: 2, total: 2 },
      { day: "2026-01-13", count: 0, total: 2 },
      { day: "2026-01-14", count: 3, total: 5 },
      { day: "2026-01-15", count: 0, total: 5 },
      { day: "2026-01-16", count: 1, total: 6 },
    ]);
    expect(stats.seats).toEqual({ capacity: 4, taken: 4, free: 0, waitlisted: 1 });
    expect(stats.byStatus).toEqual([
      { status: "held", count: 3 },
      { status: "confirmed", count: 1 },
      { status: "waitlisted", count: 1 },
      { status: "cancelled", count: 1 },
      { status: "expired", count: 0 },
    ]);
    // Live registrations only (the cancelled "other" is not counted); every type listed.
    expect(stats.byType).toEqual([
      { type: "administration", count: 2 },
      { type: "independent_provider", count: 0 },
      { type: "school_daycare", count: 2 },
      { type: "migrant_organisation", count: 0 },
      { type: "volunteer", count: 1 },
      { type: "politics", count: 0 },
      { type: "other", count: 0 },
    ]);
    expect(
      stats.byForum.map(({ title, capacity, taken, waitlisted }) => ({ title, capacity, taken, waitlisted })),
    ).toEqual([
      { title: "Forum 1", capacity: 2, taken: 2, waitlisted: 0 },
      { title: "Forum 2", capacity: 5, taken: 1, waitlisted: 1 },
    ]);
    expect(stats.withoutForum).toEqual({ taken: 1, waitlisted: 0 });
    // Catering and interpreting: the four with a seat; the waiting and the cancelled ones do not eat.
    expect(stats.empty).toBe(false);
    expect(stats.needs).toEqual({
      seats: 4,
      accessibility: { sign_language: 1, wheelchair: 0, induction_loop: 0 },
      accessibilityOther: 0,
      diets: [{ wish: "vegan", count: 2 }],
    });
    expect(JSON.stringify(stats)).not.toMatch(/example\.org|Aylin|Kaya/);
  });

  it("has empty figures for a conference without registrations", async () => {
    const { conf } = await makeConference({ capacity: 10, forums: [3] });
    const stats = await registrationStatistics(conf);
    expect(stats.empty).toBe(true);
    expect(stats.perDay).toEqual([]);
    expect(stats.seats).toEqual({ capacity: 10, taken: 0, free: 10, waitlisted: 0 });
    expect(stats.byForum.map((f) => [f.taken, f.waitlisted])).toEqual([[0, 0]]);
    expect(stats.byType.every((t) => t.count === 0)).toBe(true);
  });
});

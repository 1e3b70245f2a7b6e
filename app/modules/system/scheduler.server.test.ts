import { describe, expect, it } from "vitest";
import { claimRun, startScheduler } from "./scheduler.server";

describe("scheduler", () => {
  it("lets exactly one of several instances claim a run per interval", async () => {
    const job = { name: "test-job", everyMs: 60_000 };
    const t0 = new Date("2026-06-01T10:00:00Z");
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimRun(job, t0)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimRun(job, new Date(t0.getTime() + 30_000))).toBe(false);
    expect(await claimRun(job, new Date(t0.getTime() + 60_000))).toBe(true);
  });

  it("runs due jobs and keeps going when one fails", async () => {
    const ran: string[] = [];
    const scheduler = startScheduler({
      tickMs: 3_600_000,
      jobs: [
        { name: "fails", everyMs: 1000, run: async () => Promise.reject(new Error("boom")) },
        { name: "works", everyMs: 1000, run: async () => void ran.push("works") },
      ],
    });
    await scheduler.runDue(new Date("2026-06-02T10:00:00Z"));
    await scheduler.runDue(new Date("2026-06-02T10:00:00.500Z"));
    await scheduler.stop();
    expect(ran).toEqual(["works"]);
  });
});

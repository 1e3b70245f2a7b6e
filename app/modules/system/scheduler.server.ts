import { lt, lte } from "drizzle-orm";
import { db } from "~/db/client.server";
import { jobRuns, loginTokens } from "~/db/schema";
import { pruneAudit } from "~/modules/audit/audit.server";
import { applyRetention } from "~/modules/privacy/retention.server";
import { deleteStaleSessions } from "~/modules/auth/sessions.server";
import { pruneRateLimits } from "~/modules/security/rate-limit.server";
import { expireHolds, sendReminders } from "~/modules/registrations/jobs.server";
import { sendReportReminders } from "~/modules/groups/reports.server";
import { sweepUploadTemp } from "~/modules/uploads/temp.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { rollOverIntoNewestConference } from "~/modules/goals/goals.server";
import { publishDueDocumentations } from "~/modules/publishing/documentation.server";
import { refreshPublications } from "~/modules/publishing/publication.server";

export type Job = { name: string; everyMs: number; run(now: Date): Promise<unknown> };

/** Housekeeping every instance may run: each job is idempotent. Domain jobs add themselves here. */
export const jobs: Job[] = [
  { name: "sessions", everyMs: 10 * 60_000, run: (now) => deleteStaleSessions(now) },
  { name: "rate-limits", everyMs: 60 * 60_000, run: (now) => pruneRateLimits(now) },
  { name: "retention", everyMs: 60 * 60_000, run: (now) => applyRetention(now) },
  { name: "audit-retention", everyMs: 24 * 60 * 60_000, run: (now) => pruneAudit(env.AUDIT_RETENTION_DAYS, now) },
  {
    name: "login-tokens",
    everyMs: 60 * 60_000,
    run: (now) => db.delete(loginTokens).where(lt(loginTokens.expiresAt, now)),
  },
  { name: "registration-holds", everyMs: 60_000, run: (now) => expireHolds(now) },
  { name: "registration-reminders", everyMs: 15 * 60_000, run: (now) => sendReminders(now) },
  { name: "report-reminders", everyMs: 60 * 60_000, run: (now) => sendReportReminders({ now, appUrl: env.APP_URL }) },
  { name: "upload-temp", everyMs: 60 * 60_000, run: (now) => sweepUploadTemp(now) },
  {
    name: "goals-rollover",
    everyMs: 60 * 60_000,
    run: (now) => rollOverIntoNewestConference({ appUrl: env.APP_URL, now }),
  },
  { name: "documentation-news", everyMs: 60 * 60_000, run: (now) => publishDueDocumentations(now) },
  {
    name: "publication",
    everyMs: 5 * 60_000,
    run: (now) => (env.CONVERSIONS ? refreshPublications(now) : Promise.resolve(0)),
  },
];

/**
 * Claims this run of a job for this instance: one atomic upsert that only succeeds when the last
 * run (by any instance on the same database) is at least `everyMs` ago. Several app instances on
 * one PostgreSQL therefore run each job once per interval.
 */
export async function claimRun(job: Pick<Job, "name" | "everyMs">, now = new Date()): Promise<boolean> {
  const due = new Date(now.getTime() - job.everyMs + 1000);
  const rows = await db
    .insert(jobRuns)
    .values({ name: job.name, lastRunAt: now })
    .onConflictDoUpdate({ target: jobRuns.name, set: { lastRunAt: now }, where: lte(jobRuns.lastRunAt, due) })
    .returning({ name: jobRuns.name });
  return rows.length > 0;
}

export type Scheduler = { runDue(now?: Date): Promise<void>; stop(): Promise<void> };

export function startScheduler(opts: { tickMs?: number; jobs?: Job[] } = {}): Scheduler {
  const list = opts.jobs ?? jobs;
  const lastRun = new Map<string, number>();
  let running: Promise<void> | undefined;

  async function runDue(now = new Date()) {
    for (const job of list) {
      const last = lastRun.get(job.name) ?? 0;
      if (now.getTime() - last < job.everyMs) continue;
      lastRun.set(job.name, now.getTime());
      try {
        if (!(await claimRun(job, now))) continue;
        await job.run(now);
      } catch (error) {
        logger.error({ job: job.name, err: String(error) }, "scheduled job failed");
      }
    }
  }

  const timer = setInterval(() => {
    if (!running) running = runDue().finally(() => (running = undefined));
  }, opts.tickMs ?? 30_000);
  timer.unref();

  return {
    runDue,
    async stop() {
      clearInterval(timer);
      if (running) await running;
    },
  };
}

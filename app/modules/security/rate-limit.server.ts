import { eq, lt, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import { rateLimits } from "~/db/schema";
import { hashToken } from "~/modules/auth/tokens.server";

export type RateRule = { name: string; limit: number; windowMs: number };

/** Budgets: per account first (tight), per client IP generous enough for a venue behind one NAT. */
export const rules = {
  /** Failed password attempts per account. */
  loginPerAccount: { name: "login-account", limit: 5, windowMs: 15 * 60_000 },
  loginPerIp: { name: "login-ip", limit: 300, windowMs: 15 * 60_000 },
  linkPerAccount: { name: "link-account", limit: 3, windowMs: 60 * 60_000 },
  linkPerIp: { name: "link-ip", limit: 300, windowMs: 15 * 60_000 },
} satisfies Record<string, RateRule>;

export type RateResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one attempt against a fixed window and says whether it is within the budget. One SQL
 * statement, atomic on PGlite and PostgreSQL, shared by every app instance. Keys are hashed so the
 * table never holds an address.
 */
export async function hitRateLimit(rule: RateRule, subject: string, now = new Date()): Promise<RateResult> {
  const key = `${rule.name}:${hashToken(subject.toLowerCase())}`;
  const windowStartCutoff = new Date(now.getTime() - rule.windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowStartCutoff} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStartCutoff} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  const allowed = row!.count <= rule.limit;
  const retryAfterSeconds = allowed
    ? 0
    : Math.ceil((row!.windowStart.getTime() + rule.windowMs - now.getTime()) / 1000);
  return { allowed, retryAfterSeconds };
}

/** Whether the budget is used up, without counting an attempt (e.g. before checking a password). */
export async function isRateLimited(rule: RateRule, subject: string, now = new Date()): Promise<RateResult> {
  const key = `${rule.name}:${hashToken(subject.toLowerCase())}`;
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || row.windowStart.getTime() + rule.windowMs <= now.getTime() || row.count < rule.limit) {
    return { allowed: true, retryAfterSeconds: 0 };
  }
  return {
    allowed: false,
    retryAfterSeconds: Math.ceil((row.windowStart.getTime() + rule.windowMs - now.getTime()) / 1000),
  };
}

/** Checks several rules; all are counted, the first one exceeded decides. */
export async function hitAll(checks: [RateRule, string][], now = new Date()): Promise<RateResult> {
  let worst: RateResult = { allowed: true, retryAfterSeconds: 0 };
  for (const [rule, subject] of checks) {
    const result = await hitRateLimit(rule, subject, now);
    if (!result.allowed && result.retryAfterSeconds >= worst.retryAfterSeconds) worst = result;
  }
  return worst;
}

/** Drops windows older than a day (run by the scheduler). */
export async function pruneRateLimits(now = new Date()) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
}

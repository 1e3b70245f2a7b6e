import { and, eq, lt, or } from "drizzle-orm";
import { db } from "~/db/client.server";
import { sessions, users } from "~/db/schema";
import { env } from "~/utils/env.server";
import { generateToken, hashToken } from "./tokens.server";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: "organiser" | "coordinator";
  groupId: string | null;
};

export type ValidSession = { sessionId: string; expiresAt: Date; user: SessionUser };

const idleMs = () => env.SESSION_IDLE_MINUTES * 60_000;
// Writing lastSeenAt on every request would turn each page view into a write.
const TOUCH_AFTER_MS = 60_000;

/** Creates a session and returns the token for the cookie (only its hash is stored). */
export async function createSession(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + env.SESSION_ABSOLUTE_HOURS * 3_600_000);
  await db.insert(sessions).values({ id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, expiresAt };
}

/** The session for a cookie token, or null when unknown, idle too long, expired or the user is inactive. */
export async function validateSession(token: string, now = new Date()): Promise<ValidSession | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, groupId: users.groupId },
      active: users.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (!row.active || now >= row.expiresAt || idleFor > idleMs()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (idleFor > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { sessionId: id, expiresAt: row.expiresAt, user: row.user };
}

/** "Sitzung verlängern": a valid session counts as active now (the idle timeout starts again). */
export async function touchSession(token: string, now = new Date()): Promise<boolean> {
  if (!(await validateSession(token, now))) return false;
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(eq(sessions.id, hashToken(token)));
  return true;
}

export async function invalidateSession(token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function invalidateUserSessions(userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes expired and idle sessions (run by the scheduler). */
export async function deleteStaleSessions(now = new Date()): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs()))))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function sessionExists(token: string): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, hashToken(token))));
  return rows.length > 0;
}

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { loginTokens, outbox, sessions } from "~/db/schema";
import { consumeLoginToken, createUser, requestLoginLink, verifyCredentials } from "./accounts.server";
import {
  createSession,
  deleteStaleSessions,
  invalidateSession,
  touchSession,
  validateSession,
} from "./sessions.server";
import { hashToken } from "./tokens.server";

const APP = "http://ikon.test";

describe("password sign-in", () => {
  it("accepts the right password (argon2id) and refuses a wrong one or an unknown address", async () => {
    const user = await createUser({
      email: "Anna@Example.org",
      name: "Anna",
      role: "organiser",
      password: "lange-sichere-Phrase",
    });
    expect(await verifyCredentials("anna@example.org", "lange-sichere-Phrase")).toBe(user.id);
    expect(await verifyCredentials("ANNA@example.org ", "lange-sichere-Phrase")).toBe(user.id);
    expect(await verifyCredentials("anna@example.org", "falsch")).toBeNull();
    expect(await verifyCredentials("niemand@example.org", "lange-sichere-Phrase")).toBeNull();
  });
});

describe("sessions", () => {
  it("stores only a hash of the token and ends on sign-out", async () => {
    const user = await createUser({ email: "s1@example.org", name: "S", role: "organiser" });
    const { token } = await createSession(user.id);
    const stored = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(hashToken(token));
    expect(stored[0]!.id).not.toContain(token);
    expect((await validateSession(token))?.user.email).toBe("s1@example.org");
    await invalidateSession(token);
    expect(await validateSession(token)).toBeNull();
  });

  it("expires after the idle timeout (30 min) and the absolute timeout (12 h)", async () => {
    const user = await createUser({ email: "s2@example.org", name: "S", role: "coordinator" });
    const t0 = new Date("2026-03-01T08:00:00Z");
    const idle = await createSession(user.id, t0);
    expect(await validateSession(idle.token, new Date(t0.getTime() + 29 * 60_000))).not.toBeNull();
    expect(await validateSession(idle.token, new Date(t0.getTime() + 29 * 60_000 + 31 * 60_000))).toBeNull();

    const busy = await createSession(user.id, t0);
    // Active every 20 minutes: the idle timeout never strikes, the absolute one does.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await validateSession(busy.token, new Date(t0.getTime() + minutes * 60_000))).not.toBeNull();
    }
    expect(await validateSession(busy.token, new Date(t0.getTime() + 12 * 3_600_000 + 1))).toBeNull();
  });

  it("restarts the idle time when extended (Sitzung verlängern); a session not extended ends", async () => {
    const user = await createUser({ email: "s2b@example.org", name: "S", role: "organiser" });
    const t0 = new Date("2026-03-01T08:00:00Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const extended = await createSession(user.id, t0);
    const idle = await createSession(user.id, t0);
    expect(await touchSession(extended.token, at(28))).toBe(true);
    expect(await validateSession(idle.token, at(31))).toBeNull();
    expect(await validateSession(extended.token, at(31))).not.toBeNull();
    // An ended session cannot be extended.
    expect(await touchSession(idle.token, at(31))).toBe(false);
  });

  it("ends at once for a deactivated account", async () => {
    const user = await createUser({ email: "s3@example.org", name: "S", role: "organiser" });
    const { token } = await createSession(user.id);
    const { users } = await import("~/db/schema");
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await validateSession(token)).toBeNull();
  });

  it("cleans up stale sessions", async () => {
    const user = await createUser({ email: "s4@example.org", name: "S", role: "organiser" });
    await createSession(user.id, new Date("2020-01-01T00:00:00Z"));
    expect(await deleteStaleSessions()).toBeGreaterThanOrEqual(1);
  });
});

describe("magic links", () => {
  async function latestLink(email: string) {
    const [mail] = await db.select().from(outbox).where(eq(outbox.to, email)).orderBy(outbox.createdAt);
    const rows = await db.select().from(outbox).where(eq(outbox.to, email));
    const last = rows.at(-1) ?? mail;
    const token = /\/login\/link\/([a-z2-7]+)/.exec(last!.text)?.[1];
    return { mail: last!, token: token! };
  }

  it("queues a German mail with a link that works once and within 15 minutes only", async () => {
    await createUser({ email: "m1@example.org", name: "Mira", role: "coordinator" });
    const t0 = new Date();
    await requestLoginLink({ email: "m1@example.org", appUrl: APP, locale: "de", now: t0 });
    const { mail, token } = await latestLink("m1@example.org");
    expect(mail.subject).toBe("Ihr Anmelde-Link für die Integrationskonferenz");
    expect(mail.html).toContain(`${APP}/login/link/${token}`);
    expect(mail.text).toContain("Guten Tag Mira");
    expect(await consumeLoginToken(token, new Date(t0.getTime() + 14 * 60_000))).toMatchObject({ purpose: "login" });
    expect(await consumeLoginToken(token, new Date(t0.getTime() + 14 * 60_000))).toBeNull();
  });

  it("rejects an expired link and an older link after a new one was requested", async () => {
    await createUser({ email: "m2@example.org", name: "M", role: "organiser" });
    const t0 = new Date();
    await requestLoginLink({ email: "m2@example.org", appUrl: APP, locale: "de", now: t0 });
    const first = await latestLink("m2@example.org");
    expect(await consumeLoginToken(first.token, new Date(t0.getTime() + 16 * 60_000))).toBeNull();

    await requestLoginLink({ email: "m2@example.org", appUrl: APP, locale: "de", now: t0 });
    const older = first.token;
    await requestLoginLink({ email: "m2@example.org", appUrl: APP, locale: "de", now: t0 });
    const newest = await latestLink("m2@example.org");
    expect(newest.token).not.toBe(older);
    expect(await consumeLoginToken(older, t0)).toBeNull();
    expect(await consumeLoginToken(newest.token, t0)).not.toBeNull();
  });

  it("does nothing for an unknown address (the caller answers the same way)", async () => {
    const before = await db.select().from(outbox);
    await requestLoginLink({ email: "unbekannt@example.org", appUrl: APP, locale: "de" });
    expect(await db.select().from(outbox)).toHaveLength(before.length);
    expect(await db.select().from(loginTokens).where(eq(loginTokens.id, "x"))).toHaveLength(0);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { auditLog, groups, sessions, users } from "~/db/schema";
import { createUser } from "./accounts.server";
import { claimHolds, signInFromDirectory, type DirectoryPerson } from "./directory.server";
import { createSession, validateSession } from "./sessions.server";

const person = (over: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  subject: "sub-anna",
  email: "Anna.Amt@Stadt.example",
  emailVerified: true,
  name: "Anna Amt",
  isOrganiser: true,
  ...over,
});

async function account(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

describe("claims", () => {
  it("finds the organiser value in a list, a space-separated string or a nested path", () => {
    expect(claimHolds({ groups: ["a", "ikon-orga"] }, "groups", "ikon-orga")).toBe(true);
    expect(claimHolds({ groups: ["a"] }, "groups", "ikon-orga")).toBe(false);
    expect(claimHolds({ roles: "x ikon-orga" }, "roles", "ikon-orga")).toBe(true);
    expect(claimHolds({ realm_access: { roles: ["ikon-orga"] } }, "realm_access.roles", "ikon-orga")).toBe(true);
    expect(claimHolds({ realm_access: "ikon-orga" }, "realm_access.roles", "ikon-orga")).toBe(false);
    expect(claimHolds({}, "groups", "ikon-orga")).toBe(false);
  });
});

describe("sign-in through the city's directory", () => {
  it("creates an organiser account at the first sign-in and finds it again by its subject", async () => {
    const first = await signInFromDirectory(person());
    expect(first).toMatchObject({ ok: true, created: true });
    if (!first.ok) throw new Error("unreachable");
    expect(await account(first.userId)).toMatchObject({
      email: "anna.amt@stadt.example",
      role: "organiser",
      active: true,
      oidcSubject: "sub-anna",
      passwordHash: null,
    });
    // A new address in the directory: the same account, with the new address.
    const again = await signInFromDirectory(person({ email: "anna.neu@stadt.example", name: "Anna Neu" }));
    expect(again).toEqual({ ok: true, userId: first.userId, created: false });
    expect(await account(first.userId)).toMatchObject({ email: "anna.neu@stadt.example", name: "Anna Neu" });
  });

  it("links an existing account with the same verified address, never an unverified one", async () => {
    const existing = await createUser({
      email: "bernd@stadt.example",
      name: "Bernd",
      role: "organiser",
      password: "lange-sichere-Phrase",
    });
    expect(
      await signInFromDirectory(person({ subject: "sub-x", email: "bernd@stadt.example", emailVerified: false })),
    ).toEqual({ ok: false, reason: "no-email" });
    expect(await signInFromDirectory(person({ subject: "sub-bernd", email: "bernd@stadt.example" }))).toEqual({
      ok: true,
      userId: existing.id,
      created: false,
    });
    // Another directory identity with that address does not take the account over.
    expect(await signInFromDirectory(person({ subject: "sub-other", email: "bernd@stadt.example" }))).toEqual({
      ok: false,
      reason: "conflict",
    });
  });

  it("creates nothing for a person without the organiser group", async () => {
    expect(
      await signInFromDirectory(person({ subject: "sub-c", email: "carla@stadt.example", isOrganiser: false })),
    ).toEqual({ ok: false, reason: "not-authorised" });
    expect(await db.select().from(users).where(eq(users.email, "carla@stadt.example"))).toHaveLength(0);
  });

  it("removes the organiser role at the next sign-in after the group membership was removed, and ends the sessions", async () => {
    const first = await signInFromDirectory(person({ subject: "sub-d", email: "dora@stadt.example" }));
    if (!first.ok) throw new Error("unreachable");
    const { token } = await createSession(first.userId);
    expect(
      await signInFromDirectory(person({ subject: "sub-d", email: "dora@stadt.example", isOrganiser: false })),
    ).toEqual({ ok: false, reason: "not-authorised" });
    expect(await account(first.userId)).toMatchObject({ active: false });
    expect(await validateSession(token)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, first.userId))).toHaveLength(0);
    // Back in the group: the account is active again.
    expect(await signInFromDirectory(person({ subject: "sub-d", email: "dora@stadt.example" }))).toMatchObject({
      ok: true,
      userId: first.userId,
    });
    expect(await account(first.userId)).toMatchObject({ active: true, role: "organiser" });
    // The audit log records who the directory created, demoted and put back.
    const logged = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, first.userId))
      .orderBy(auditLog.at);
    expect(logged.map((r) => r.action)).toEqual([
      "user.directory.create",
      "user.directory.revoke",
      "user.directory.grant",
    ]);
  });

  it("keeps a coordinator of a working group a coordinator", async () => {
    const [group] = await db
      .insert(groups)
      .values({ name: "AK Sprache", slug: "ak-sprache-dir", kind: "working_group" })
      .returning({ id: groups.id });
    const coordinator = await createUser({
      email: "emil@stadt.example",
      name: "Emil",
      role: "coordinator",
      groupId: group!.id,
    });
    expect(
      await signInFromDirectory(person({ subject: "sub-e", email: "emil@stadt.example", isOrganiser: false })),
    ).toEqual({ ok: true, userId: coordinator.id, created: false });
    expect(await account(coordinator.id)).toMatchObject({ role: "coordinator", oidcSubject: "sub-e" });
    // Made an organiser in the directory, then removed again: back to coordinator, not locked out.
    await signInFromDirectory(person({ subject: "sub-e", email: "emil@stadt.example" }));
    expect(await account(coordinator.id)).toMatchObject({ role: "organiser" });
    expect(
      await signInFromDirectory(person({ subject: "sub-e", email: "emil@stadt.example", isOrganiser: false })),
    ).toMatchObject({ ok: true });
    expect(await account(coordinator.id)).toMatchObject({ role: "coordinator", active: true, groupId: group!.id });
  });
});

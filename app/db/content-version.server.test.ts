import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, db } from "./client.server";
import { isContentWrite } from "./content-version.server";
import { groups, rateLimits } from "./schema";

const version = () => database().contentVersion.current();

describe("content version", () => {
  it("recognises writes of content and ignores reads and unshown tables", () => {
    expect(isContentWrite('insert into "groups" ("id") values ($1)')).toBe(true);
    expect(isContentWrite('update "conferences" set "title" = $1')).toBe(true);
    expect(isContentWrite('delete from "registrations" where "id" = $1')).toBe(true);
    expect(isContentWrite({ text: 'update "forums" set "description" = $1' })).toBe(true);
    expect(isContentWrite("with x as (select 1) update groups set name = 'a'")).toBe(true);
    expect(isContentWrite('select * from "conferences" for update')).toBe(false);
    expect(isContentWrite("select nextval('content_version')")).toBe(false);
    expect(isContentWrite('insert into "rate_limits" ("key") values ($1)')).toBe(false);
    expect(isContentWrite('update "sessions" set "last_seen_at" = now()')).toBe(false);
    expect(isContentWrite('delete from "outbox" where "id" = $1')).toBe(false);
  });

  it("changes after a committed write, in a transaction or not, and not for reads, rollbacks or unshown tables", async () => {
    const v0 = await version();
    await db.select().from(groups);
    await db.insert(rateLimits).values({ key: "cv-test", windowStart: new Date(), count: 1 });
    expect(await version()).toBe(v0);

    await db.insert(groups).values({ slug: "cv-a", name: "A", kind: "working_group" });
    const v1 = await version();
    expect(v1).not.toBe(v0);

    let inside = -2;
    await db.transaction(async (tx) => {
      await tx.update(groups).set({ name: "B" }).where(eq(groups.slug, "cv-a"));
      inside = await version();
    });
    const v2 = await version();
    // The version read after the commit differs from every version before it: a page rendered
    // while the transaction ran is never taken for current.
    expect(v2).not.toBe(v1);
    expect(v2).not.toBe(inside);

    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version()).toBe(v2);
  });

  it("answers callers that ask at the same time with one current version", async () => {
    await db.insert(groups).values({ slug: "cv-b", name: "C", kind: "working_group" });
    const [a, b, c] = await Promise.all([version(), version(), version()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(database().contentVersion.bumps).toBeGreaterThan(0);
  });
});

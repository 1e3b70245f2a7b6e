import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, outbox, registrations } from "~/db/schema";
import { ANONYMISED_DOMAIN, applyRetention } from "./retention.server";

const DAY = 86_400_000;

async function conferenceEndedAt(endsAt: Date, year: number) {
  const [c] = await db
    .insert(conferences)
    .values({
      year,
      title: `K ${year}`,
      startsAt: new Date(endsAt.getTime() - 6 * 3_600_000),
      endsAt,
      venueName: "Saal",
      venueAddress: "Weg 1",
      capacity: 10,
      status: "held",
    })
    .returning({ id: conferences.id });
  return c!.id;
}

async function registration(conferenceId: string, fields: Partial<typeof registrations.$inferInsert> = {}) {
  const id = randomUUID();
  await db.insert(registrations).values({
    id,
    conferenceId,
    email: `${id}@example.org`,
    firstName: "Ayşe",
    lastName: "Yılmaz",
    organisation: "Jugendmigrationsdienst",
    organisationType: "independent_provider",
    status: "confirmed",
    confirmedAt: new Date(),
    accessibilityNeeds: ["wheelchair"],
    dietaryNeeds: "vegetarisch",
    specialConsentAt: new Date(),
    privacyVersion: "2026-1",
    privacyConsentAt: new Date(),
    manageTokenHash: `hash-${id}`,
    manageSalt: "salt",
    ...fields,
  });
  await db.insert(outbox).values({
    to: `${id}@example.org`,
    subject: "Bestätigung",
    html: "",
    text: "",
    topic: `registration:${id}`,
    status: "sent",
    sentAt: new Date(),
  });
  return id;
}

const get = async (id: string) => (await db.select().from(registrations).where(eq(registrations.id, id)))[0];

describe("retention (Löschkonzept)", () => {
  it("deletes special categories after 4 weeks, anonymises after 6 months, keeps the counts", async () => {
    const ended = new Date("2030-03-01T15:00:00Z");
    const conferenceId = await conferenceEndedAt(ended, 2030);
    const a = await registration(conferenceId);
    const b = await registration(conferenceId, { status: "cancelled" });

    await applyRetention(new Date(ended.getTime() + 27 * DAY));
    expect((await get(a))!.dietaryNeeds).toBe("vegetarisch");

    const after4Weeks = await applyRetention(new Date(ended.getTime() + 29 * DAY));
    expect(after4Weeks.specialCategories).toBe(2);
    expect(await get(a)).toMatchObject({ accessibilityNeeds: [], dietaryNeeds: "", firstName: "Ayşe" });

    await applyRetention(new Date(ended.getTime() + 182 * DAY));
    expect((await get(a))!.lastName).toBe("Yılmaz");

    const after6Months = await applyRetention(new Date(ended.getTime() + 184 * DAY));
    expect(after6Months.anonymised).toBe(2);
    const anon = (await get(a))!;
    expect(anon).toMatchObject({
      firstName: "",
      lastName: "",
      organisation: "",
      status: "confirmed",
      organisationType: "independent_provider",
    });
    expect(anon.email.endsWith(`@${ANONYMISED_DOMAIN}`)).toBe(true);
    expect(JSON.stringify(anon)).not.toMatch(/Ayşe|Yılmaz|Jugendmigrationsdienst|example\.org/);
    expect(
      await db
        .select()
        .from(outbox)
        .where(eq(outbox.topic, `registration:${a}`)),
    ).toHaveLength(0);
    // Statistics keep working: both rows still count.
    expect(await db.select().from(registrations).where(eq(registrations.conferenceId, conferenceId))).toHaveLength(2);
    expect((await get(b))!.status).toBe("cancelled");
    // Idempotent.
    expect((await applyRetention(new Date(ended.getTime() + 400 * DAY))).anonymised).toBe(0);
  });

  it("deletes registrations whose hold expired unconfirmed, with their mails", async () => {
    const conferenceId = await conferenceEndedAt(new Date("2031-06-01T15:00:00Z"), 2031);
    const expired = await registration(conferenceId, { status: "expired", confirmedAt: null });
    const kept = await registration(conferenceId, { status: "held", confirmedAt: null });
    const result = await applyRetention(new Date("2031-01-01T00:00:00Z"));
    expect(result.unconfirmedDeleted).toBe(1);
    expect(await get(expired)).toBeUndefined();
    expect(
      await db
        .select()
        .from(outbox)
        .where(eq(outbox.topic, `registration:${expired}`)),
    ).toHaveLength(0);
    expect(await get(kept)).toBeDefined();
  });

  it("deletes sent mails after 30 days", async () => {
    await db.delete(outbox);
    await db.insert(outbox).values([
      {
        to: "old@example.org",
        subject: "x",
        html: "",
        text: "",
        status: "sent",
        sentAt: new Date("2030-01-01T00:00:00Z"),
      },
      {
        to: "new@example.org",
        subject: "x",
        html: "",
        text: "",
        status: "sent",
        sentAt: new Date("2030-01-25T00:00:00Z"),
      },
      {
        to: "pending@example.org",
        subject: "x",
        html: "",
        text: "",
        status: "pending",
        createdAt: new Date("2029-01-01T00:00:00Z"),
      },
    ]);
    const result = await applyRetention(new Date("2030-02-05T00:00:00Z"));
    expect(result.mailsDeleted).toBe(1);
    expect((await db.select().from(outbox)).map((m) => m.to).sort()).toEqual([
      "new@example.org",
      "pending@example.org",
    ]);
  });
});

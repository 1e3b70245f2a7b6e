import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { auditLog, conferences, forums, outbox } from "~/db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import { registrationSchema } from "./registration.schema";
import {
  messageConfirmed,
  needsCounts,
  parseParticipantFilter,
  participantsCsv,
  participantsXlsx,
  listParticipants,
  PAGE_SIZE,
} from "./participants.server";
import { confirmRegistration, register } from "./register.server";
import { renderQueued } from "~/modules/mail/outbox.server";

async function setup(capacity: number) {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const [conf] = await db
    .insert(conferences)
    .values({
      year: 2400 + Math.floor(Math.random() * 500),
      title: "Liste",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 6 * 3_600_000),
      venueName: "Saal",
      venueAddress: "Straße 1",
      capacity,
      status: "registration_open",
    })
    .returning();
  const [forum] = await db
    .insert(forums)
    .values({ conferenceId: conf!.id, title: "Forum Sprache", capacity: 100 })
    .returning();
  return { conf: conf!, forum: forum! };
}

const person = (i: number, extra: Record<string, unknown> = {}) =>
  registrationSchema.parse({
    firstName: `Vorname${i}`,
    lastName: `Name${String(i).padStart(2, "0")}`,
    email: `liste${i}@example.org`,
    organisation: i % 2 ? "Schule am Park" : "Caritas",
    organisationType: i % 2 ? "school_daycare" : "independent_provider",
    photoConsent: "no",
    privacyConsent: "on",
    ...extra,
  });

describe("participant list for organisers", () => {
  it("searches, filters, sorts and pages", async () => {
    const { conf, forum } = await setup(20);
    for (let i = 1; i <= 30; i++)
      await register({ conferenceId: conf.id, data: person(i, i <= 3 ? { forumId: forum.id } : {}), locale: "de" });
    const all = await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams()));
    expect(all.total).toBe(30);
    expect(all.rows).toHaveLength(PAGE_SIZE);
    expect(all.pages).toBe(2);
    expect(all.rows[0]!.lastName).toBe("Name01");
    const page2 = await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams("page=2")));
    expect(page2.rows.map((r) => r.lastName)).toEqual(["Name26", "Name27", "Name28", "Name29", "Name30"]);
    const desc = await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams("sort=name&dir=desc")));
    expect(desc.rows[0]!.lastName).toBe("Name30");
    expect(
      (await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams("q=liste7@")))).rows.map(
        (r) => r.email,
      ),
    ).toEqual(["liste7@example.org"]);
    expect(
      (await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams("status=waitlisted")))).total,
    ).toBe(10);
    expect(
      (await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams(`forum=${forum.id}`)))).total,
    ).toBe(3);
    expect((await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams("forum=none")))).total).toBe(27);
    expect(
      (await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams("type=school_daycare")))).total,
    ).toBe(15);
    // Nonsense in the address bar falls back to defaults instead of failing.
    expect(
      (await listParticipants(conf.id, parseParticipantFilter(new URLSearchParams("sort=x&page=-3&status=foo")))).total,
    ).toBe(30);
  });

  it("exports CSV and XLSX with formula injection neutralised; each export is in the audit log", async () => {
    const { conf } = await setup(5);
    const by = {
      actor: await createUser({ email: `export-${conf.year}@example.org`, name: "Erika Export", role: "organiser" }),
      year: conf.year,
    };
    await register({
      conferenceId: conf.id,
      data: person(1, { organisation: '=HYPERLINK("http://evil.example","klick")', lastName: "+Plus" }),
      locale: "de",
    });
    await register({ conferenceId: conf.id, data: person(2), locale: "de" });
    const csv = await participantsCsv(conf.id, parseParticipantFilter(new URLSearchParams()), by);
    const rows: string[][] = parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";" });
    expect(rows[0]).toContain("Nachname");
    const evil = rows.find((r) => r[2] === "liste1@example.org")!;
    expect(evil[0]).toBe("'+Plus");
    expect(evil[3]).toBe(`'=HYPERLINK("http://evil.example","klick")`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await participantsXlsx(conf.id, parseParticipantFilter(new URLSearchParams()), by)) as never);
    const sheet = book.getWorksheet("Teilnehmende")!;
    expect(sheet.rowCount).toBe(3);
    const cells = [2, 3].map((n) => sheet.getRow(n).getCell(4).value);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","klick")`);
    for (let r = 1; r <= sheet.rowCount; r++) sheet.getRow(r).eachCell((c) => expect(c.formula).toBeUndefined());
    const logged = await db.select().from(auditLog).where(eq(auditLog.actorId, by.actor.id));
    expect(logged.map((e) => [e.action, e.actorName, e.subjectId, e.summary]).sort()).toEqual([
      ["registration.export", "Erika Export", String(conf.year), "CSV: 2 Anmeldungen"],
      ["registration.export", "Erika Export", String(conf.year), "Excel: 2 Anmeldungen"],
    ]);
  });

  it("counts catering and accessibility needs of seat holders without names", async () => {
    const { conf } = await setup(3);
    await register({
      conferenceId: conf.id,
      data: person(1, { accessibility: ["wheelchair"], dietaryNeeds: "Vegan", specialConsent: "on" }),
      locale: "de",
    });
    await register({
      conferenceId: conf.id,
      data: person(2, { accessibility: ["wheelchair", "sign_language"], dietaryNeeds: "vegan ", specialConsent: "on" }),
      locale: "de",
    });
    await register({
      conferenceId: conf.id,
      data: person(3, { dietaryNeeds: "halal", specialConsent: "on" }),
      locale: "de",
    });
    await register({
      conferenceId: conf.id,
      data: person(4, { dietaryNeeds: "koscher", specialConsent: "on" }),
      locale: "de",
    }); // waitlisted: no seat
    const counts = await needsCounts(conf.id);
    expect(counts).toEqual({
      seats: 3,
      accessibility: { sign_language: 1, wheelchair: 2, induction_loop: 0 },
      accessibilityOther: 0,
      diets: [
        { wish: "vegan", count: 2 },
        { wish: "halal", count: 1 },
      ],
    });
    expect(JSON.stringify(counts)).not.toMatch(/Vorname|Name0|example\.org/);
  });

  it("queues a message to every confirmed participant (and nobody else) through the outbox", async () => {
    const { conf } = await setup(5);
    for (const i of [91, 92, 93]) await register({ conferenceId: conf.id, data: person(i), locale: "de" });
    for (const i of [91, 92]) {
      const [mail] = await db
        .select()
        .from(outbox)
        .where(eq(outbox.to, `liste${i}@example.org`));
      await confirmRegistration(/\/anmeldung-bestaetigen\/([a-z2-7]+)/.exec((await renderQueued(mail!)).text)![1]!);
    }
    expect(
      await messageConfirmed(conf.id, { subject: "Raumänderung", body: "Wir tagen im großen Saal.\n\nBis bald!" }),
    ).toBe(2);
    const sent = await db.select().from(outbox).where(eq(outbox.subject, "Raumänderung"));
    expect(sent.map((m) => m.to).sort()).toEqual(["liste91@example.org", "liste92@example.org"]);
    expect(sent[0]!.text).toContain("Wir tagen im großen Saal.");
    expect(sent[0]!.text).toMatch(/\/meine-anmeldung\/[a-z2-7]+/);
  });
});

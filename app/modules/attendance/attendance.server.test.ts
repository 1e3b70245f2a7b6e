import { randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { extractText } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { eq } from "drizzle-orm";
import { conferences, registrations } from "~/db/schema";
import { listAudit } from "~/modules/audit/audit.server";
import { createUser } from "~/modules/auth/accounts.server";
import {
  attendanceCounts,
  checkIn,
  isCheckinDay,
  checkinCode,
  searchAttendees,
  undoCheckIn,
  verifyCheckinCode,
} from "./checkin.server";
import reshaper from "arabic-persian-reshaper";
import fontkit from "@pdf-lib/fontkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { attendeesForCertificates, badgesPdf, certificatePdf, durationText, safeFileName } from "./documents.server";
import { clampText, fitText } from "./pdf-text.server";

let actor: { id: string; name: string };
beforeAll(async () => {
  actor = await createUser({ email: "einlass@example.org", name: "Olga Organisation", role: "organiser" });
});

async function conference(year: number) {
  const [c] = await db
    .insert(conferences)
    .values({
      year,
      title: `Integrationskonferenz ${year}`,
      startsAt: new Date(`${year}-11-12T08:30:00Z`),
      endsAt: new Date(`${year}-11-12T15:00:00Z`),
      venueName: "Kulturzentrum",
      venueAddress: "Blumenstraße 12, 46236 Bottrop",
      capacity: 50,
      status: "registration_closed",
    })
    .returning();
  return c!;
}

async function person(
  conferenceId: string,
  firstName: string,
  lastName: string,
  status: "confirmed" | "waitlisted" | "held" | "cancelled" = "confirmed",
  latinName = "",
) {
  const id = randomUUID();
  await db.insert(registrations).values({
    id,
    conferenceId,
    email: `${id}@example.org`,
    firstName,
    lastName,
    latinName,
    organisation: "Stadtteilzentrum Ebel 27",
    organisationType: "independent_provider",
    status,
    privacyVersion: "v1",
    privacyConsentAt: new Date(),
    manageTokenHash: `h-${id}`,
    manageSalt: "s",
  });
  return id;
}

describe("check-in", () => {
  it("accepts only its own QR codes", () => {
    const id = randomUUID();
    const code = checkinCode(id);
    expect(verifyCheckinCode(code)).toBe(id);
    expect(verifyCheckinCode(`${randomUUID()}.${code.split(".")[1]}`)).toBeNull();
    expect(verifyCheckinCode(`${id}.AAAAAAAAAAAAAAAA`)).toBeNull();
    expect(verifyCheckinCode("nonsense")).toBeNull();
  });

  it("finds people by name, checks confirmed ones in once, counts live and records it", async () => {
    const c = await conference(2040);
    const ayse = await person(c.id, "Ayşe", "Yılmaz");
    const waiting = await person(c.id, "Wanda", "Warteliste", "waitlisted");
    expect((await searchAttendees(c.id, "yıl")).map((p) => p.id)).toEqual([ayse]);
    // Not confirmed: found with their state (the desk tells them why), and not checked in.
    expect((await searchAttendees(c.id, "Warteliste")).map((p) => [p.id, p.status])).toEqual([[waiting, "waitlisted"]]);
    expect((await searchAttendees(c.id, "")).map((p) => p.id)).toEqual([ayse]);
    // The conference day (12 November, Berlin) and the day before are check-in days.
    const onTheDay = new Date("2040-11-12T07:00:00Z");
    expect(await checkIn({ conferenceId: c.id, registrationId: ayse, actor, now: onTheDay })).toBe("checkedIn");
    expect(await checkIn({ conferenceId: c.id, registrationId: ayse, actor, now: onTheDay })).toBe("already");
    expect(await checkIn({ conferenceId: c.id, registrationId: waiting, actor, now: onTheDay })).toBe("notConfirmed");
    expect(await checkIn({ conferenceId: randomUUID(), registrationId: ayse, actor })).toBe("unknown");
    expect(await attendanceCounts(c.id)).toEqual({ present: 1, expected: 1 });
    expect((await listAudit()).some((e) => e.action === "registration.checkin" && e.subjectId === ayse)).toBe(true);
    expect(await undoCheckIn({ conferenceId: c.id, registrationId: ayse, actor })).toBe(true);
    expect(await attendanceCounts(c.id)).toEqual({ present: 0, expected: 1 });
  });

  it("ignores case, diacritics and script on both sides", async () => {
    const c = await conference(2043);
    const ayse = await person(c.id, "Ayşe", "Yılmaz");
    const muejde = await person(c.id, "Müjde", "Aydın", "held");
    const schaefer = await person(c.id, "Jörg", "Schäfer");
    const schaefer2 = await person(c.id, "Jens", "Schaefer", "cancelled");
    const grosser = await person(c.id, "Anna", "Großer");
    const arabic = await person(c.id, "محمد", "العلي", "confirmed", "Mohammed Al-Ali");
    const ids = async (q: string) => (await searchAttendees(c.id, q)).map((p) => p.id).sort();
    for (const q of ["yilmaz", "YILMAZ", "Yılmaz", "ayse yilmaz", "AYŞE"]) expect(await ids(q), q).toEqual([ayse]);
    for (const q of ["mujde", "muejde", "MÜJDE", "aydin"]) expect(await ids(q), q).toEqual([muejde]);
    for (const q of ["schafer", "Schafer", "schaefer", "Schäfer", "SCHAEFER"])
      expect(await ids(q), q).toEqual([schaefer, schaefer2].sort());
    for (const q of ["grosser", "Großer", "gross"]) expect(await ids(q), q).toEqual([grosser]);
    for (const q of ["mohammed", "al-ali", "Al Ali", "محمد"]) expect(await ids(q), q).toEqual([arabic]);
    expect(await ids("niemand")).toEqual([]);
    // The state comes along; confirmed people are listed first.
    expect((await searchAttendees(c.id, "schaefer")).map((p) => p.status)).toEqual(["confirmed", "cancelled"]);
  });
});

describe("certificates and badges", () => {
  it("prints a certificate with the name as written (Turkish letters included)", async () => {
    const c = await conference(2041);
    const pdf = await certificatePdf(c, {
      firstName: "Ayşe",
      lastName: "Yılmaz-Öztürk",
      organisation: "Jugendmigrationsdienst",
    });
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Teilnahmebescheinigung");
    expect(text).toContain("Ayşe Yılmaz-Öztürk");
    expect(text).toContain("Integrationskonferenz 2041");
  });

  it("says when, how long, when issued and by whom (name and function from the settings)", async () => {
    const c = await conference(2044);
    const pdf = await certificatePdf(
      c,
      { firstName: "Ayşe", lastName: "Yılmaz", organisation: "" },
      {
        issuer: { name: "Dr. Erika Muster", function: "Leiterin des Kommunalen Integrationszentrums" },
        issuedAt: new Date("2044-11-20T10:00:00Z"),
      },
    );
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Samstag, 12. November 2044, 09:30–16:00 Uhr (Dauer: 6,5 Stunden)");
    expect(flat).toContain("Bottrop, 20. November 2044");
    expect(flat).toContain("Dr. Erika Muster");
    expect(flat).toContain("Leiterin des Kommunalen Integrationszentrums");
    expect(durationText(new Date("2044-01-01T09:00:00Z"), new Date("2044-01-01T09:45:00Z"))).toBe("45 Minuten");
  });

  it("names files with transliterated letters (a library, not a hand-made table)", () => {
    expect(safeFileName("Yılmaz-Großer")).toBe("Yilmaz-Grosser");
    expect(safeFileName("Müjde Çelik")).toBe("Mujde-Celik");
    expect(safeFileName("محمد")).toMatch(/^[a-z]+$/i);
    expect(safeFileName("")).toBe("teilnahme");
  });

  it("prints a 70-character name whole on the badge, cuts organisations with an ellipsis and carries the day code", async () => {
    const c = await conference(2045);
    await db.update(conferences).set({ dayCode: "IK2045" }).where(eq(conferences.id, c.id));
    const longName = ["Maria-Magdalena Alexandra", "von Hohenzollern-Sigmaringen-Württemberg"] as const;
    expect(`${longName[0]} ${longName[1]}`.length).toBeGreaterThanOrEqual(66);
    const id = await person(c.id, longName[0], `${longName[1]}-Ost`);
    await db
      .update(registrations)
      .set({
        organisation:
          "Arbeitsgemeinschaft der Wohlfahrtsverbände und Migrantenselbstorganisationen im Stadtteil Batenbrock-Süd e. V.",
      })
      .where(eq(registrations.id, id));
    const { text } = await extractText(await badgesPdf({ ...c, dayCode: "IK2045" }), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    for (const word of `${longName[0]} ${longName[1]}-Ost`.split(" ")) expect(flat).toContain(word);
    expect(flat).toContain("…");
    expect(flat).toContain("Tagescode: IK2045");
  });

  it("fits any name into the box: shrinks first, then two lines, never cut; Arabic shaped, in visual order, aligned right", async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    const bold = await doc.embedFont(readFileSync(path.join(dir, "DejaVuSans-Bold.ttf")), { subset: true });
    const box = { width: 263, max: 20, min: 13, floor: 7, maxLines: 2 };
    const short = fitText("Aylin Kaya", bold, box);
    expect(short).toMatchObject({ lines: ["Aylin Kaya"], size: 20, rtl: false });
    const seventy = "Maria-Magdalena Alexandra Theodora von Hohenzollern-Sigmaringen-Ostwal";
    expect(seventy.length).toBe(70);
    const fitted = fitText(seventy, bold, box);
    expect(fitted.lines.length).toBe(2);
    expect(fitted.lines.join(" ")).toBe(seventy);
    for (const line of fitted.lines) expect(bold.widthOfTextAtSize(line, fitted.size)).toBeLessThanOrEqual(box.width);
    const endless = fitText("X".repeat(300), bold, box);
    expect(endless.lines.join("")).toBe("X".repeat(300));
    const cut = clampText("Ein sehr langer Vereinsname ".repeat(10), bold, { width: 150, size: 10, maxLines: 2 });
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]!.endsWith("…")).toBe(true);
    const arabic = fitText("محمد العلي", bold, box);
    expect(arabic.rtl).toBe(true);
    // Drawn left to right, the glyphs are the shaped letters in reverse order.
    expect(reshaper.ArabicShaper.convertArabicBack([...arabic.lines[0]!].reverse().join(""))).toBe("محمد العلي");
    expect(arabic.lines[0]).not.toMatch(/[\u0621-\u064A]/);
  });

  it("lists only checked-in people for certificates and puts 8 badges on a page", async () => {
    const c = await conference(2042);
    const ids = [];
    for (let i = 0; i < 9; i++) ids.push(await person(c.id, `Person${i}`, `Nachname${i}`));
    await checkIn({ conferenceId: c.id, registrationId: ids[0]!, actor, confirmOutsideDay: true });
    expect((await attendeesForCertificates(c.id)).map((p) => p.id)).toEqual([ids[0]]);
    const badges = await PDFDocument.load(await badgesPdf(c));
    expect(badges.getPageCount()).toBe(2);
  });
});

describe("check-in outside the conference day (guard rail)", () => {
  it("is refused without confirmation a month before, allowed the day before, and recorded when confirmed", async () => {
    const c = await conference(2046);
    const anna = await person(c.id, "Anna", "Früh");
    // 12 November 2046, 08:30–15:00 UTC; Berlin days: the 11th (set-up) and the 12th are check-in days.
    expect(isCheckinDay(c, new Date("2046-10-12T10:00:00Z"))).toBe(false);
    expect(isCheckinDay(c, new Date("2046-11-10T22:59:00Z"))).toBe(false); // 10 Nov, 23:59 Berlin
    expect(isCheckinDay(c, new Date("2046-11-10T23:00:00Z"))).toBe(true); // 11 Nov, 00:00 Berlin
    expect(isCheckinDay(c, new Date("2046-11-12T22:59:00Z"))).toBe(true);
    expect(isCheckinDay(c, new Date("2046-11-12T23:00:00Z"))).toBe(false);

    const monthBefore = new Date("2046-10-12T10:00:00Z");
    expect(await checkIn({ conferenceId: c.id, registrationId: anna, actor, now: monthBefore })).toBe("outsideDay");
    expect(await attendanceCounts(c.id)).toEqual({ present: 0, expected: 1 });
    expect(
      await checkIn({ conferenceId: c.id, registrationId: anna, actor, now: monthBefore, confirmOutsideDay: true }),
    ).toBe("checkedIn");
    expect(await attendanceCounts(c.id)).toEqual({ present: 1, expected: 1 });
    const entry = (await listAudit()).find((e) => e.action === "registration.checkin" && e.subjectId === anna);
    expect(entry?.summary).toBe("außerhalb des Konferenztags, bestätigt");
  });
});

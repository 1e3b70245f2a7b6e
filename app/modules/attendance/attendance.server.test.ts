import { randomUUID } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { extractText } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, registrations } from "~/db/schema";
import { listAudit } from "~/modules/audit/audit.server";
import { createUser } from "~/modules/auth/accounts.server";
import { attendanceCounts, checkIn, checkinCode, searchAttendees, undoCheckIn, verifyCheckinCode } from "./checkin.server";
import { attendeesForCertificates, badgesPdf, certificatePdf } from "./documents.server";

let actor: { id: string; name: string };
beforeAll(async () => {
  actor = await createUser({ email: "einlass@example.org", name: "Olga Organisation", role: "organiser" });
});

async function conference(year: number) {
  const [c] = await db
    .insert(conferences)
    .values({ year, title: `Integrationskonferenz ${year}`, startsAt: new Date(`${year}-11-12T08:30:00Z`), endsAt: new Date(`${year}-11-12T15:00:00Z`), venueName: "Kulturzentrum", venueAddress: "Blumenstraße 12, 46236 Bottrop", capacity: 50, status: "registration_closed" })
    .returning();
  return c!;
}

async function person(conferenceId: string, firstName: string, lastName: string, status: "confirmed" | "waitlisted" | "held" | "cancelled" = "confirmed", latinName = "") {
  const id = randomUUID();
  await db.insert(registrations).values({
    id, conferenceId, email: `${id}@example.org`, firstName, lastName, latinName, organisation: "Stadtteilzentrum Ebel 27", organisationType: "independent_provider",
    status, privacyVersion: "v1", privacyConsentAt: new Date(), manageTokenHash: `h-${id}`, manageSalt: "s",
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
    expect(await checkIn({ conferenceId: c.id, registrationId: ayse, actor })).toBe("checkedIn");
    expect(await checkIn({ conferenceId: c.id, registrationId: ayse, actor })).toBe("already");
    expect(await checkIn({ conferenceId: c.id, registrationId: waiting, actor })).toBe("notConfirmed");
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
    for (const q of ["schafer", "Schafer", "schaefer", "Schäfer", "SCHAEFER"]) expect(await ids(q), q).toEqual([schaefer, schaefer2].sort());
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
    const pdf = await certificatePdf(c, { firstName: "Ayşe", lastName: "Yılmaz-Öztürk", organisation: "Jugendmigrationsdienst" });
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Teilnahmebescheinigung");
    expect(text).toContain("Ayşe Yılmaz-Öztürk");
    expect(text).toContain("Integrationskonferenz 2041");
  });

  it("lists only checked-in people for certificates and puts 8 badges on a page", async () => {
    const c = await conference(2042);
    const ids = [];
    for (let i = 0; i < 9; i++) ids.push(await person(c.id, `Person${i}`, `Nachname${i}`));
    await checkIn({ conferenceId: c.id, registrationId: ids[0]!, actor });
    expect((await attendeesForCertificates(c.id)).map((p) => p.id)).toEqual([ids[0]]);
    const badges = await PDFDocument.load(await badgesPdf(c));
    expect(badges.getPageCount()).toBe(2);
  });
});

import { randomUUID } from "node:crypto";
import { db } from "~/db/client.server";
import { conferences, goalYears, groups, registrations, users } from "~/db/schema";
import { importCatalogueCsv, listFields } from "~/modules/goals/catalogue.server";
import { agreeGoal } from "~/modules/goals/goals.server";
import { saveIndicator, writeValues } from "~/modules/monitoring/indicators.server";

/**
 * Goals meet data, as a unit-test fixture: four Handlungsfelder, two conference years, three goals
 * (one changes its status, one is new in the second year), two indicators with values and a few
 * registrations with organisation types.
 */
const CSV = `code;handlungsfeld;titel;text
ABE-1;Ausbildung und Beschäftigung;Abschlüsse anerkennen;
BIL-1;Bildung;Eltern gewinnen;
GES-1;Gesundheit;Lotsen;
KUL-1;Kultur;Vielfalt im Programm;
`;

const day = (y: number, m: number, d: number, h = 12) => new Date(Date.UTC(y, m - 1, d, h));

async function conference(year: number) {
  const [row] = await db
    .insert(conferences)
    .values({
      year,
      title: `Konferenz ${year}`,
      startsAt: day(year, 11, 12, 9),
      endsAt: day(year, 11, 12, 15),
      venueName: "Saal",
      venueAddress: "Straße 1",
      capacity: 100,
      status: "published",
    })
    .returning({ id: conferences.id });
  return row!.id;
}

export async function seedGoalData() {
  const imported = await importCatalogueCsv({ csv: CSV });
  if (!imported.ok) throw new Error("catalogue");
  const fields = await listFields();
  const field = (code: string) => fields.find((f) => f.code === code)!.id;
  const [c2024, c2025] = [await conference(2024), await conference(2025)];
  const [group] = await db
    .insert(groups)
    .values({
      slug: "ak-daten",
      name: "AK Daten",
      kind: "working_group",
      contactName: "Frau D",
      contactEmail: "ak-daten@example.org",
    })
    .returning({ id: groups.id });
  const [organiser] = await db
    .insert(users)
    .values({ email: "orga-daten@example.org", name: "Olga Daten", role: "organiser" })
    .returning({ id: users.id });

  const work = await agreeGoal({
    conferenceId: c2024,
    title: "Mehr Ausbildungsplätze für Geflüchtete",
    fieldId: field("ABE"),
    ownerGroupId: group!.id,
    targetYear: 2026,
    now: day(2024, 11, 12),
  });
  const school = await agreeGoal({
    conferenceId: c2024,
    title: "Elterncafés an Grundschulen",
    fieldId: field("BIL"),
    ownerGroupId: group!.id,
    targetYear: 2025,
    now: day(2024, 11, 12),
  });
  const health = await agreeGoal({
    conferenceId: c2025,
    title: "Gesundheitslotsen in jedem Stadtteil",
    fieldId: field("GES"),
    ownerGroupId: group!.id,
    targetYear: 2026,
    now: day(2025, 11, 12),
  });
  // 2025: work goes on (unchanged "neu" → "in_umsetzung"), school is achieved.
  await db.insert(goalYears).values([
    { goalId: work, conferenceId: c2025, status: "in_umsetzung", sachstand: "läuft", publishedAt: day(2025, 11, 12) },
    { goalId: school, conferenceId: c2025, status: "erreicht", sachstand: "erreicht", publishedAt: day(2025, 11, 12) },
  ]);

  const jobless = await saveIndicator({
    input: {
      name: "Arbeitslosenquote",
      area: "beschaeftigung",
      definition: "Arbeitslose in Prozent",
      unit: "%",
      decimals: 1,
      source: "Agentur für Arbeit",
      comparison: "nationality",
      fieldIds: [field("ABE")],
      published: true,
    },
    actor: null,
    example: true,
  });
  const vaccination = await saveIndicator({
    input: {
      name: "Impfschutz bei der Einschulung",
      area: "gesundheit",
      definition: "Kinder mit vollständigem Impfschutz",
      unit: "%",
      decimals: 1,
      source: "Gesundheitsamt",
      comparison: "none",
      fieldIds: [field("KUL")],
      published: false,
    },
    actor: null,
  });
  const clubs = await saveIndicator({
    input: {
      name: "Kulturvereine",
      area: "demografie",
      definition: "Eingetragene Kulturvereine",
      unit: "Vereine",
      decimals: 0,
      source: "Vereinsregister",
      comparison: "none",
      fieldIds: [field("KUL")],
      published: true,
    },
    actor: null,
  });
  if (!jobless.ok || !vaccination.ok || !clubs.ok) throw new Error("indicator");
  await db.transaction(async (tx) => {
    await writeValues(tx, jobless.id, [
      { year: 2019, group: "german", value: 6 },
      { year: 2019, group: "foreign", value: 19 },
      { year: 2023, group: "german", value: 6 },
      { year: 2023, group: "foreign", value: 17 },
      { year: 2025, group: "german", value: 6 },
      { year: 2025, group: "foreign", value: 16 },
    ]);
    await writeValues(tx, vaccination.id, [
      { year: 2024, group: "total", value: 90 },
      { year: 2025, group: "total", value: 92 },
    ]);
  });

  const registration = (type: (typeof registrations.$inferInsert)["organisationType"], checkedIn: boolean) => ({
    conferenceId: c2025,
    email: `${randomUUID()}@example.org`,
    firstName: "Vorname",
    lastName: "Nachname",
    organisation: "Geheime Organisation",
    organisationType: type,
    status: "confirmed" as const,
    privacyVersion: "1",
    privacyConsentAt: day(2025, 10, 1),
    manageTokenHash: randomUUID(),
    manageSalt: randomUUID(),
    checkedInAt: checkedIn ? day(2025, 11, 12, 9) : null,
  });
  await db
    .insert(registrations)
    .values([
      registration("administration", true),
      registration("administration", true),
      registration("administration", false),
      registration("migrant_organisation", true),
      { ...registration("volunteer", false), status: "cancelled" as const },
    ]);
  return {
    fields: { abe: field("ABE"), bil: field("BIL"), ges: field("GES"), kul: field("KUL") },
    goals: { work, school, health },
    indicators: { jobless: jobless.id, vaccination: vaccination.id, clubs: clubs.id },
    organiser: { id: organiser!.id },
  };
}

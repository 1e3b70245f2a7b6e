import { and, eq, isNull } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, groups } from "~/db/schema";
import { importCatalogueCsv, listFields, findRecommendationsByCodes } from "./catalogue.server";
import { agreeGoal, rollOverGoals, updateGoalStatus } from "./goals.server";
import { createProposal, mergeProposals } from "./proposals.server";
import { castBallot, saveVotingRound, voterKey } from "./voting.server";

/** Demo recommendations: written for the demo, in the style of the concept, not quoted from it. */
export const DEMO_CATALOGUE_CSV = `code;handlungsfeld;titel;text
BIL-1;Bildung;Eltern als Bildungspartner gewinnen;Schulen und Kitas laden Eltern mit Einwanderungsgeschichte früh und in ihrer Sprache ein und beteiligen sie an Entscheidungen.
BIL-2;Bildung;Mehrsprachigkeit als Stärke nutzen;Herkunftssprachen werden in Kita und Schule wertgeschätzt und, wo möglich, unterrichtet.
BIL-3;Bildung;Bildungsberatung bündeln;Es gibt eine feste Anlaufstelle, die Familien zu allen Bildungswegen berät.
ABE-1;Ausbildung und Beschäftigung;Abschlüsse schneller anerkennen;Zugewanderte bekommen Hilfe, damit ihre Berufsabschlüsse schnell geprüft und anerkannt werden.
ABE-2;Ausbildung und Beschäftigung;Betriebe für vielfältige Teams gewinnen;Kleine und mittlere Betriebe werden beraten, wie sie Menschen mit Einwanderungsgeschichte einstellen und halten.
ABE-3;Ausbildung und Beschäftigung;Sprachkurse mit Arbeit verbinden;Berufsbezogene Sprachkurse finden auch abends und im Betrieb statt.
JFS-1;Jugend, Freizeit und Sport;Sportvereine öffnen;Vereine bekommen Unterstützung, um Kinder und Jugendliche aus zugewanderten Familien aufzunehmen.
JFS-2;Jugend, Freizeit und Sport;Jugendzentren als Lernorte;Offene Jugendarbeit bietet Hausaufgabenhilfe und Projekte zu Vielfalt an.
JFS-3;Jugend, Freizeit und Sport;Ferienangebote für alle;Ferienfreizeiten sind bezahlbar und werden mehrsprachig beworben.
WZS-1;Wohnen, Zusammenleben im Stadtteil;Nachbarschaft stärken;Stadtteilzentren bieten Treffpunkte, an denen sich alte und neue Nachbarn kennenlernen.
WZS-2;Wohnen, Zusammenleben im Stadtteil;Fairer Zugang zu Wohnungen;Wohnungsgesellschaften und Stadt wirken Benachteiligung bei der Vergabe von Wohnungen entgegen.
WZS-3;Wohnen, Zusammenleben im Stadtteil;Konflikte früh klären;In jedem Stadtteil gibt es Ansprechpersonen, die bei Streit unter Nachbarn vermitteln.
FLB-1;Flüchtlinge, Beratung;Beratung aus einer Hand;Geflüchtete finden Beratung zu Aufenthalt, Wohnen, Arbeit und Gesundheit an einem Ort.
FLB-2;Flüchtlinge, Beratung;Ehrenamt begleiten;Ehrenamtliche Patinnen und Paten werden geschult und fachlich begleitet.
FLB-3;Flüchtlinge, Beratung;Dolmetschen sichern;Für Beratungsgespräche stehen geschulte Sprachmittlerinnen und Sprachmittler bereit.
IOV-1;Interkulturelle Öffnung der Verwaltung;Vielfalt im Personal;Die Stadtverwaltung spricht bei Ausbildung und Einstellung gezielt Menschen mit Einwanderungsgeschichte an.
IOV-2;Interkulturelle Öffnung der Verwaltung;Verständliche Formulare;Bescheide und Formulare sind in einfacher Sprache und in den wichtigsten Sprachen verfügbar.
IOV-3;Interkulturelle Öffnung der Verwaltung;Fortbildung zur interkulturellen Kompetenz;Beschäftigte mit Publikumsverkehr nehmen regelmäßig an Fortbildungen teil.
SPR-1;Ganzheitliches Sprachförderkonzept;Durchgängige Sprachbildung;Sprachförderung ist von der Kita bis zum Beruf aufeinander abgestimmt.
SPR-2;Ganzheitliches Sprachförderkonzept;Sprachkurse für Eltern;Eltern lernen Deutsch dort, wo ihre Kinder betreut werden, mit Kinderbetreuung.
SPR-3;Ganzheitliches Sprachförderkonzept;Übersicht über Sprachangebote;Alle Sprachkurse der Stadt stehen in einer aktuellen, leicht lesbaren Übersicht.
AUM-1;Alter und Migration;Altenhilfe kultursensibel gestalten;Pflegedienste und Senioreneinrichtungen stellen sich auf ältere Zugewanderte ein.
AUM-2;Alter und Migration;Ältere Zugewanderte erreichen;Informationen zu Pflege und Rente kommen über Vereine und Gemeinden zu den Menschen.
AUM-3;Alter und Migration;Begegnung im Alter;Seniorentreffs laden gezielt ältere Menschen mit Einwanderungsgeschichte ein.
GES-1;Gesundheit;Gesundheitslotsen ausbilden;Menschen aus den Gemeinschaften werden als Lotsinnen und Lotsen im Gesundheitswesen ausgebildet.
GES-2;Gesundheit;Vorsorge für Kinder sichern;Alle Kinder nehmen an den Vorsorgeuntersuchungen teil; Familien werden daran erinnert.
GES-3;Gesundheit;Psychosoziale Hilfe;Geflüchtete mit belastenden Erlebnissen finden schnell passende Hilfe.
FRA-1;Frauen;Frauen in Arbeit bringen;Frauen mit Einwanderungsgeschichte werden bei Ausbildung und Berufseinstieg gezielt gefördert.
FRA-2;Frauen;Schutz vor Gewalt;Beratung und Schutzangebote sind bekannt und mehrsprachig erreichbar.
FRA-3;Frauen;Treffpunkte für Frauen;Frauencafés und Kurse mit Kinderbetreuung stärken Austausch und Selbstständigkeit.
USB-1;Übergang Schule/Beruf;Berufsorientierung früh beginnen;Ab Klasse 8 lernen alle Jugendlichen Berufe und Betriebe praktisch kennen.
USB-2;Übergang Schule/Beruf;Eltern in die Berufswahl einbeziehen;Eltern werden über das duale Ausbildungssystem informiert, auch in ihrer Sprache.
USB-3;Übergang Schule/Beruf;Niemand geht verloren;Jugendliche ohne Anschluss werden nach der Schule persönlich begleitet.
KUL-1;Kultur;Vielfalt im Kulturprogramm;Kultureinrichtungen zeigen die Vielfalt der Stadtgesellschaft in ihrem Programm.
KUL-2;Kultur;Migrantenvereine fördern;Kulturvereine von Zugewanderten bekommen Räume und Beratung zu Fördermitteln.
KUL-3;Kultur;Gemeinsame Feste;Stadtteilfeste werden gemeinsam mit Vereinen aus allen Gemeinschaften geplant.
`;

export const DEMO_DAY_CODE_PREFIX = "IK";

/**
 * The goal cycle's demo: the catalogue, a day code for this year's conference, last year's goals
 * with their year, this year's proposals (one merged), an open voting round and a few ballots.
 */
export async function seedGoalsDemo({ now }: { now: Date }) {
  const imported = await importCatalogueCsv({ csv: DEMO_CATALOGUE_CSV });
  if (!imported.ok) throw new Error(`demo catalogue: ${JSON.stringify(imported.errors)}`);
  const list = await db
    .select({ id: conferences.id, year: conferences.year, endsAt: conferences.endsAt })
    .from(conferences);

  const current = list.reduce<(typeof list)[number] | undefined>((a, c) => (!a || c.year > a.year ? c : a), undefined);
  const previous = list.find((c) => current && c.year === current.year - 1);
  if (!current) return;
  await db
    .update(conferences)
    .set({ dayCode: `${DEMO_DAY_CODE_PREFIX}${current.year}` })
    .where(and(eq(conferences.id, current.id), isNull(conferences.dayCode)));

  const fields = await listFields();
  const field = (code: string) => fields.find((f) => f.code === code)!.id;
  const allGroups = await db.select({ id: groups.id, slug: groups.slug }).from(groups);
  const group = (slug: string) => allGroups.find((g) => g.slug === slug)?.id;
  const recs = await findRecommendationsByCodes([
    "BIL-1",
    "SPR-1",
    "SPR-2",
    "IOV-2",
    "WZS-1",
    "GES-1",
    "USB-1",
    "FRA-1",
    "JFS-1",
  ]);
  const rec = (code: string) => recs.filter((r) => r.code === code).map((r) => r.id);
  const organiser = { id: "00000000-0000-0000-0000-000000000000", role: "organiser" as const, groupId: null };

  if (previous && group("bildung-und-ausbildung") && group("interkulturelle-oeffnung-verwaltung") && group("welheim")) {
    const last = previous.year;
    const agreedAt = previous.endsAt;
    const a = await agreeGoal({
      conferenceId: previous.id,
      title: "Sprachcafés für Eltern an drei Grundschulen",
      description: "Eltern lernen Deutsch an der Schule ihrer Kinder, mit Kinderbetreuung.",
      fieldId: field("SPR"),
      ownerGroupId: group("bildung-und-ausbildung")!,
      partners: "Volkshochschule, drei Grundschulen",
      measure: "Ein Sprachcafé pro Woche an jeder Schule",
      indicator: "Zahl der regelmäßig teilnehmenden Eltern",
      targetYear: last + 1,
      recommendationIds: [...rec("SPR-2"), ...rec("BIL-1")],
      now: agreedAt,
    });
    await updateGoalStatus({
      goalId: a,
      actor: organiser,
      audit: false,
      status: "in_umsetzung",
      sachstand: "Zwei von drei Schulen haben begonnen; an der dritten fehlt noch ein Raum.",
      now: new Date(now.getTime() - 120 * 86_400_000),
    });
    const b = await agreeGoal({
      conferenceId: previous.id,
      title: "Bescheide des Bürgerbüros in einfacher Sprache",
      fieldId: field("IOV"),
      ownerGroupId: group("interkulturelle-oeffnung-verwaltung")!,
      partners: "Bürgerbüro, Integrationsrat",
      measure: "Die zehn häufigsten Schreiben werden überarbeitet",
      indicator: "Anteil überarbeiteter Schreiben",
      targetYear: last + 1,
      recommendationIds: rec("IOV-2"),
      now: agreedAt,
    });
    await updateGoalStatus({
      goalId: b,
      actor: organiser,
      audit: false,
      status: "erreicht",
      sachstand: "Alle zehn Schreiben sind überarbeitet und online.",
      now: new Date(now.getTime() - 60 * 86_400_000),
    });
    await agreeGoal({
      conferenceId: previous.id,
      title: "Nachbarschaftstreff im Stadtteilzentrum Welheim",
      fieldId: field("WZS"),
      ownerGroupId: group("welheim")!,
      partners: "Wohnungsgesellschaft, Kirchengemeinde",
      measure: "Ein offener Treff jeden Monat",
      indicator: "Besucherinnen und Besucher je Treff",
      targetYear: last + 2,
      recommendationIds: rec("WZS-1"),
      now: agreedAt,
    });
    await rollOverGoals({
      fromYear: last,
      toYear: current.year,
      appUrl: "",
      now: new Date(now.getTime() - 7 * 86_400_000),
    });
  }

  const p1 = await createProposal({
    conferenceId: current.id,
    source: "group",
    title: "Gesundheitslotsinnen in jedem Stadtteil",
    description: "Je Stadtteil zwei ausgebildete Lotsinnen oder Lotsen.",
    fieldId: field("GES"),
    proposedGroupId: group("gesundheit-und-alter"),
    recommendationIds: rec("GES-1"),
  });
  const p2 = await createProposal({
    conferenceId: current.id,
    source: "organiser",
    title: "Berufsorientierung mit Eltern ab Klasse 8",
    description: "Elternabende zur Ausbildung in mehreren Sprachen.",
    fieldId: field("USB"),
    proposedGroupId: group("bildung-und-ausbildung"),
    recommendationIds: rec("USB-1"),
  });
  const p3 = await createProposal({
    conferenceId: current.id,
    source: "group",
    title: "Sportvereine: kostenloses Schnuppertraining",
    fieldId: field("JFS"),
    proposedGroupId: group("jugend-freizeit-sport"),
    recommendationIds: rec("JFS-1"),
  });
  const dup = await createProposal({
    conferenceId: current.id,
    source: "participant",
    title: "Mehr Gesundheitslotsen",
    description: "Lotsen auch in Ebel und Batenbrock.",
    fieldId: field("GES"),
  });
  await mergeProposals({ targetId: p1.id, sourceIds: [dup.id], now });
  await createProposal({
    conferenceId: current.id,
    source: "participant",
    title: "Frauencafé mit Kinderbetreuung in der Innenstadt",
    fieldId: field("FRA"),
    recommendationIds: rec("FRA-1"),
  });

  const opensAt = new Date(now.getTime() - 86_400_000);
  const closesAt = new Date(Math.max(current.endsAt.getTime(), now.getTime()) + 2 * 86_400_000);
  await saveVotingRound({ conferenceId: current.id, pointsPerVoter: 5, maxPerProposal: 3, opensAt, closesAt });
  const demoBallots: Record<string, number>[] = [
    { [p1.id]: 3, [p2.id]: 2 },
    { [p2.id]: 3, [p3.id]: 2 },
    { [p1.id]: 2, [p2.id]: 1, [p3.id]: 2 },
  ];
  for (const [i, points] of demoBallots.entries())
    await castBallot({ conferenceId: current.id, voterKey: voterKey("device", `demo-ballot-${i}`), points, now });
}

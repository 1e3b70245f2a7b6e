import { count } from "drizzle-orm";
import { db } from "~/db/client.server";
import { agendaItems, conferences, forums, groups, users } from "~/db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import { seedDiscussionDemo } from "~/modules/discussion/seed.server";
import { seedRegistrationsDemo } from "~/modules/registrations/demo.server";
import { seedGoalsDemo } from "~/modules/goals/demo.server";
import { seedGroupsDemo } from "~/modules/groups/demo.server";
import { seedMonitoringDemo } from "~/modules/monitoring/demo.server";
import { seedGoalIndicatorDemo } from "~/modules/monitoring/demo-links.server";
import { seedDocumentationDemo, seedLibraryDemo } from "~/modules/publishing/demo.server";
import { berlinParts, berlinTime } from "~/utils/time";

export const DEMO_ORGANISER = {
  email: "orga@ikon.example",
  password: "Konferenz-Demo-2026",
  name: "Demo Organisation (KI)",
};

const FIELDS = {
  education: "Bildung",
  jobs: "Ausbildung und Beschäftigung",
  youth: "Jugend, Freizeit und Sport",
  housing: "Wohnen, Zusammenleben im Stadtteil",
  refugees: "Flüchtlinge, Beratung",
  administration: "Interkulturelle Öffnung der Verwaltung",
  language: "Ganzheitliches Sprachförderkonzept",
  ageing: "Alter und Migration",
  health: "Gesundheit",
  women: "Frauen",
  transition: "Übergang Schule/Beruf",
  culture: "Kultur",
} as const;

const DEMO_GROUPS: (typeof groups.$inferInsert)[] = [
  {
    slug: "bildung-und-ausbildung",
    name: "Facharbeitskreis Bildung und Ausbildung",
    kind: "working_group",
    fieldsOfAction: [FIELDS.education, FIELDS.jobs, FIELDS.transition, FIELDS.language],
    description:
      "Kitas, Schulen, Bildungsträger und die Agentur für Arbeit stimmen Angebote von der Sprachförderung bis zum Übergang in den Beruf ab.",
  },
  {
    slug: "jugend-freizeit-sport",
    name: "Facharbeitskreis Jugend, Freizeit und Sport",
    kind: "working_group",
    fieldsOfAction: [FIELDS.youth],
    description:
      "Jugendhilfe, Sportvereine und Jugendzentren öffnen ihre Angebote für junge Menschen mit Einwanderungsgeschichte.",
  },
  {
    slug: "gesundheit-und-alter",
    name: "Facharbeitskreis Gesundheit und Alter",
    kind: "working_group",
    fieldsOfAction: [FIELDS.health, FIELDS.ageing],
    description:
      "Gesundheitsamt, Pflegedienste und Beratungsstellen bringen Gesundheitsangebote und Altenhilfe zu älteren Zugewanderten.",
  },
  {
    slug: "kultur",
    name: "Facharbeitskreis Kultur",
    kind: "working_group",
    fieldsOfAction: [FIELDS.culture],
    description: "Kulturschaffende und Vereine machen die Vielfalt der Stadtgesellschaft in Kulturangeboten sichtbar.",
  },
  {
    slug: "zusammenleben-beratung",
    name: "Facharbeitskreis Zusammenleben im Stadtteil/Beratung",
    kind: "working_group",
    fieldsOfAction: [FIELDS.housing, FIELDS.refugees],
    description:
      "Beratungsstellen und Wohnungsgesellschaften fördern gute Nachbarschaft und verlässliche Beratung, auch für Geflüchtete.",
  },
  {
    slug: "interkulturelle-oeffnung-verwaltung",
    name: "Facharbeitskreis Interkulturelle Öffnung der Verwaltung",
    kind: "working_group",
    fieldsOfAction: [FIELDS.administration],
    description:
      "Ämter der Stadtverwaltung arbeiten an verständlichen Formularen, Fortbildungen und vielfältigen Teams.",
  },
  {
    slug: "frauen",
    name: "Facharbeitskreis Frauen",
    kind: "working_group",
    fieldsOfAction: [FIELDS.women],
    description:
      "Frauenberatung, Gleichstellungsstelle und Migrantinnenvereine stärken Frauen mit Einwanderungsgeschichte.",
  },
  {
    slug: "batenbrock",
    name: "Stadtteilnetzwerk Batenbrock",
    kind: "district_network",
    fieldsOfAction: [FIELDS.housing],
    description: "Einrichtungen im Stadtteil Batenbrock vernetzen ihre Angebote für Familien.",
  },
  {
    slug: "welheim",
    name: "Stadtteilnetzwerk Welheim",
    kind: "district_network",
    fieldsOfAction: [FIELDS.housing],
    description: "Rund um das Stadtteilzentrum Welheim 64 arbeiten Schulen, Kitas und Vereine zusammen.",
  },
  {
    slug: "ebel",
    name: "Stadtteilnetzwerk Ebel",
    kind: "district_network",
    fieldsOfAction: [FIELDS.housing],
    description: "Das Stadtteilzentrum Ebel 27 bündelt Beratung, Sprachkurse und Nachbarschaftsarbeit.",
  },
  {
    slug: "innenstadt",
    name: "Stadtteilnetzwerk Innenstadt",
    kind: "district_network",
    fieldsOfAction: [FIELDS.housing],
    description: "Träger in der Innenstadt stimmen Angebote für neu zugewanderte Menschen ab.",
  },
];

const VENUE = {
  venueName: "Kulturzentrum August Everding",
  venueAddress: "Blumenstraße 12–14, 46236 Bottrop",
  venueAccessibility:
    "Stufenloser Zugang über den Seiteneingang, Aufzug zu allen Räumen, barrierefreies WC im Erdgeschoss. Induktionsschleife im großen Saal. Gebärdensprachdolmetschung auf Wunsch bei der Anmeldung angeben.",
};

/** Loads the demo content, but only into a database that has no conference and no user yet. */
export async function seedDemoIfEmpty({
  now,
}: {
  now: Date;
}): Promise<{ organiserEmail: string; organiserPassword: string } | null> {
  const [u] = await db.select({ n: count() }).from(users);
  const [c] = await db.select({ n: count() }).from(conferences);
  if ((u?.n ?? 0) > 0 || (c?.n ?? 0) > 0) return null;
  await seedDemo({ now });
  return { organiserEmail: DEMO_ORGANISER.email, organiserPassword: DEMO_ORGANISER.password };
}

export async function seedDemo({ now }: { now: Date }) {
  await createUser({ ...DEMO_ORGANISER, role: "organiser" });
  await db.insert(groups).values(DEMO_GROUPS).onConflictDoNothing();

  // This year's conference a few weeks ahead (a Wednesday), last year's already documented.
  const ahead = new Date(now.getTime() + 28 * 86_400_000);
  while (ahead.getUTCDay() !== 3) ahead.setUTCDate(ahead.getUTCDate() + 1);
  const { year, month, day } = berlinParts(ahead);
  const at = (h: number, m = 0) => berlinTime(year, month, day, h, m);

  const [current] = await db
    .insert(conferences)
    .values({
      year,
      title: `Integrationskonferenz ${year}: Sprache öffnet Türen`,
      description:
        "Die Facharbeitskreise und Stadtteilnetzwerke berichten, was sie im letzten Jahr erreicht haben. Ein Fachinput zur durchgängigen Sprachbildung eröffnet die Diskussion. Am Nachmittag legen wir gemeinsam die Ziele für das kommende Jahr fest.",
      startsAt: at(9, 30),
      endsAt: at(16, 0),
      capacity: 120,
      registrationOpensAt: new Date(now.getTime() - 7 * 86_400_000),
      registrationClosesAt: new Date(at(9, 30).getTime() - 5 * 86_400_000),
      status: "registration_open",
      ...VENUE,
    })
    .returning({ id: conferences.id });
  const forumRows = await db
    .insert(forums)
    .values([
      {
        conferenceId: current!.id,
        title: "Forum A: Sprachbildung von der Kita bis zum Beruf",
        description: "Wie Kita, Schule und Ausbildungsbetrieb Sprache gemeinsam fördern – mit Beispielen aus Bottrop.",
        capacity: 40,
        position: 1,
      },
      {
        conferenceId: current!.id,
        title: "Forum B: Ankommen im Stadtteil",
        description: "Was neu Zugewanderten in den ersten Monaten hilft: Beratung, Nachbarschaft, Vereine.",
        capacity: 40,
        position: 2,
      },
      {
        conferenceId: current!.id,
        title: "Forum C: Interkulturelle Öffnung der Verwaltung",
        description: "Verständliche Briefe, mehrsprachige Beratung und vielfältige Teams in der Stadtverwaltung.",
        capacity: 30,
        position: 3,
      },
    ])
    .returning({ id: forums.id });
  await db.insert(agendaItems).values([
    {
      conferenceId: current!.id,
      startsAt: at(9, 30),
      endsAt: at(10, 0),
      title: "Ankommen und Begrüßung",
      kind: "welcome",
      speakers: "Oberbürgermeister der Stadt Bottrop; Leitung des Kommunalen Integrationszentrums",
    },
    {
      conferenceId: current!.id,
      startsAt: at(10, 0),
      endsAt: at(10, 45),
      title: "Fachinput: Durchgängige Sprachbildung in der Kommune",
      kind: "expert_input",
      speakers: "Prof. Dr. Ayşe Demir, Hochschule Ruhr West",
    },
    {
      conferenceId: current!.id,
      startsAt: at(10, 45),
      endsAt: at(11, 15),
      title: "Diskussion mit dem Plenum",
      kind: "discussion",
    },
    { conferenceId: current!.id, startsAt: at(11, 15), endsAt: at(11, 30), title: "Kaffeepause", kind: "break" },
    {
      conferenceId: current!.id,
      startsAt: at(11, 30),
      endsAt: at(12, 45),
      title: "Die Arbeitskreise stellen ihre Ergebnisse vor",
      kind: "group_presentations",
    },
    { conferenceId: current!.id, startsAt: at(12, 45), endsAt: at(13, 30), title: "Mittagspause", kind: "break" },
    ...forumRows.map((f, i) => ({
      conferenceId: current!.id,
      startsAt: at(13, 30),
      endsAt: at(15, 0),
      title: `Forum ${"ABC"[i]}`,
      kind: "forum" as const,
      forumId: f.id,
    })),
    {
      conferenceId: current!.id,
      startsAt: at(15, 15),
      endsAt: at(16, 0),
      title: "Ziele für das kommende Jahr und Abschluss",
      kind: "discussion",
    },
  ]);
  await seedRegistrationsDemo({ conferenceId: current!.id, now });

  const last = year - 1;
  const lastAt = (h: number, m = 0) => berlinTime(last, 11, 12, h, m);
  const [previous] = await db
    .insert(conferences)
    .values({
      year: last,
      title: `Integrationskonferenz ${last}: Gemeinsam im Stadtteil`,
      description: "Die Konferenz stellte die Arbeit der Stadtteilnetzwerke in den Mittelpunkt.",
      startsAt: lastAt(9, 30),
      endsAt: lastAt(15, 30),
      capacity: 100,
      status: "documented",
      ...VENUE,
    })
    .returning({ id: conferences.id });
  await db.insert(agendaItems).values([
    { conferenceId: previous!.id, startsAt: lastAt(9, 30), title: "Begrüßung", kind: "welcome" },
    {
      conferenceId: previous!.id,
      startsAt: lastAt(10, 0),
      title: "Fachinput: Nachbarschaft gestalten",
      kind: "expert_input",
      speakers: "Dr. Jonas Berg, Institut für Stadtentwicklung",
    },
    {
      conferenceId: previous!.id,
      startsAt: lastAt(11, 0),
      title: "Die Stadtteilnetzwerke berichten",
      kind: "group_presentations",
    },
    { conferenceId: previous!.id, startsAt: lastAt(14, 0), title: "Ziele für das kommende Jahr", kind: "discussion" },
  ]);
  await seedGoalsDemo({ now });
  await seedMonitoringDemo();
  await seedGoalIndicatorDemo();
  await seedDiscussionDemo({ now });
  await seedGroupsDemo({
    now,
    previousConferenceId: previous!.id,
    currentConferenceId: current!.id,
    currentStartsAt: at(9, 30),
  });
  await seedLibraryDemo({ now });
  await seedDocumentationDemo({ now, conferenceId: previous!.id });
}

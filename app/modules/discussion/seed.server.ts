import { and, desc, eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { agendaItems, conferences, discussionQuestions, users } from "~/db/schema";
import { hashToken } from "~/modules/auth/tokens.server";
import { createInput } from "./inputs.server";
import { generateDayCode } from "~/modules/conferences/day-code.server";
import { saveRecord } from "./records.server";

/** The demo's conference-day code, unless the demo already has one (organisers see it on /verwaltung/fachinputs). */
export const DEMO_DAY_CODE = "SPRACHE";

/**
 * Demo: this year's Fachinput with a few approved questions, open for questions from now until the
 * end of the conference day (so the question page can be tried out at once), and the day code;
 * last year's input with a published discussion record.
 */
export async function seedDiscussionDemo({ now }: { now: Date }) {
  const [organiser] = await db.select({ id: users.id }).from(users).where(eq(users.role, "organiser")).limit(1);
  const organiserId = organiser?.id;
  const [current, previous] = await db.select().from(conferences).orderBy(desc(conferences.year)).limit(2);
  if (!current) return;
  // One code for the whole day: keep one another part of the demo (goal voting) already set.
  if (!current.dayCode) await generateDayCode(current.id, DEMO_DAY_CODE);
  const slot = await expertSlot(current.id);
  const input = await createInput(current.id, {
    title: "Durchgängige Sprachbildung in der Kommune",
    speakers: [{ name: "Prof. Dr. Ayşe Demir", role: "Hochschule Ruhr West, Sprachbildung und Mehrsprachigkeit" }],
    abstract:
      "Sprache lernen hört nicht an der Schultür auf. Der Fachinput zeigt, wie Kitas, Schulen, Jugendhilfe und Betriebe Sprachbildung gemeinsam planen können – mit Beispielen aus Städten im Ruhrgebiet. Danach diskutieren wir, was davon in Bottrop schon gelingt und was fehlt.",
    agendaItemId: slot?.id ?? null,
    moderation: "pre",
    questionsOpenAt: new Date(now.getTime() - 60 * 60_000),
    questionsCloseAt: new Date(current.endsAt.getTime() + 60 * 60_000),
  });
  const questions: [string, string | null, number][] = [
    ["Wie erreichen wir Eltern, die selbst wenig Deutsch sprechen, schon in der Kita?", "Meryem", 12],
    ["Gibt es Beispiele, wie Betriebe Sprachförderung in die Ausbildung einbauen?", null, 7],
    ["Welche Rolle spielen die Herkunftssprachen der Kinder in der Schule?", "Thomas K.", 5],
    ["Wer koordiniert das in der Stadt – und mit wie viel Personal?", null, 3],
  ];
  await db.insert(discussionQuestions).values(
    questions.map(([text, authorName, likeCount], i) => ({
      inputId: input.id,
      text,
      authorName,
      status: "approved" as const,
      likeCount,
      deviceHash: hashToken(`demo-device-${i}`),
      createdAt: new Date(now.getTime() - (40 - i) * 60_000),
    })),
  );
  await db.insert(discussionQuestions).values({
    inputId: input.id,
    text: "Kann man die Folien danach bekommen?",
    status: "pending",
    deviceHash: hashToken("demo-device-9"),
  });

  if (previous) {
    const oldSlot = await expertSlot(previous.id);
    const old = await createInput(previous.id, {
      title: "Nachbarschaft gestalten",
      speakers: [{ name: "Dr. Jonas Berg", role: "Institut für Stadtentwicklung" }],
      abstract: "Was macht eine gute Nachbarschaft aus, und was können Stadtteilnetzwerke dafür tun?",
      agendaItemId: oldSlot?.id ?? null,
      moderation: "post",
      questionsOpenAt: null,
      questionsCloseAt: null,
    });
    await db.insert(discussionQuestions).values([
      {
        inputId: old.id,
        text: "Wie beteiligen wir Menschen, die neu im Stadtteil sind?",
        status: "answered",
        likeCount: 9,
        deviceHash: hashToken("demo-old-1"),
      },
      {
        inputId: old.id,
        text: "Braucht jeder Stadtteil ein eigenes Begegnungszentrum?",
        status: "approved",
        likeCount: 6,
        deviceHash: hashToken("demo-old-2"),
      },
    ]);
    if (organiserId) {
      await saveRecord({
        inputId: old.id,
        outcome:
          "Die Stadtteilnetzwerke sind die wichtigsten Orte für Begegnung. Neu zugezogene Menschen sollen gezielt eingeladen werden, zum Beispiel über Sprachkurse und Kitas. Offen blieb, ob jeder Stadtteil ein eigenes Zentrum braucht.",
        publish: true,
        userId: organiserId,
      });
    }
  }
}

async function expertSlot(conferenceId: string) {
  const [row] = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.conferenceId, conferenceId), eq(agendaItems.kind, "expert_input")))
    .limit(1);
  return row ?? null;
}

import { writeFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { db } from "~/db/client.server";
import { files, groupReportEvents, groupReportFiles, groupReports, groups } from "~/db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import { saveUpload } from "~/modules/uploads/files.server";
import { inspectUpload, tempName } from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";
import { groupQuotaKey, setDeadline } from "./reports.server";

export const DEMO_COORDINATOR = {
  email: "ebel@ikon.example",
  password: "Netzwerk-Demo-2026",
  name: "Demo Koordination Ebel",
};

const REPORTS = {
  ebel: {
    activities:
      "Das Netzwerk hat sich sechsmal im Stadtteilzentrum Ebel 27 getroffen. Neu ist das Sprachcafé am Dienstagnachmittag, zu dem jede Woche 15 bis 25 Menschen kommen. Im Sommer gab es ein Nachbarschaftsfest mit allen Vereinen im Stadtteil.",
    progress:
      "Mehr Familien finden den Weg in die Beratung. Die Kita und die Grundschule stimmen ihre Elternabende jetzt ab und laden gemeinsam ein.",
    obstacles: "Es fehlen Räume am Abend. Ehrenamtliche Sprachpatinnen und -paten sind schwer zu finden.",
    networking: "Enge Zusammenarbeit mit dem Jugendamt, der Wohnungsgesellschaft und zwei Moscheegemeinden.",
    previousGoals:
      "Ziel „Beratung im Stadtteil bekannter machen“: erreicht (Flyer in sechs Sprachen). Ziel „Treffpunkt für Jugendliche“: begonnen.",
    proposals: "Ein zweites Sprachcafé am Samstag; ein fester Raum für Jugendliche im Stadtteilzentrum.",
  },
  "bildung-und-ausbildung": {
    activities:
      "Der Facharbeitskreis hat eine Übersicht aller Sprachförderangebote von der Kita bis zur Berufsschule erstellt und vier Fachtage für Lehrkräfte organisiert.",
    progress:
      "Übergänge von der Kita in die Schule laufen besser: Sprachstandsinformationen werden mit Einverständnis der Eltern weitergegeben.",
    obstacles: "Lange Wartezeiten auf Integrationskurse; wenige Plätze in Berufssprachkursen.",
    networking: "Agentur für Arbeit, Jobcenter, Bildungsträger, Schulamt und Migrantenorganisationen.",
    previousGoals:
      "Ziel „Übersicht der Sprachförderung“: erreicht. Ziel „Mentoring für Ausbildung“: läuft mit 12 Tandems.",
    proposals: "Mentoring auf weitere Schulen ausweiten; Elternbegleitung beim Übergang in die Ausbildung.",
  },
} as const;

async function demoPdf(title: string, lines: string[]): Promise<string> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage("de-DE");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([842, 595]);
  page.drawText(title, { x: 60, y: 500, size: 28, font: bold });
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 440 - i * 32, size: 18, font }));
  mkdirSync(uploadsTmpDir(), { recursive: true });
  const file = tempName(uploadsTmpDir());
  await writeFile(file, await doc.save());
  return file;
}

/** Last year: published reports of two groups (one with slides); this year: a deadline and a demo coordinator. */
export async function seedGroupsDemo({
  now,
  previousConferenceId,
  currentConferenceId,
  currentStartsAt,
}: {
  now: Date;
  previousConferenceId: string;
  currentConferenceId: string;
  currentStartsAt: Date;
}) {
  for (const [slug, text] of Object.entries(REPORTS)) {
    const [group] = await db.select().from(groups).where(eq(groups.slug, slug));
    if (!group) continue;
    const publishedAt = new Date(now.getTime() - 300 * 86_400_000);
    const [report] = await db
      .insert(groupReports)
      .values({
        groupId: group.id,
        conferenceId: previousConferenceId,
        status: "published",
        ...text,
        submittedAt: publishedAt,
        publishedAt,
        updatedAt: publishedAt,
      })
      .returning({ id: groupReports.id });
    await db
      .insert(groupReportEvents)
      .values({ reportId: report!.id, userId: null, action: "published", at: publishedAt });
    const path = await demoPdf(`${group.name}: Ergebnisse`, text.activities.split(". ").slice(0, 3));
    const upload = await inspectUpload({ field: "datei", originalName: "Ergebnisse.pdf", path });
    const saved = await saveUpload({ upload, quotaKey: groupQuotaKey(group.id), uploadedBy: null });
    await db.insert(groupReportFiles).values({ reportId: report!.id, fileId: saved.fileId });
    await db.update(files).set({ public: true }).where(eq(files.id, saved.fileId));
  }
  const [ebel] = await db.select().from(groups).where(eq(groups.slug, "ebel"));
  if (ebel) await createUser({ ...DEMO_COORDINATOR, role: "coordinator", groupId: ebel.id });
  await setDeadline(currentConferenceId, new Date(currentStartsAt.getTime() - 14 * 86_400_000), 7);
}

import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { inspectUpload, tempName } from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";
import type { LibraryType, MonitoringArea } from "./library.schema";
import { ensureDocumentation, saveSettings, saveSpeech, setPublished } from "./documentation.server";
import { attachLibraryFile, createLibraryEntry } from "./library.server";

/** A small sample PDF with real, extractable German text (pdf-lib, standard font). */
export async function samplePdf(title: string, lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage("de-DE");
  doc.setAuthor("Stadt Bottrop – Kommunales Integrationszentrum (Demo)");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  page.drawText(title, { x: 50, y: 770, size: 18, font: bold, maxWidth: 495 });
  page.drawText("Beispieldokument der Demo-Installation", { x: 50, y: 740, size: 11, font });
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 700 - i * 22, size: 12, font, maxWidth: 495 }));
  return Buffer.from(await doc.save());
}

type DemoEntry = {
  title: string;
  type: LibraryType;
  year?: number;
  area?: MonitoringArea;
  description?: string;
  url?: string;
  lines?: string[];
  parts?: DemoEntry[];
};

const AREAS: { area: MonitoringArea; title: string; line: string }[] = [
  {
    area: "demografie",
    title: "Demografische Daten",
    line: "Bevölkerung nach Staatsangehörigkeit, Alter und Stadtteil.",
  },
  {
    area: "beschaeftigung",
    title: "Beschäftigung",
    line: "Sozialversicherungspflichtig Beschäftigte und Arbeitslose nach Staatsangehörigkeit.",
  },
  {
    area: "bildung",
    title: "Bildung",
    line: "Übergänge von der Grundschule, Schulabschlüsse, Besuch der Kindertagesstätten.",
  },
  {
    area: "gesundheit",
    title: "Gesundheit von Schulkindern",
    line: "Ergebnisse der Schuleingangsuntersuchungen: Impfungen, Sprachstand, Übergewicht.",
  },
  { area: "lebensunterhalt", title: "Lebensunterhalt", line: "Bezug von Leistungen nach SGB II und SGB XII." },
  {
    area: "rechtliche_situation",
    title: "Rechtliche Situation",
    line: "Aufenthaltstitel und Einbürgerungen im Jahresvergleich.",
  },
];

function report(year: number): DemoEntry {
  return {
    title: `Integrationsbericht ${year}`,
    type: "integrationsbericht",
    year,
    description: `Der Integrationsbericht ${year} zeigt, was Einrichtungen, Vereine und städtische Dienststellen für die Integration getan haben, und enthält das Integrationsmonitoring mit Zahlen aus sechs Bereichen.`,
    lines: [
      `Integrationsbericht der Stadt Bottrop für das Jahr ${year}.`,
      "Teil 1: Beiträge, Teil 2: Zahlen, Daten und Fakten.",
    ],
    parts: [
      {
        title: `1. Beiträge aus den Einrichtungen, Vereinen und städtischen Dienststellen ${year}`,
        type: "integrationsbericht",
        year,
        lines: [
          "Berichte der Einrichtungen, Vereine und Dienststellen.",
          "Fortschritte, Hemmnisse und Vernetzungsaktivitäten im Berichtsjahr.",
        ],
      },
      ...AREAS.map((a) => ({
        title: `2. Zahlen, Daten und Fakten ${year}: ${a.title}`,
        type: "zahlen" as const,
        year,
        area: a.area,
        lines: [`Integrationsmonitoring ${year}, Bereich ${a.title}.`, a.line],
      })),
    ],
  };
}

const DEMO: DemoEntry[] = [
  {
    title: "Interkulturelles Gesamtkonzept der Stadt Bottrop",
    type: "konzept",
    year: 2012,
    description:
      "Das vom Rat beschlossene Konzept für die kommunale Integrationsarbeit mit über 180 Handlungsempfehlungen.",
    lines: ["Teil I: Konzept. Teil II: Vertiefungen."],
    parts: [
      {
        title: "Teil I: Konzept",
        type: "konzept",
        year: 2012,
        description:
          "Umsetzungsprozess, Bottroper Rahmenbedingungen, Problematiken und Handlungsempfehlungen, Umsetzungsmodell.",
        lines: [
          "Umsetzungsprozess und Bottroper Rahmenbedingungen.",
          "Handlungsfelder: Bildung; Ausbildung und Beschäftigung; Jugend, Freizeit und Sport;",
          "Wohnen; Flüchtlinge, Beratung; Interkulturelle Öffnung der Verwaltung;",
          "Ganzheitliches Sprachförderkonzept: Sprache von der Kita bis in den Beruf.",
          "Problematiken und Handlungsempfehlungen, Umsetzungsmodell.",
        ],
      },
      {
        title: "Teil II: Vertiefungen",
        type: "konzept",
        year: 2012,
        lines: ["Vertiefungen zu den Handlungsfeldern des Gesamtkonzepts."],
      },
    ],
  },
  ...[2019, 2018, 2017, 2016, 2015, 2014, 2013].map(report),
  {
    title: "Flyer des Integrationsrates",
    type: "flyer",
    description: "Wer ist der Integrationsrat, was macht er, wie erreichen Sie ihn?",
    lines: ["Der Integrationsrat vertritt die Menschen mit Einwanderungsgeschichte in Bottrop."],
  },
  {
    title: "Poster der Umsetzungsstruktur des Interkulturellen Gesamtkonzeptes",
    type: "plakat",
    description:
      "Das Plakat zeigt als Grafik, wie die kommunale Integrationsarbeit nach dem Gesamtkonzept aufgebaut ist.",
    lines: ["Integrationskonferenz, Facharbeitskreise, Stadtteilnetzwerke, Lenkungsgruppe."],
  },
  {
    title: "Sprich mit mir",
    type: "arbeitshilfe",
    description: "Arbeitshilfe zur Sprachvermittlung für Fachkräfte im Elementarbereich.",
    lines: [
      "Alltagsintegrierte Sprachbildung in der Kita.",
      "Tipps für Gespräche mit Kindern, die Deutsch als zweite Sprache lernen.",
    ],
  },
  {
    title: "Was kommt nach der Schule? Maßnahmenkatalog 2015",
    type: "broschuere",
    year: 2015,
    description:
      "Die Angebote der Maßnahmenträger für das Jahr 2015: ein Leitfaden für Lehrkräfte und Beratende in der Berufswahlorientierung.",
    lines: ["Angebote zur Berufsorientierung und zum Übergang von der Schule in den Beruf."],
  },
  {
    title: "Integrationsprofil Bottrop",
    type: "integrationsprofil",
    description:
      "Daten zu Zuwanderung und Integration, herausgegeben vom Ministerium für Kinder, Familie, Flüchtlinge und Integration des Landes Nordrhein-Westfalen (aktuellste Ausgabe).",
    url: "https://www.mkjfgfi.nrw/",
  },
];

async function addEntry(entry: DemoEntry, parentId: string | null, position: number, now: Date) {
  const created = await createLibraryEntry(
    {
      title: entry.title,
      type: entry.type,
      year: entry.year ?? null,
      area: entry.area ?? null,
      description: entry.description ?? "",
      parentId,
      position,
      url: entry.url ?? null,
      published: true,
    },
    null,
    now,
  );
  if (entry.lines) {
    mkdirSync(uploadsTmpDir(), { recursive: true });
    const path = tempName(uploadsTmpDir());
    await writeFile(path, await samplePdf(entry.title, entry.lines));
    const upload = await inspectUpload({ field: "datei", originalName: `${created.slug}.pdf`, path });
    await attachLibraryFile({ entryId: created.id, upload, uploadedBy: null });
  }
  for (const [i, part] of (entry.parts ?? []).entries()) await addEntry(part, created.id, i + 1, now);
}

/** The library of the domain page: concept, integration reports 2013–2019 with parts, flyer, poster, guides. */
export async function seedLibraryDemo({ now }: { now: Date }) {
  for (const [i, entry] of DEMO.entries()) await addEntry(entry, null, i, now);
}

/**
 * Last year's documentation, published: an introduction and the welcome speech. The group results,
 * the discussion record and the agreed goals of that conference appear through their own modules.
 */
export async function seedDocumentationDemo({ now, conferenceId }: { now: Date; conferenceId: string }) {
  const doc = await ensureDocumentation(conferenceId);
  await saveSettings(doc.id, {
    intro:
      "Die Konferenz stellte die Arbeit der Stadtteilnetzwerke in den Mittelpunkt. Hier finden Sie die Redebeiträge, die Ergebnisse der Arbeitskreise, die Diskussion zum Fachinput und die vereinbarten Ziele.",
    includeReports: true,
    includeDiscussion: true,
    includeGoals: true,
  });
  await saveSpeech({
    documentationId: doc.id,
    title: "Begrüßung",
    speaker: "Leitung des Kommunalen Integrationszentrums",
    markdown:
      "Herzlich willkommen zur Integrationskonferenz! Heute berichten die Stadtteilnetzwerke, was sie im letzten Jahr erreicht haben.\n\nUnser **Ganzheitliches Sprachförderkonzept** und die Arbeit vor Ort in den Stadtteilen gehören zusammen: Sprache lernt man dort, wo man lebt.",
  });
  await setPublished({
    documentationId: doc.id,
    publish: true,
    publishAt: new Date(now.getTime() - 200 * 86_400_000),
    actor: null,
    now,
  });
}

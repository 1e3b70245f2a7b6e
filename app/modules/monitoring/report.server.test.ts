import yauzl from "yauzl";
import { extractText } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { seedGoalData } from "../../../tests/support/goal-data";
import { setGoalIndicators } from "./goal-links.server";
import {
  buildYearlyReport,
  defaultReportYear,
  participationByType,
  reportDocx,
  reportPdf,
  reportYears,
} from "./report.server";

/** One entry of a zip (the DOCX) as text. */
function zipEntry(zip: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error("no zip"));
      file.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return file.readEntry();
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error("no stream"));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        });
      });
      file.on("end", () => reject(new Error(`${name} missing`)));
      file.readEntry();
    });
  });
}

/** The paragraphs' text of word/document.xml (runs joined, XML entities decoded). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join("")
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"'),
    )
    .filter(Boolean);
}

let data: Awaited<ReturnType<typeof seedGoalData>>;
beforeAll(async () => {
  data = await seedGoalData();
  await setGoalIndicators({ goalId: data.goals.work, indicatorIds: [data.indicators.jobless], actor: data.organiser });
});

const BASE = "https://ikon.example.org";

describe("the yearly report", () => {
  it("counts participation by organisation type, confirmed only, without names", async () => {
    const rows = await participationByType(2025);
    expect(rows?.find((r) => r.type === "administration")).toEqual({
      type: "administration",
      registered: 3,
      attended: 2,
    });
    expect(rows?.find((r) => r.type === "migrant_organisation")).toMatchObject({ registered: 1, attended: 1 });
    expect(rows?.find((r) => r.type === "volunteer")).toMatchObject({ registered: 0, attended: 0 });
    expect(await participationByType(2030)).toBeNull();
    expect(await reportYears()).toEqual([2025, 2024]);
    // The page offers the newest conference that has taken place first.
    expect(await defaultReportYear(new Date("2025-01-01T00:00:00Z"))).toBe(2024);
  });

  it("as DOCX: title, the sections, goals with their address, what changed, the trend sentence and the counts", async () => {
    const report = await buildYearlyReport({ year: 2025, baseUrl: BASE, now: new Date("2026-01-15T12:00:00Z") });
    expect(report.example).toBe(true);
    const docx = await reportDocx(report);
    const xml = await zipEntry(docx, "word/document.xml");
    const text = paragraphs(xml);
    expect(text[0]).toBe("Integration in Zahlen und Zielen: Jahresbericht 2025");
    for (const heading of [
      "Ziele nach Stand",
      "Ziele nach Handlungsfeld",
      "Was sich seit 2024 geändert hat",
      "Kennzahlen aus dem Integrationsmonitoring",
      "Teilnahme an der Konferenz 2025 nach Art der Organisation",
    ])
      expect(text).toContain(heading);
    // The example-figures notice, because an example indicator is included.
    expect(text).toContain(
      "Beispielzahlen: Diese Werte sind für die Vorführung erfunden. Sie sind nicht die Statistik der Stadt.",
    );
    // Goals by status (a table row: status, count) and by field, each linked to its public page.
    expect(text).toContain(`Ziel ${data.goals.school}: Elterncafés an Grundschulen`);
    expect(text).toContain(`Ziel ${data.goals.work}: Mehr Ausbildungsplätze für Geflüchtete – in Umsetzung`);
    expect(text.slice(text.indexOf("In Umsetzung"), text.indexOf("In Umsetzung") + 2)).toEqual(["In Umsetzung", "1"]);
    const rels = await zipEntry(docx, "word/_rels/document.xml.rels");
    expect(rels).toContain(`Target="${BASE}/ziele/${data.goals.school}"`);
    expect(rels).toContain(`Target="${BASE}/monitoring/beschaeftigung/arbeitslosenquote"`);
    // What changed since 2024: the school goal achieved, work: neu → in Umsetzung, the health goal new.
    expect(text).toContain(`Ziel ${data.goals.work}: Mehr Ausbildungsplätze für Geflüchtete: neu → in Umsetzung`);
    expect(text).toContain(`Ziel ${data.goals.school}: Elterncafés an Grundschulen: neu → erreicht`);
    expect(text).toContain(`Ziel ${data.goals.health}: Gesundheitslotsen in jedem Stadtteil: neu vereinbart`);
    // The indicators with their trend; unpublished ones stay out.
    expect(text).toContain("Der Abstand ist seit 2019 um 3,0 Prozentpunkte kleiner geworden.");
    expect(text).toContain("Für eine Entwicklung gibt es noch zu wenige Jahre.");
    expect(xml).not.toContain("Impfschutz");
    // Participation: counts by type, and no organisation's or person's name.
    const row = (label: string) => text.slice(text.indexOf(label), text.indexOf(label) + 3);
    expect(row("Verwaltung")).toEqual(["Verwaltung", "3", "2"]);
    expect(row("Zusammen")).toEqual(["Zusammen", "4", "3"]);
    expect(xml).not.toContain("Geheime Organisation");
    expect(xml).not.toContain("Nachname");
  });

  it("as PDF with the same text", async () => {
    const report = await buildYearlyReport({ year: 2025, baseUrl: BASE });
    const pdf = await reportPdf(report);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Jahresbericht 2025");
    expect(text).toContain("Was sich seit 2024 geändert hat");
    expect(text).toContain("Der Abstand ist seit 2019 um 3,0 Prozentpunkte kleiner geworden.");
    expect(text).toContain("Beispielzahlen");
    expect(text).toContain(`${BASE}/ziele/${data.goals.work}`);
  });

  it("says so when a year has no goals and no conference", async () => {
    const report = await buildYearlyReport({ year: 2030, baseUrl: BASE });
    const text = paragraphs(await zipEntry(await reportDocx(report), "word/document.xml"));
    expect(text).toContain("Für dieses Jahr gibt es keinen veröffentlichten Stand eines Ziels.");
    expect(text).toContain("Für 2030 gibt es keine Konferenz.");
  });
});

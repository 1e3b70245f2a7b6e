import { db } from "~/db/client.server";
import type { IndicatorComparison, MonitoringArea, PopulationGroup } from "~/db/enums";
import { listFields } from "~/modules/goals/catalogue.server";
import { saveIndicator, writeValues, type ValueChange } from "./indicators.server";

/**
 * Example figures for the demo: plausible series 2014–2025 in each area, made up for the
 * demonstration (marked `example`, so every page and the report say so) — not Bottrop's statistics.
 */
export const DEMO_FIRST_YEAR = 2014;
export const DEMO_LAST_YEAR = 2025;

type Line = { group: PopulationGroup; from: number; to: number; bump?: number };
type DemoIndicator = {
  area: MonitoringArea;
  name: string;
  definition: string;
  unit: string;
  decimals: number;
  comparison: IndicatorComparison;
  fields: string[];
  lines: Line[];
};

const DEMO_INDICATORS: DemoIndicator[] = [
  {
    area: "demografie",
    name: "Bevölkerung mit Einwanderungsgeschichte",
    definition:
      "Anteil der Einwohnerinnen und Einwohner, die selbst oder deren Eltern eingewandert sind, an allen Einwohnerinnen und Einwohnern.",
    unit: "%",
    decimals: 1,
    comparison: "none",
    fields: ["Wohnen, Zusammenleben im Stadtteil"],
    lines: [{ group: "total", from: 18.6, to: 27.4, bump: 1.2 }],
  },
  {
    area: "demografie",
    name: "Durchschnittsalter",
    definition: "Mittleres Alter der Einwohnerinnen und Einwohner am 31. Dezember.",
    unit: "Jahre",
    decimals: 1,
    comparison: "nationality",
    fields: ["Alter und Migration"],
    lines: [
      { group: "german", from: 45.9, to: 46.8 },
      { group: "foreign", from: 35.1, to: 36.9, bump: -0.8 },
    ],
  },
  {
    area: "beschaeftigung",
    name: "Arbeitslosenquote",
    definition: "Arbeitslose in Prozent aller zivilen Erwerbspersonen, Jahresdurchschnitt.",
    unit: "%",
    decimals: 1,
    comparison: "nationality",
    fields: ["Ausbildung und Beschäftigung", "Frauen"],
    lines: [
      { group: "german", from: 7.1, to: 6.0 },
      { group: "foreign", from: 19.8, to: 14.6, bump: 2.4 },
    ],
  },
  {
    area: "beschaeftigung",
    name: "Beschäftigungsquote",
    definition:
      "Sozialversicherungspflichtig Beschäftigte in Prozent der Einwohnerinnen und Einwohner von 15 bis unter 65 Jahren, am 30. Juni.",
    unit: "%",
    decimals: 1,
    comparison: "nationality",
    fields: ["Ausbildung und Beschäftigung", "Übergang Schule/Beruf"],
    lines: [
      { group: "german", from: 57.8, to: 63.1 },
      { group: "foreign", from: 37.9, to: 48.6, bump: -3.1 },
    ],
  },
  {
    area: "bildung",
    name: "Schulabgang mit Hochschulreife",
    definition:
      "Anteil der Schulabgängerinnen und Schulabgänger mit allgemeiner Hochschulreife oder Fachhochschulreife.",
    unit: "%",
    decimals: 1,
    comparison: "nationality",
    fields: ["Bildung", "Übergang Schule/Beruf"],
    lines: [
      { group: "german", from: 38.2, to: 42.0 },
      { group: "foreign", from: 16.9, to: 24.3, bump: -1.5 },
    ],
  },
  {
    area: "bildung",
    name: "Schulabgang ohne Abschluss",
    definition: "Anteil der Schulabgängerinnen und Schulabgänger ohne Hauptschulabschluss.",
    unit: "%",
    decimals: 1,
    comparison: "nationality",
    fields: ["Bildung", "Ganzheitliches Sprachförderkonzept"],
    lines: [
      { group: "german", from: 4.9, to: 4.6 },
      { group: "foreign", from: 13.6, to: 10.8, bump: 2.2 },
    ],
  },
  {
    area: "gesundheit",
    name: "Vollständiger Impfschutz bei der Einschulung",
    definition: "Anteil der Kinder mit vollständigem Masernimpfschutz bei der Schuleingangsuntersuchung.",
    unit: "%",
    decimals: 1,
    comparison: "migration",
    fields: ["Gesundheit"],
    lines: [
      { group: "without_migration", from: 93.2, to: 95.1 },
      { group: "with_migration", from: 84.5, to: 91.2, bump: -2.0 },
    ],
  },
  {
    area: "gesundheit",
    name: "Übergewicht bei der Einschulung",
    definition: "Anteil der Kinder mit Übergewicht oder Adipositas bei der Schuleingangsuntersuchung.",
    unit: "%",
    decimals: 1,
    comparison: "migration",
    fields: ["Gesundheit"],
    lines: [
      { group: "without_migration", from: 9.4, to: 9.9 },
      { group: "with_migration", from: 15.2, to: 13.1 },
    ],
  },
  {
    area: "lebensunterhalt",
    name: "Bezug von Bürgergeld (SGB II)",
    definition:
      "Leistungsberechtigte nach dem SGB II in Prozent der Einwohnerinnen und Einwohner unter 65 Jahren (bis 2022: Arbeitslosengeld II).",
    unit: "%",
    decimals: 1,
    comparison: "nationality",
    fields: ["Flüchtlinge, Beratung", "Frauen"],
    lines: [
      { group: "german", from: 10.6, to: 9.0 },
      { group: "foreign", from: 27.9, to: 23.4, bump: 5.5 },
    ],
  },
  {
    area: "lebensunterhalt",
    name: "Wohnfläche je Person",
    definition: "Durchschnittliche Wohnfläche je Person in Quadratmetern (Haushaltsbefragung).",
    unit: "m²",
    decimals: 1,
    comparison: "nationality",
    fields: ["Wohnen, Zusammenleben im Stadtteil"],
    lines: [
      { group: "german", from: 44.1, to: 46.0 },
      { group: "foreign", from: 29.5, to: 31.2, bump: -1.4 },
    ],
  },
  {
    area: "rechtliche_situation",
    name: "Einbürgerungen",
    definition:
      "Einbürgerungen im Jahr je 1.000 Ausländerinnen und Ausländer, die seit mindestens acht Jahren in der Stadt leben.",
    unit: "je 1.000",
    decimals: 1,
    comparison: "none",
    fields: ["Interkulturelle Öffnung der Verwaltung"],
    lines: [{ group: "total", from: 11.2, to: 19.4, bump: -2.5 }],
  },
  {
    area: "rechtliche_situation",
    name: "Unbefristetes Aufenthaltsrecht",
    definition:
      "Anteil der Ausländerinnen und Ausländer mit Niederlassungserlaubnis, Daueraufenthalt-EU oder Freizügigkeit.",
    unit: "%",
    decimals: 1,
    comparison: "none",
    fields: ["Flüchtlinge, Beratung", "Interkulturelle Öffnung der Verwaltung"],
    lines: [{ group: "total", from: 63.4, to: 58.1, bump: -4.0 }],
  },
];

/** A line's value in a year: the straight path from → to, a hump around 2016–2018, a little noise. */
function demoValue(line: Line, year: number, seed: number, decimals: number): number {
  const t = (year - DEMO_FIRST_YEAR) / (DEMO_LAST_YEAR - DEMO_FIRST_YEAR);
  const hump = (line.bump ?? 0) * Math.exp(-((year - 2017) ** 2) / 4);
  const noise = ((((year * 7919 + seed * 104729) % 11) - 5) / 100) * Math.abs(line.to - line.from);
  const factor = 10 ** decimals;
  return Math.round((line.from + (line.to - line.from) * t + hump + noise) * factor) / factor;
}

export async function seedMonitoringDemo() {
  const fields = new Map((await listFields()).map((f) => [f.name, f.id]));
  await db.transaction(async (tx) => {
    for (const [i, demo] of DEMO_INDICATORS.entries()) {
      const saved = await saveIndicator({
        tx,
        actor: null,
        example: true,
        input: {
          name: demo.name,
          area: demo.area,
          definition: demo.definition,
          unit: demo.unit,
          decimals: demo.decimals,
          source: "Beispielzahlen für die Vorführung (erfunden)",
          comparison: demo.comparison,
          fieldIds: demo.fields.map((name) => fields.get(name)).filter((id): id is string => Boolean(id)),
          published: true,
        },
      });
      if (!saved.ok) throw new Error(`demo indicator ${demo.name}: ${saved.reason}`);
      const changes: ValueChange[] = [];
      for (const [j, line] of demo.lines.entries()) {
        for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year += 1) {
          changes.push({ year, group: line.group, value: demoValue(line, year, i * 3 + j, demo.decimals) });
        }
      }
      await writeValues(tx, saved.id, changes);
    }
  });
}

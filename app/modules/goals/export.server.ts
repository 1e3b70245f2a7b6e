import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { asc, inArray } from "drizzle-orm";
import { db } from "~/db/client.server";
import { goals } from "~/db/schema";
import { translator } from "~/i18n/catalog";
import { listGoals, type GoalFilter } from "./goals.server";

/** A spreadsheet must never run a cell: text starting with = + - @ or a control character gets a leading '. */
export function neutralise(value: string | number | null | undefined): string | number {
  if (typeof value === "number") return value;
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The goals for the Integrationsbericht: one row per goal with a status and Sachstand column per year. */
export async function goalsTable(input: { filter?: GoalFilter; appUrl: string }) {
  const t = translator("de");
  const list = await listGoals(input.filter ?? {});
  const details = list.length
    ? await db
        .select({
          id: goals.id,
          partners: goals.partners,
          measure: goals.measure,
          indicator: goals.indicator,
          description: goals.description,
        })
        .from(goals)
        .where(
          inArray(
            goals.id,
            list.map((g) => g.id),
          ),
        )
        .orderBy(asc(goals.id))
    : [];
  const years = [...new Set(list.flatMap((g) => g.history.map((h) => h.year)))].sort();
  const header = [
    "ID",
    "Ziel",
    "Beschreibung",
    "Handlungsfeld",
    "Verantwortlich",
    "Partner",
    "Maßnahme",
    "Indikator",
    "Zieljahr",
    "Handlungsempfehlungen",
    ...years.flatMap((y) => [`Status ${y}`, `Sachstand ${y}`]),
    "Adresse",
  ];
  const rows = list.map((g) => {
    const d = details.find((x) => x.id === g.id)!;
    return [
      g.id,
      g.title,
      d.description,
      g.fieldName ?? "",
      g.groupName,
      d.partners,
      d.measure,
      d.indicator,
      g.targetYear,
      g.recommendations
        .map((r) => r.code)
        .sort()
        .join(", "),
      ...years.flatMap((y) => {
        const h = g.history.find((x) => x.year === y);
        return [h ? t(`goals.status.${h.status}`) : "", h?.sachstand ?? ""];
      }),
      `${input.appUrl}/ziele/${g.id}`,
    ];
  });
  const history = list.flatMap((g) =>
    g.history.map((h) => [g.id, g.title, h.year, t(`goals.status.${h.status}`), h.sachstand]),
  );
  return { header, rows, history };
}

export async function goalsCsv(input: { filter?: GoalFilter; appUrl: string }): Promise<string> {
  const { header, rows } = await goalsTable(input);
  // BOM and semicolons: German Excel opens the file with umlauts and columns intact.
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(neutralise))], { delimiter: ";", record_delimiter: "\r\n" })}`;
}

export async function goalsXlsx(input: { filter?: GoalFilter; appUrl: string }): Promise<Buffer> {
  const { header, rows, history } = await goalsTable(input);
  const book = new ExcelJS.Workbook();
  book.creator = "Integrationskonferenz";
  const sheet = book.addWorksheet("Ziele");
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(neutralise));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.columns.forEach((column, i) => (column.width = i === 1 || i === 2 ? 40 : 18));
  const log = book.addWorksheet("Verlauf");
  log.addRow(["ID", "Ziel", "Jahr", "Status", "Sachstand"]).font = { bold: true };
  for (const row of history) log.addRow(row.map(neutralise));
  return Buffer.from(await book.xlsx.writeBuffer());
}

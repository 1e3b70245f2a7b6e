import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { auditLog, indicatorValues, users } from "~/db/schema";
import { applyImport, planImport, previewImport, readImportFile, signPlan, verifyPlan } from "./import.server";
import { getIndicator, saveIndicator, writeValues } from "./indicators.server";
import type { IndicatorInput } from "./monitoring.schema";
import { parseDecimal, valueForInput } from "./numbers";
import { readValueTable } from "./value-table";

const input = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
  name: "Arbeitslosenquote",
  area: "beschaeftigung",
  definition: "",
  unit: "%",
  decimals: 1,
  source: "",
  comparison: "nationality",
  fieldIds: [],
  published: true,
  ...over,
});

const csv = (text: string, name = "werte.csv") => ({ name, bytes: new TextEncoder().encode(text) });

async function organiser() {
  const [user] = await db
    .insert(users)
    .values({ email: `orga-import-${crypto.randomUUID()}@example.org`, name: "Ines Import", role: "organiser" })
    .returning();
  return { id: user!.id, name: user!.name };
}

async function indicator(over: Partial<IndicatorInput> = {}) {
  const saved = await saveIndicator({ input: input(over), actor: null });
  if (!saved.ok) throw new Error("not saved");
  return saved;
}

const storedValues = async (id: string) => (await getIndicator(id))!.values;

describe("parseDecimal", () => {
  it("reads German and English numbers and refuses anything else", () => {
    expect(parseDecimal("12,5")).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal(" 12.5 ")).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal("1.234,5")).toEqual({ ok: true, value: 1234.5 });
    expect(parseDecimal("1,234.5")).toEqual({ ok: true, value: 1234.5 });
    expect(parseDecimal("1.234.567")).toEqual({ ok: true, value: 1234567 });
    expect(parseDecimal("−3,2")).toEqual({ ok: true, value: -3.2 });
    expect(parseDecimal("")).toEqual({ ok: true, value: null });
    expect(parseDecimal("-")).toEqual({ ok: true, value: null });
    // What the value table shows can be read back, small and large values too.
    for (const v of [0.0000001, 12.5, -3.25, 1e21])
      expect(parseDecimal(valueForInput(v, "de"))).toEqual({ ok: true, value: v });
    for (const bad of ["12,x", "abc", "1,2,3", "12..5", "1.23,4.5", "--1", "1e5"])
      expect(parseDecimal(bad).ok).toBe(false);
  });
});

describe("import", () => {
  it("reads a semicolon CSV with BOM and decimal commas, previews new/changed/unchanged and writes it in one go", async () => {
    const a = await indicator();
    const b = await indicator({
      name: "Einbürgerungen",
      area: "rechtliche_situation",
      comparison: "none",
      unit: "Personen",
    });
    await db.transaction((tx) =>
      writeValues(tx, a.id, [
        { year: 2020, group: "german", value: 6 },
        { year: 2020, group: "foreign", value: 18 },
      ]),
    );
    const file = csv(
      "\uFEFFindikator;jahr;gruppe;wert\n" +
        "arbeitslosenquote;2020;Deutsche;6\n" +
        "Arbeitslosenquote;2020;Ausländerinnen und Ausländer;17,5\n" +
        "arbeitslosenquote;2021;foreign;16,9\n" +
        "arbeitslosenquote;2021;deutsche;\n" +
        "\n" +
        "einbuergerungen;2021;Alle;1.234\n",
    );
    const preview = await previewImport(file);
    expect(preview.errors).toEqual([]);
    expect(preview.skipped).toBe(1);
    const planA = preview.indicators.find((i) => i.id === a.id)!;
    expect(planA.counts).toEqual({ new: 1, changed: 1, unchanged: 1 });
    expect(planA.changes).toEqual([
      { year: 2020, group: "foreign", before: 18, value: 17.5, status: "changed" },
      { year: 2021, group: "foreign", before: null, value: 16.9, status: "new" },
    ]);
    expect(preview.indicators.find((i) => i.id === b.id)!.changes).toEqual([
      { year: 2021, group: "total", before: null, value: 1.234, status: "new" },
    ]);
    expect(preview.changes).toHaveLength(3);

    const actor = await organiser();
    expect(await applyImport({ changes: preview.changes, actor })).toEqual({ ok: true, written: 3, indicators: 2 });
    expect(await storedValues(a.id)).toEqual([
      { year: 2020, group: "german", value: 6 },
      { year: 2020, group: "foreign", value: 17.5 },
      { year: 2021, group: "foreign", value: 16.9 },
    ]);
    const entries = await db.select().from(auditLog).where(eq(auditLog.actorId, actor.id));
    expect(entries.map((e) => e.action)).toEqual(["indicator.values", "indicator.values"]);
  });

  it("reports every broken row with its line and plans nothing to write", async () => {
    const a = await indicator({ name: "Übergangsquote Gymnasium", area: "bildung", comparison: "migration" });
    const file = csv(
      "indikator,jahr,gruppe,wert\n" +
        `${a.slug},2019,mit,41.5\n` +
        `${a.slug},2019,mit,42\n` +
        `${a.slug},1800,ohne,50\n` +
        `${a.slug},2020,Deutsche,50\n` +
        `${a.slug},2020,Marsianer,50\n` +
        `unbekannt,2020,ohne,50\n` +
        `${a.slug},2021,ohne,"12,x"\n`,
    );
    const preview = await previewImport(file);
    expect(preview.changes).toEqual([]);
    expect(preview.errors.map((e) => [e.line, e.key])).toEqual([
      [3, "monitoringAdmin.import.duplicate"],
      [4, "monitoringAdmin.import.year"],
      [5, "monitoringAdmin.import.groupNotCompared"],
      [6, "monitoringAdmin.import.groupUnknown"],
      [7, "monitoringAdmin.import.indicatorUnknown"],
      [8, "monitoringAdmin.import.number"],
    ]);
    expect(preview.errors.at(-1)?.vars).toEqual({ value: "12,x" });
    expect(await storedValues(a.id)).toEqual([]);
  });

  it("refuses a header without the needed columns, and a wide table's unknown group column", async () => {
    expect((await readImportFile(csv("indikator;jahr;wert\nx;2020;1\n"))).errors).toEqual([
      { line: 1, key: "monitoringAdmin.import.missingColumn", vars: { column: "gruppe" } },
    ]);
    expect((await readImportFile(csv("indikator;jahr;Deutsche;Deutche\nx;2020;1;2\n"))).errors).toEqual([
      { line: 1, key: "monitoringAdmin.import.unknownColumn", vars: { column: "Deutche" } },
    ]);
    expect((await readImportFile(csv('indikator;jahr;gruppe;wert\nx;"2020;alle;1\n'))).errors[0]?.key).toBe(
      "monitoringAdmin.import.csvBroken",
    );
    expect((await readImportFile(csv("", "leer.csv"))).errors[0]?.key).toBe("monitoringAdmin.import.noFile");
  });

  it("reads the wide format and Excel workbooks (first sheet), and Windows-1252 CSV", async () => {
    const a = await indicator({ name: "Schulabschluss", area: "bildung" });
    const wide = await readImportFile(csv(`indikator;jahr;Deutsche;Ausländer;Alle\n${a.slug};2022;90,5;-;88\n`));
    expect(wide.errors).toEqual([]);
    expect(wide.rows.map((r) => [r.group, r.value])).toEqual([
      ["Deutsche", "90,5"],
      ["Alle", "88"],
    ]);
    expect(wide.skipped).toBe(1);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Werte");
    sheet.addRow(["Indikator", "Jahr", "Gruppe", "Wert"]);
    sheet.addRow(["Schulabschluss", 2023, "Ausländerinnen und Ausländer", 71.25]);
    sheet.addRow(["Schulabschluss", "2023", "Deutsche", "91,5"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const preview = await previewImport({ name: "werte.xlsx", bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.changes).toEqual([
      { indicatorId: a.id, year: 2023, group: "foreign", value: 71.25 },
      { indicatorId: a.id, year: 2023, group: "german", value: 91.5 },
    ]);

    const broken = await previewImport({ name: "werte.xlsx", bytes: bytes.slice(0, 200) });
    expect(broken.errors[0]?.key).toBe("monitoringAdmin.import.xlsxBroken");

    const latin1 = Uint8Array.from([
      ...Buffer.from("indikator;jahr;gruppe;wert\nSchulabschluss;2024;Ausl", "latin1"),
      0xe4,
      ...Buffer.from("nder;70,1\n", "latin1"),
    ]);
    expect((await previewImport({ name: "excel.csv", bytes: latin1 })).changes).toEqual([
      { indicatorId: a.id, year: 2024, group: "foreign", value: 70.1 },
    ]);
  });

  it("keeps the plan signed between preview and import, bound to the organiser, and refuses a stale one", async () => {
    const a = await indicator({ name: "Wohngeld", area: "lebensunterhalt" });
    const plan = await planImport([{ line: 2, indicator: a.slug, year: 2020, group: "Alle", value: "3" }]);
    const actor = await organiser();
    const signed = signPlan(plan.changes, actor.id);
    expect(verifyPlan({ ...signed, userId: actor.id })).toEqual(plan.changes);
    expect(verifyPlan({ ...signed, userId: crypto.randomUUID() })).toBeNull();
    const forged = Buffer.from(JSON.stringify({ u: actor.id, t: Date.now(), c: [[a.id, 2020, "total", 99]] })).toString(
      "base64url",
    );
    expect(verifyPlan({ plan: forged, mac: signed.mac, userId: actor.id })).toBeNull();
    expect(verifyPlan({ ...signed, userId: actor.id, now: new Date(Date.now() + 3 * 60 * 60_000) })).toBeNull();

    // The comparison changed after the preview: nothing is written.
    await saveIndicator({
      id: a.id,
      input: input({ name: "Wohngeld", area: "lebensunterhalt", comparison: "migration" }),
      actor: null,
    });
    const stale = await planImport([{ line: 2, indicator: a.slug, year: 2020, group: "Deutsche", value: "3" }]);
    expect(stale.errors).toHaveLength(1);
    expect(
      await applyImport({ changes: [{ indicatorId: a.id, year: 2020, group: "german", value: 3 }], actor }),
    ).toEqual({ ok: false, reason: "stale" });
    expect(await db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, a.id))).toEqual([]);
  });
});

describe("value table", () => {
  it("takes German decimals, empties as removals, a new year, and refuses bad cells without changes", async () => {
    const a = await indicator({ name: "Tabelle" });
    await db.transaction((tx) =>
      writeValues(tx, a.id, [
        { year: 2020, group: "german", value: 6 },
        { year: 2020, group: "foreign", value: 18 },
      ]),
    );
    const current = (await getIndicator(a.id))!;
    const ok = readValueTable(current, {
      "w-2020-german": "6",
      "w-2020-foreign": "",
      "w-2020-total": "10,5",
      neuesJahr: "2021",
      "w-neu-german": "5,9",
    });
    expect(ok).toEqual({
      ok: true,
      changes: [
        { year: 2020, group: "foreign", value: null },
        { year: 2020, group: "total", value: 10.5 },
        { year: 2021, group: "german", value: 5.9 },
      ],
    });
    expect(readValueTable(current, { "w-2020-german": "12,x", neuesJahr: "2020", "w-neu-total": "1" })).toEqual({
      ok: false,
      errors: { "w-2020-german": "monitoringAdmin.values.notNumber", neuesJahr: "monitoringAdmin.values.yearTaken" },
    });
    expect(readValueTable(current, { "w-neu-total": "1" })).toMatchObject({
      ok: false,
      errors: { neuesJahr: "monitoringAdmin.values.yearMissing" },
    });
  });
});

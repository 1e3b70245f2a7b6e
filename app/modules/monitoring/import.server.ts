import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { z } from "zod";
import { db } from "~/db/client.server";
import { POPULATION_GROUPS, type MonitoringArea, type PopulationGroup } from "~/db/enums";
import { indicators } from "~/db/schema";
import type { MessageKey } from "~/i18n/catalog";
import { catalog } from "~/i18n/catalog";
import { recordAudit } from "~/modules/audit/audit.server";
import { inspectOfficeZip, tempName } from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";
import { env } from "~/utils/env.server";
import { valuesOf, writeValues, type ValueChange } from "./indicators.server";
import { parseDecimal } from "./numbers";
import { groupsOf } from "./value-table";

/**
 * Importing indicator values from CSV or XLSX, in three steps: read the file (`readImportFile`),
 * check every row against the indicators and show what would change (`planImport`), and after the
 * organiser's "Übernehmen" write everything in one transaction (`applyImport`). Between the steps
 * the checked changes travel in the form, signed with the session secret (`signPlan`/`verifyPlan`),
 * so nothing the browser sends back is trusted blindly, and they are checked again before writing.
 *
 * Format (documented on the import page): a header row, then one value per row —
 * `indikator;jahr;gruppe;wert` (long) — or one row per indicator and year with a column per group,
 * `indikator;jahr;deutsche;auslaender;alle` (wide). Indicator by address (slug) or exact name, group
 * by its German label or code, value with decimal comma or point; `;`, `,` or tab separated, UTF-8
 * with or without BOM (Windows-1252 as Excel saves it works too); in an Excel file the first sheet.
 */

export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2100;
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** How long a preview can be taken over. */
const PLAN_MAX_AGE_MS = 2 * 60 * 60_000;

export type ImportError = { line: number; key: MessageKey; vars?: Record<string, string | number> };
type Cell = string | number;
/** One value of the file: where it stands and what it says (not yet checked). */
export type ImportRow = { line: number; indicator: string; year: Cell; group: string; value: Cell };

/** Lower case, umlauts spelled out, only letters and digits: "Ausländer/-innen" → "auslaenderinnen". */
export function fold(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

const EXTRA_GROUP_NAMES: Record<PopulationGroup, string[]> = {
  total: ["alle", "insgesamt", "gesamt", "gesamtbevoelkerung", "all", "einwohner"],
  german: ["deutsche", "deutsch", "deutschestaatsangehoerige"],
  foreign: ["auslaender", "auslaenderinnen", "nichtdeutsche", "auslaendischestaatsangehoerige", "auslaendisch"],
  with_migration: ["mit", "mitmigrationshintergrund", "mitmigrationsgeschichte", "mitzuwanderungsgeschichte"],
  without_migration: ["ohne", "ohnemigrationshintergrund", "ohnemigrationsgeschichte", "ohnezuwanderungsgeschichte"],
};

/** Every spelling of a group the import understands (code, German and English label, common terms). */
const GROUP_NAMES = new Map<string, PopulationGroup>(
  POPULATION_GROUPS.flatMap((g) =>
    [
      g,
      catalog.de[`monitoring.group.${g}`] ?? g,
      catalog.en[`monitoring.group.${g}`] ?? g,
      ...EXTRA_GROUP_NAMES[g],
    ].map((name) => [fold(name), g] as const),
  ),
);

export function groupFromName(name: string): PopulationGroup | null {
  return GROUP_NAMES.get(fold(name)) ?? null;
}

const COLUMNS = {
  indicator: ["indikator", "indicator", "kennzahl"],
  year: ["jahr", "year"],
  group: ["gruppe", "group", "bevoelkerungsgruppe"],
  value: ["wert", "value"],
} as const;
type Column = keyof typeof COLUMNS;

function columnOf(header: string): Column | null {
  const f = fold(header);
  for (const [column, names] of Object.entries(COLUMNS))
    if ((names as readonly string[]).includes(f)) return column as Column;
  return null;
}

type Table = { header: string[]; lines: { line: number; cells: Cell[] }[] };

/** The bytes as text: UTF-8 (BOM or not), else Windows-1252 (what Excel's "CSV" saves in Germany). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function readCsv(bytes: Uint8Array): Table | ImportError {
  const text = decode(bytes);
  if (text.includes("\u0000")) return { line: 0, key: "monitoringAdmin.import.unreadable" };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (d: string) => firstLine.split(d).length - 1;
  const delimiter = [";", "\t", ","].reduce((best, d) => (count(d) > count(best) ? d : best), ";");
  try {
    const records = parse(text, {
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const [head, ...rest] = records;
    if (!head) return { line: 0, key: "monitoringAdmin.import.empty" };
    return { header: head.record, lines: rest.map((r) => ({ line: r.info.lines, cells: r.record })) };
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
    return { line, key: "monitoringAdmin.import.csvBroken" };
  }
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("result" in value) return cellOf((value.result ?? "") as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<Table | ImportError> {
  // Looked into like every Office upload first: no zip bombs, no macros, really a workbook.
  const dir = uploadsTmpDir();
  await mkdir(dir, { recursive: true });
  const file = tempName(dir);
  try {
    await writeFile(file, bytes);
    await inspectOfficeZip(file, "xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    if (!sheet) return { line: 0, key: "monitoringAdmin.import.empty" };
    const rows: { line: number; cells: Cell[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellOf(row.getCell(c).value));
      const trimmed = cells.map((v) => (typeof v === "string" ? v.trim() : v));
      if (trimmed.some((v) => v !== "")) rows.push({ line, cells: trimmed });
    });
    const [head, ...rest] = rows;
    if (!head) return { line: 0, key: "monitoringAdmin.import.empty" };
    return { header: head.cells.map(String), lines: rest };
  } catch {
    return { line: 0, key: "monitoringAdmin.import.xlsxBroken" };
  } finally {
    await rm(file, { force: true });
  }
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The file's rows, in the long or the wide format; file-level problems as errors (line 0 or 1). */
export async function readImportFile(file: {
  name: string;
  bytes: Uint8Array;
}): Promise<{ rows: ImportRow[]; skipped: number; errors: ImportError[] }> {
  const fail = (e: ImportError) => ({ rows: [], skipped: 0, errors: [e] });
  if (file.bytes.length === 0) return fail({ line: 0, key: "monitoringAdmin.import.noFile" });
  if (file.bytes.length > MAX_IMPORT_BYTES) return fail({ line: 0, key: "monitoringAdmin.import.tooLarge" });
  const lower = file.name.toLowerCase();
  if (lower.endsWith(".xls") || lower.endsWith(".ods")) return fail({ line: 0, key: "monitoringAdmin.import.format" });
  const table = isZip(file.bytes) || lower.endsWith(".xlsx") ? await readXlsx(file.bytes) : readCsv(file.bytes);
  if ("key" in table) return fail(table);
  if (table.lines.length > MAX_IMPORT_ROWS)
    return fail({ line: 0, key: "monitoringAdmin.import.tooManyRows", vars: { max: MAX_IMPORT_ROWS } });

  const columns = table.header.map(columnOf);
  const at = (c: Column) => columns.indexOf(c);
  const errors: ImportError[] = [];
  for (const c of ["indicator", "year"] as const)
    if (at(c) < 0)
      errors.push({ line: 1, key: "monitoringAdmin.import.missingColumn", vars: { column: COLUMNS[c][0] } });
  const long = at("group") >= 0 || at("value") >= 0;
  const groupColumns = table.header.map((h, i) => (columns[i] ? null : { index: i, label: h.trim() }));
  if (long) {
    for (const c of ["group", "value"] as const)
      if (at(c) < 0)
        errors.push({ line: 1, key: "monitoringAdmin.import.missingColumn", vars: { column: COLUMNS[c][0] } });
  } else {
    // Wide: every other column is a group.
    const named = groupColumns.filter((g): g is { index: number; label: string } => g !== null && g.label !== "");
    for (const g of named)
      if (!groupFromName(g.label))
        errors.push({ line: 1, key: "monitoringAdmin.import.unknownColumn", vars: { column: g.label } });
    if (!named.length) errors.push({ line: 1, key: "monitoringAdmin.import.noGroupColumns" });
  }
  if (errors.length) return { rows: [], skipped: 0, errors };

  const rows: ImportRow[] = [];
  let skipped = 0;
  const text = (cells: Cell[], i: number) => String(cells[i] ?? "").trim();
  const isEmpty = (v: Cell | undefined) => {
    if (v === undefined) return true;
    if (typeof v === "number") return false;
    const parsed = parseDecimal(v);
    return parsed.ok && parsed.value === null;
  };
  for (const { line, cells } of table.lines) {
    if (cells.every((c) => String(c).trim() === "")) continue;
    const base = { line, indicator: text(cells, at("indicator")), year: cells[at("year")] ?? "" };
    if (long) {
      const value = cells[at("value")];
      if (isEmpty(value)) skipped += 1;
      else rows.push({ ...base, group: text(cells, at("group")), value: value! });
    } else {
      for (const g of groupColumns) {
        if (!g || g.label === "") continue;
        const value = cells[g.index];
        if (isEmpty(value)) skipped += 1;
        else rows.push({ ...base, group: g.label, value: value! });
      }
    }
  }
  if (!rows.length) return { rows, skipped, errors: [{ line: 0, key: "monitoringAdmin.import.noValues" }] };
  return { rows, skipped, errors: [] };
}

export type ChangeStatus = "new" | "changed" | "unchanged";
export type PlannedIndicator = {
  id: string;
  name: string;
  area: MonitoringArea;
  counts: Record<ChangeStatus, number>;
  /** The new and changed values (unchanged ones are only counted). */
  changes: { year: number; group: PopulationGroup; before: number | null; value: number; status: ChangeStatus }[];
  decimals: number;
};
export type PlannedChange = { indicatorId: string; year: number; group: PopulationGroup; value: number };
export type ImportPlan = {
  errors: ImportError[];
  indicators: PlannedIndicator[];
  /** Everything to write: new and changed values (empty while there are errors). */
  changes: PlannedChange[];
};

type KnownIndicator = {
  id: string;
  slug: string;
  name: string;
  area: MonitoringArea;
  comparison: (typeof indicators.$inferSelect)["comparison"];
  decimals: number;
};

const normalName = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("de");

function parseYear(cell: Cell): number | null {
  const text = String(cell).trim();
  if (!/^\d{4}$/.test(text) && !(typeof cell === "number" && Number.isInteger(cell))) return null;
  const year = Number(text);
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

function parseValue(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  const parsed = parseDecimal(cell);
  return parsed.ok ? parsed.value : null;
}

/**
 * Checks every row (indicator, year, group, number, duplicates) and compares with the stored
 * values. Every bad row is reported with its line; with any error nothing is to be written.
 */
export async function planImport(rows: ImportRow[]): Promise<ImportPlan> {
  const all: KnownIndicator[] = await db
    .select({
      id: indicators.id,
      slug: indicators.slug,
      name: indicators.name,
      area: indicators.area,
      comparison: indicators.comparison,
      decimals: indicators.decimals,
    })
    .from(indicators);
  const bySlug = new Map(all.map((i) => [i.slug, i]));
  const byName = new Map<string, KnownIndicator[]>();
  for (const i of all) byName.set(normalName(i.name), [...(byName.get(normalName(i.name)) ?? []), i]);

  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  const accepted: (PlannedChange & { line: number })[] = [];
  for (const row of rows) {
    const { line } = row;
    const named = byName.get(normalName(row.indicator)) ?? [];
    const indicator = bySlug.get(row.indicator.trim().toLowerCase()) ?? (named.length === 1 ? named[0] : undefined);
    let ok = true;
    if (!row.indicator) {
      errors.push({ line, key: "monitoringAdmin.import.indicatorMissing" });
      ok = false;
    } else if (!indicator) {
      errors.push({
        line,
        key: named.length > 1 ? "monitoringAdmin.import.indicatorAmbiguous" : "monitoringAdmin.import.indicatorUnknown",
        vars: { indicator: row.indicator },
      });
      ok = false;
    }
    const year = parseYear(row.year);
    if (year === null) {
      errors.push({
        line,
        key: "monitoringAdmin.import.year",
        vars: { year: String(row.year), first: FIRST_YEAR, last: LAST_YEAR },
      });
      ok = false;
    }
    const group = groupFromName(row.group);
    if (!group) {
      errors.push({ line, key: "monitoringAdmin.import.groupUnknown", vars: { group: row.group } });
      ok = false;
    } else if (indicator && !groupsOf(indicator.comparison).includes(group)) {
      errors.push({
        line,
        key: "monitoringAdmin.import.groupNotCompared",
        vars: { group: row.group, indicator: indicator.name },
      });
      ok = false;
    }
    const value = parseValue(row.value);
    if (value === null) {
      errors.push({ line, key: "monitoringAdmin.import.number", vars: { value: String(row.value) } });
      ok = false;
    }
    if (!ok || !indicator || year === null || !group || value === null) continue;
    const key = `${indicator.id}:${year}:${group}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, key: "monitoringAdmin.import.duplicate", vars: { other: first } });
      continue;
    }
    seen.set(key, line);
    accepted.push({ line, indicatorId: indicator.id, year, group, value });
  }

  const touched = all.filter((i) => accepted.some((a) => a.indicatorId === i.id));
  const stored = await valuesOf(touched.map((i) => i.id));
  const planned: PlannedIndicator[] = touched.map((i) => {
    const before = new Map((stored.get(i.id) ?? []).map((v) => [`${v.year}:${v.group}`, v.value]));
    const counts: Record<ChangeStatus, number> = { new: 0, changed: 0, unchanged: 0 };
    const changes: PlannedIndicator["changes"] = [];
    for (const a of accepted.filter((x) => x.indicatorId === i.id).sort((x, y) => x.year - y.year)) {
      const old = before.get(`${a.year}:${a.group}`) ?? null;
      const status: ChangeStatus = old === null ? "new" : old === a.value ? "unchanged" : "changed";
      counts[status] += 1;
      if (status !== "unchanged") changes.push({ year: a.year, group: a.group, before: old, value: a.value, status });
    }
    return { id: i.id, name: i.name, area: i.area, decimals: i.decimals, counts, changes };
  });
  errors.sort((a, b) => a.line - b.line);
  const changes = errors.length
    ? []
    : planned.flatMap((p) =>
        p.changes.map((c) => ({ indicatorId: p.id, year: c.year, group: c.group, value: c.value })),
      );
  return { errors, indicators: planned, changes };
}

/** Reads and checks an uploaded file in one go (the preview step). */
export async function previewImport(file: {
  name: string;
  bytes: Uint8Array;
}): Promise<ImportPlan & { skipped: number }> {
  const read = await readImportFile(file);
  if (read.errors.length) return { errors: read.errors, indicators: [], changes: [], skipped: read.skipped };
  return { ...(await planImport(read.rows)), skipped: read.skipped };
}

// The checked changes between preview and "Übernehmen": compact, signed, bound to the organiser.

const planPayload = z.object({
  u: z.string(),
  t: z.number().int(),
  c: z.array(
    z.tuple([
      z.uuid(),
      z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
      z.enum(POPULATION_GROUPS),
      z.number().refine(Number.isFinite),
    ]),
  ),
});

function mac(payload: string): string {
  return createHmac("sha256", env.SESSION_SECRET).update(`monitoring-import:${payload}`).digest("base64url");
}

export function signPlan(changes: PlannedChange[], userId: string, now = new Date()): { plan: string; mac: string } {
  const payload = Buffer.from(
    JSON.stringify({
      u: userId,
      t: now.getTime(),
      c: changes.map((c) => [c.indicatorId, c.year, c.group, c.value]),
    }),
  ).toString("base64url");
  return { plan: payload, mac: mac(payload) };
}

/** The changes of a signed plan, when the signature holds, it is this organiser's and not too old. */
export function verifyPlan(input: { plan: string; mac: string; userId: string; now?: Date }): PlannedChange[] | null {
  const expected = Buffer.from(mac(input.plan));
  const sent = Buffer.from(input.mac);
  if (expected.length !== sent.length || !timingSafeEqual(expected, sent)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(input.plan, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = planPayload.safeParse(raw);
  if (!parsed.success || parsed.data.u !== input.userId) return null;
  const age = (input.now ?? new Date()).getTime() - parsed.data.t;
  if (age < 0 || age > PLAN_MAX_AGE_MS) return null;
  return parsed.data.c.map(([indicatorId, year, group, value]) => ({ indicatorId, year, group, value }));
}

export type ApplyResult = { ok: true; written: number; indicators: number } | { ok: false; reason: "stale" };

/**
 * Writes a checked import: all values of all indicators in ONE transaction, one audit entry per
 * indicator. When an indicator was deleted or its comparison changed since the preview, nothing is
 * written (the organiser checks the file again).
 */
export async function applyImport({
  changes,
  actor,
}: {
  changes: PlannedChange[];
  actor: { id: string; name: string };
}): Promise<ApplyResult> {
  const ids = [...new Set(changes.map((c) => c.indicatorId))];
  return db.transaction(async (tx) => {
    const found = ids.length
      ? await tx
          .select({ id: indicators.id, name: indicators.name, comparison: indicators.comparison })
          .from(indicators)
          .where(inArray(indicators.id, ids))
      : [];
    const stale = { ok: false as const, reason: "stale" as const };
    if (found.length !== ids.length) return stale;
    for (const indicator of found) {
      const own = changes.filter((c) => c.indicatorId === indicator.id);
      if (own.some((c) => !groupsOf(indicator.comparison).includes(c.group))) return stale;
    }
    for (const indicator of found) {
      const own: ValueChange[] = changes
        .filter((c) => c.indicatorId === indicator.id)
        .map((c) => ({ year: c.year, group: c.group, value: c.value }));
      await writeValues(tx, indicator.id, own);
      await recordAudit(tx, {
        actor,
        action: "indicator.values",
        subjectType: "indicator",
        subjectId: indicator.id,
        summary: `${indicator.name}: ${own.length} (Import)`,
      });
    }
    return { ok: true as const, written: changes.length, indicators: found.length };
  });
}

/**
 * The downloadable template: the long format with a row per indicator and group for the year after
 * its newest value (or last year), the value left empty for the statistics office to fill in.
 */
export async function importTemplateCsv(now = new Date()): Promise<string> {
  const all = await db
    .select({ id: indicators.id, slug: indicators.slug, comparison: indicators.comparison })
    .from(indicators)
    .orderBy(indicators.area, indicators.position, indicators.name);
  const values = await valuesOf(all.map((i) => i.id));
  const lines = ["indikator;jahr;gruppe;wert"];
  for (const i of all) {
    const years = (values.get(i.id) ?? []).map((v) => v.year);
    const year = years.length ? Math.max(...years) + 1 : now.getFullYear() - 1;
    for (const g of groupsOf(i.comparison))
      lines.push(`${i.slug};${year};${catalog.de[`monitoring.group.${g}`] ?? g};`);
  }
  if (lines.length === 1)
    lines.push("arbeitslosenquote;2025;Deutsche;6,0", "arbeitslosenquote;2025;Ausländerinnen und Ausländer;14,6");
  // With BOM: Excel then opens the umlauts right.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

import { parse } from "csv-parse/sync";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conceptVersions, fieldsOfAction, recommendations, recommendationSuccessors } from "~/db/schema";
import type { MessageKey } from "~/i18n/catalog";

/** The twelve Handlungsfelder of the Interkulturelles Gesamtkonzept with the code of their recommendations. */
export const FIELDS_OF_ACTION = [
  { code: "BIL", name: "Bildung" },
  { code: "ABE", name: "Ausbildung und Beschäftigung" },
  { code: "JFS", name: "Jugend, Freizeit und Sport" },
  { code: "WZS", name: "Wohnen, Zusammenleben im Stadtteil" },
  { code: "FLB", name: "Flüchtlinge, Beratung" },
  { code: "IOV", name: "Interkulturelle Öffnung der Verwaltung" },
  { code: "SPR", name: "Ganzheitliches Sprachförderkonzept" },
  { code: "AUM", name: "Alter und Migration" },
  { code: "GES", name: "Gesundheit" },
  { code: "FRA", name: "Frauen" },
  { code: "USB", name: "Übergang Schule/Beruf" },
  { code: "KUL", name: "Kultur" },
] as const;

export const CODE_PATTERN = /^[A-ZÄÖÜ]{2,5}-\d{1,3}[a-z]?$/;

/** Creates the Handlungsfelder once (idempotent) and returns them in concept order. */
export async function ensureFieldsOfAction() {
  await db
    .insert(fieldsOfAction)
    .values(FIELDS_OF_ACTION.map((f, i) => ({ code: f.code, name: f.name, position: i + 1 })))
    .onConflictDoNothing();
  return listFields();
}

export async function listFields() {
  return db.select().from(fieldsOfAction).orderBy(asc(fieldsOfAction.position));
}

/** The current concept version; created as "2012" (the council's concept) when there is none. */
export async function currentVersion() {
  const [current] = await db.select().from(conceptVersions).where(eq(conceptVersions.isCurrent, true)).limit(1);
  if (current) return current;
  const [any] = await db.select().from(conceptVersions).orderBy(asc(conceptVersions.createdAt)).limit(1);
  if (any) return any;
  const [created] = await db
    .insert(conceptVersions)
    .values({ label: "2012", isCurrent: true })
    .onConflictDoNothing()
    .returning();
  return created ?? (await db.select().from(conceptVersions).where(eq(conceptVersions.label, "2012")))[0]!;
}

export async function listVersions() {
  return db.select().from(conceptVersions).orderBy(asc(conceptVersions.createdAt));
}

export type LineError = { line: number; key: MessageKey; vars?: Record<string, string | number> };

type Row = Record<string, string>;

/** Parses CSV (comma or semicolon, header row, UTF-8 with or without BOM) with line numbers. */
function parseCsv(text: string): { rows: { line: number; row: Row }[]; error?: LineError } {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  try {
    const records = parse(text, {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as { record: Row; info: { lines: number } }[];
    return { rows: records.map((r) => ({ line: r.info.lines, row: r.record })) };
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
    return { rows: [], error: { line, key: "goals.csv.unreadable" } };
  }
}

export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: LineError[] };

/**
 * Imports Handlungsempfehlungen from CSV with the columns `code`, `handlungsfeld`, `titel`, `text`.
 * All or nothing: with any bad line nothing is saved and every bad line is reported.
 */
export async function importCatalogueCsv(input: { csv: string; versionId?: string }): Promise<ImportResult> {
  const fields = await ensureFieldsOfAction();
  const version = input.versionId
    ? (await db.select().from(conceptVersions).where(eq(conceptVersions.id, input.versionId)))[0]
    : await currentVersion();
  if (!version) return { ok: false, errors: [{ line: 0, key: "goals.csv.noVersion" }] };
  const { rows, error } = parseCsv(input.csv);
  if (error) return { ok: false, errors: [error] };
  const errors: LineError[] = [];
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, key: "goals.csv.empty" }] };
  const header = Object.keys(rows[0]!.row);
  for (const column of ["code", "handlungsfeld", "titel"]) {
    if (!header.includes(column)) errors.push({ line: 1, key: "goals.csv.missingColumn", vars: { column } });
  }
  if (errors.length) return { ok: false, errors };

  const byKey = new Map<string, (typeof fields)[number]>();
  for (const f of fields) {
    byKey.set(f.code.toLowerCase(), f);
    byKey.set(f.name.toLowerCase(), f);
  }
  const seen = new Map<string, number>();
  const values: (typeof recommendations.$inferInsert)[] = [];
  for (const { line, row } of rows) {
    const code = (row.code ?? "").toUpperCase();
    const fieldText = row.handlungsfeld ?? "";
    const title = row.titel ?? "";
    const field = byKey.get(fieldText.toLowerCase());
    if (!code) errors.push({ line, key: "goals.csv.codeMissing" });
    else if (!CODE_PATTERN.test(code)) errors.push({ line, key: "goals.csv.codeFormat", vars: { code } });
    else if (seen.has(code)) errors.push({ line, key: "goals.csv.codeTwice", vars: { code, other: seen.get(code)! } });
    if (!fieldText) errors.push({ line, key: "goals.csv.fieldMissing" });
    else if (!field) errors.push({ line, key: "goals.csv.fieldUnknown", vars: { field: fieldText } });
    else if (CODE_PATTERN.test(code) && !code.startsWith(`${field.code}-`))
      errors.push({ line, key: "goals.csv.codeField", vars: { code, prefix: field.code } });
    if (!title) errors.push({ line, key: "goals.csv.titleMissing" });
    else if (title.length > 300) errors.push({ line, key: "goals.csv.titleTooLong" });
    if ((row.text ?? "").length > 5000) errors.push({ line, key: "goals.csv.textTooLong" });
    if (code) seen.set(code, line);
    if (field) values.push({ versionId: version.id, code, title, text: row.text ?? "", fieldId: field.id });
  }
  if (errors.length) return { ok: false, errors };

  const existing = await db
    .select({ code: recommendations.code })
    .from(recommendations)
    .where(eq(recommendations.versionId, version.id));
  const known = new Set(existing.map((r) => r.code));
  await db.transaction(async (tx) => {
    for (const value of values) {
      await tx
        .insert(recommendations)
        .values(value)
        .onConflictDoUpdate({
          target: [recommendations.versionId, recommendations.code],
          set: { title: value.title, text: value.text, fieldId: value.fieldId, updatedAt: new Date() },
        });
    }
  });
  const created = values.filter((v) => !known.has(v.code)).length;
  return { ok: true, created, updated: values.length - created };
}

/** Recommendations of one version (the current by default), in concept order. */
export async function listRecommendations(versionId?: string) {
  const version = versionId ?? (await currentVersion()).id;
  return db
    .select({
      id: recommendations.id,
      code: recommendations.code,
      title: recommendations.title,
      text: recommendations.text,
      fieldId: recommendations.fieldId,
      fieldName: fieldsOfAction.name,
      fieldCode: fieldsOfAction.code,
      fieldPosition: fieldsOfAction.position,
    })
    .from(recommendations)
    .innerJoin(fieldsOfAction, eq(fieldsOfAction.id, recommendations.fieldId))
    .where(eq(recommendations.versionId, version))
    .orderBy(asc(fieldsOfAction.position), asc(recommendations.code));
}

export async function getRecommendation(id: string) {
  const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
  return row ?? null;
}

export async function updateRecommendation(input: { id: string; title: string; text: string }) {
  const rows = await db
    .update(recommendations)
    .set({ title: input.title, text: input.text, updatedAt: new Date() })
    .where(eq(recommendations.id, input.id))
    .returning({ id: recommendations.id });
  return rows.length > 0;
}

/** A new concept version; it becomes current once its successor mapping is in place. */
export async function createConceptVersion(label: string) {
  const [row] = await db.insert(conceptVersions).values({ label }).onConflictDoNothing().returning();
  return row ?? null;
}

/** Makes a version the current one; false (and nothing changed) when there is no such version. */
export async function makeVersionCurrent(versionId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [version] = await tx
      .select({ id: conceptVersions.id })
      .from(conceptVersions)
      .where(eq(conceptVersions.id, versionId));
    if (!version) return false;
    await tx.update(conceptVersions).set({ isCurrent: false }).where(eq(conceptVersions.isCurrent, true));
    await tx.update(conceptVersions).set({ isCurrent: true }).where(eq(conceptVersions.id, versionId));
    return true;
  });
}

const KINDS = {
  behalten: "kept",
  kept: "kept",
  zusammengefasst: "merged",
  merged: "merged",
  geteilt: "split",
  split: "split",
  entfallen: "dropped",
  dropped: "dropped",
} as const;

/**
 * Maps the recommendations of an old version to their successors from CSV with the columns
 * `alt`, `neu`, `art` (behalten, zusammengefasst, geteilt, entfallen). A split is one line per successor.
 */
export async function importSuccessorCsv(input: {
  csv: string;
  fromVersionId: string;
  toVersionId: string;
}): Promise<ImportResult> {
  const { rows, error } = parseCsv(input.csv);
  if (error) return { ok: false, errors: [error] };
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, key: "goals.csv.empty" }] };
  const header = Object.keys(rows[0]!.row);
  const errors: LineError[] = [];
  for (const column of ["alt", "art"])
    if (!header.includes(column)) errors.push({ line: 1, key: "goals.csv.missingColumn", vars: { column } });
  if (errors.length) return { ok: false, errors };
  const [oldRecs, newRecs] = await Promise.all([
    db
      .select({ id: recommendations.id, code: recommendations.code })
      .from(recommendations)
      .where(eq(recommendations.versionId, input.fromVersionId)),
    db
      .select({ id: recommendations.id, code: recommendations.code })
      .from(recommendations)
      .where(eq(recommendations.versionId, input.toVersionId)),
  ]);
  const oldByCode = new Map(oldRecs.map((r) => [r.code, r.id]));
  const newByCode = new Map(newRecs.map((r) => [r.code, r.id]));
  const values: (typeof recommendationSuccessors.$inferInsert)[] = [];
  for (const { line, row } of rows) {
    const from = (row.alt ?? "").toUpperCase();
    const to = (row.neu ?? "").toUpperCase();
    const kind = KINDS[(row.art ?? "").toLowerCase() as keyof typeof KINDS];
    const fromId = oldByCode.get(from);
    const toId = to ? newByCode.get(to) : undefined;
    if (!fromId) errors.push({ line, key: "goals.csv.oldUnknown", vars: { code: from || "–" } });
    if (!kind) errors.push({ line, key: "goals.csv.kindUnknown", vars: { kind: row.art ?? "" } });
    else if (kind === "dropped" && to) errors.push({ line, key: "goals.csv.droppedWithSuccessor" });
    else if (kind !== "dropped" && !to) errors.push({ line, key: "goals.csv.successorMissing" });
    else if (kind !== "dropped" && !toId) errors.push({ line, key: "goals.csv.newUnknown", vars: { code: to } });
    if (fromId && kind && (kind === "dropped" || toId)) values.push({ fromId, toId: toId ?? null, kind });
  }
  if (errors.length) return { ok: false, errors };
  await db.transaction(async (tx) => {
    const fromIds = [...new Set(values.map((v) => v.fromId))];
    await tx.delete(recommendationSuccessors).where(inArray(recommendationSuccessors.fromId, fromIds));
    await tx.insert(recommendationSuccessors).values(values);
  });
  return { ok: true, created: values.length, updated: 0 };
}

/**
 * For every recommendation id, the ids of the current version it lives on in (itself when it is
 * current; through kept/merged/split successors otherwise; none when dropped).
 */
export async function currentEquivalents(): Promise<Map<string, string[]>> {
  const version = await currentVersion();
  const [all, successors] = await Promise.all([
    db.select({ id: recommendations.id, versionId: recommendations.versionId }).from(recommendations),
    db.select().from(recommendationSuccessors),
  ]);
  const next = new Map<string, string[]>();
  for (const s of successors) if (s.toId) next.set(s.fromId, [...(next.get(s.fromId) ?? []), s.toId]);
  const isCurrent = new Map(all.map((r) => [r.id, r.versionId === version.id]));
  const result = new Map<string, string[]>();
  for (const r of all) {
    const found = new Set<string>();
    const queue = [r.id];
    const visited = new Set<string>();
    while (queue.length) {
      const id = queue.shift()!;
      if (visited.has(id)) continue;
      visited.add(id);
      if (isCurrent.get(id)) found.add(id);
      else queue.push(...(next.get(id) ?? []));
    }
    result.set(r.id, [...found]);
  }
  return result;
}

/** Successors of the given old recommendations with their codes (shown next to old links). */
export async function successorsOf(ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      fromId: recommendationSuccessors.fromId,
      kind: recommendationSuccessors.kind,
      toCode: recommendations.code,
    })
    .from(recommendationSuccessors)
    .leftJoin(recommendations, eq(recommendations.id, recommendationSuccessors.toId))
    .where(inArray(recommendationSuccessors.fromId, ids));
}

export async function findRecommendationsByCodes(codes: string[], versionId?: string) {
  if (codes.length === 0) return [];
  const version = versionId ?? (await currentVersion()).id;
  return db
    .select({ id: recommendations.id, code: recommendations.code })
    .from(recommendations)
    .where(and(eq(recommendations.versionId, version), inArray(recommendations.code, codes)));
}

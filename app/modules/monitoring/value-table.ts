import type { IndicatorComparison, PopulationGroup } from "~/db/enums";
import type { MessageKey } from "~/i18n/catalog";
import type { Indicator, ValueChange } from "./indicators.server";
import { parseDecimal } from "./numbers";
import { comparedGroups } from "./trend";

/**
 * The value table on an indicator's organiser page: one row per year, one column per group (the
 * compared pair and "total", plus any group that has values from before a comparison change), and
 * an empty row to add a year. An empty cell is no value; a bad number is an error at that cell.
 * Pure (the page renders with it too); saving is in value-table.server.ts.
 */

/** The groups an indicator takes values for: its compared pair and "total". */
export function groupsOf(comparison: IndicatorComparison): PopulationGroup[] {
  return [...new Set<PopulationGroup>([...comparedGroups(comparison), "total"])];
}

export const NEW_YEAR_FIELD = "neuesJahr";
export const cellName = (year: number | "neu", group: PopulationGroup) => `w-${year}-${group}`;

export function tableGroups(indicator: Pick<Indicator, "comparison" | "values">): PopulationGroup[] {
  const groups = groupsOf(indicator.comparison);
  for (const v of indicator.values) if (!groups.includes(v.group)) groups.push(v.group);
  return groups;
}

export function tableYears(indicator: Pick<Indicator, "values">): number[] {
  return [...new Set(indicator.values.map((v) => v.year))].sort((a, b) => a - b);
}

export type TableResult = { ok: true; changes: ValueChange[] } | { ok: false; errors: Record<string, MessageKey> };

/**
 * The changes the posted table makes (only cells that differ from the stored values). A cell the
 * form did not send stays as it is; a sent empty cell removes its value.
 */
export function readValueTable(
  indicator: Pick<Indicator, "comparison" | "values">,
  form: Record<string, string | string[]>,
): TableResult {
  const groups = tableGroups(indicator);
  const stored = new Map(indicator.values.map((v) => [`${v.year}:${v.group}`, v.value]));
  const field = (name: string) => {
    const raw = form[name];
    return Array.isArray(raw) ? raw[0] : raw;
  };
  const errors: Record<string, MessageKey> = {};
  const changes: ValueChange[] = [];
  const cell = (name: string, year: number | null, group: PopulationGroup) => {
    const text = field(name);
    if (text === undefined) return;
    const parsed = parseDecimal(text);
    if (!parsed.ok) {
      errors[name] = "monitoringAdmin.values.notNumber";
      return;
    }
    if (year === null) return;
    const before = stored.get(`${year}:${group}`) ?? null;
    if (parsed.value !== before) changes.push({ year, group, value: parsed.value });
  };
  const years = tableYears(indicator);
  for (const year of years) for (const group of groups) cell(cellName(year, group), year, group);

  // The new row: a year and at least one value, or nothing at all.
  const yearText = (field(NEW_YEAR_FIELD) ?? "").trim();
  const newCells = groups.map((g) => ({ group: g, text: (field(cellName("neu", g)) ?? "").trim() }));
  const anyValue = newCells.some((c) => {
    const p = parseDecimal(c.text);
    return !p.ok || p.value !== null;
  });
  if (yearText || anyValue) {
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (!yearText) errors[NEW_YEAR_FIELD] = "monitoringAdmin.values.yearMissing";
    else if (year === null || year < 1950 || year > 2100) errors[NEW_YEAR_FIELD] = "monitoringAdmin.values.yearInvalid";
    else if (years.includes(year)) errors[NEW_YEAR_FIELD] = "monitoringAdmin.values.yearTaken";
    else if (!anyValue) errors[NEW_YEAR_FIELD] = "monitoringAdmin.values.yearEmpty";
    for (const c of newCells) cell(cellName("neu", c.group), errors[NEW_YEAR_FIELD] ? null : year, c.group);
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, changes };
}

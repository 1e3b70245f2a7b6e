import type { Translate } from "~/i18n/catalog";
import type { IndicatorComparison, MonitoringArea, PopulationGroup } from "~/db/enums";
import { areaSlug } from "./monitoring.schema";
import { buildSeries, describeTrend, differenceUnit, formatValue, type IndicatorValue, type Trend } from "./trend";

/**
 * An indicator in short — its trend and the newest year's values per group — for the pages that
 * show data beside goals (goal page, participation pages, room view) and for the yearly report.
 * Pure and serialisable: loaders send it to the page.
 */
export type IndicatorDigest = {
  id: string;
  name: string;
  area: MonitoringArea;
  /** The public address: /monitoring/<area>/<slug>. */
  path: string;
  unit: string;
  decimals: number;
  example: boolean;
  trend: Trend;
  latestYear: number | null;
  latest: { group: PopulationGroup; value: number }[];
};

export function digest(indicator: {
  id: string;
  name: string;
  area: MonitoringArea;
  slug: string;
  unit: string;
  decimals: number;
  example: boolean;
  comparison: IndicatorComparison;
  values: IndicatorValue[];
}): IndicatorDigest {
  const series = buildSeries(indicator.values, indicator.comparison);
  const latestYear = series.years.at(-1) ?? null;
  const index = series.years.length - 1;
  const latest =
    latestYear === null
      ? []
      : series.lines
          .map((l) => ({ group: l.group, value: l.values[index] }))
          .filter((l): l is { group: PopulationGroup; value: number } => l.value != null);
  return {
    id: indicator.id,
    name: indicator.name,
    area: indicator.area,
    path: `/monitoring/${areaSlug(indicator.area)}/${indicator.slug}`,
    unit: indicator.unit,
    decimals: indicator.decimals,
    example: indicator.example,
    trend: describeTrend(series),
    latestYear,
    latest,
  };
}

/** The unit a difference is given in: Prozentpunkte for "%", else the indicator's unit. */
export function differenceUnitText(t: Translate, unit: string): string {
  const d = differenceUnit(unit);
  return d.points ? t("monitoring.unit.points") : d.unit;
}

/**
 * The generated sentence in the page's language: "Der Abstand ist seit 2017 um 5,2 Prozentpunkte
 * kleiner geworden." (a difference of percentages in Prozentpunkte, else in the indicator's unit).
 */
export function trendSentence(
  t: Translate,
  locale: string,
  i: { trend: Trend; unit: string; decimals: number },
): string {
  return t(i.trend.key, {
    since: i.trend.since ?? "",
    amount: formatValue(i.trend.amount, i.decimals, locale),
    unit: differenceUnitText(t, i.unit),
  }).replace(/\s+([.,])/g, "$1");
}

/** A value with its unit ("12,4 %", "46,8 Jahre"). */
export function valueWithUnit(value: number, d: Pick<IndicatorDigest, "unit" | "decimals">, locale: string): string {
  const n = formatValue(value, d.decimals, locale);
  return d.unit ? `${n} ${d.unit}` : n;
}

export const groupKey = (group: PopulationGroup) => `monitoring.group.${group}` as const;

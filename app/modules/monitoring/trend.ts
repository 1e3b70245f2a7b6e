import type { IndicatorComparison, PopulationGroup } from "~/db/enums";

/**
 * An indicator's values as time series, the gap between the two compared groups and one
 * plain-language sentence about where it is heading. Pure: pages, the report and tests use it.
 */
export type IndicatorValue = { year: number; group: PopulationGroup; value: number };

export type Series = {
  years: number[];
  /** One line per group that has values: the compared pair first, then "total". */
  lines: { group: PopulationGroup; values: (number | null)[] }[];
  /** The second compared group minus the first (foreign − german, with − without), per year; null without both. */
  gap: (number | null)[] | null;
};

/** The two groups an indicator compares, in the order the gap is taken (second − first). */
export function comparedGroups(comparison: IndicatorComparison): PopulationGroup[] {
  if (comparison === "nationality") return ["german", "foreign"];
  if (comparison === "migration") return ["without_migration", "with_migration"];
  return ["total"];
}

export function buildSeries(values: readonly IndicatorValue[], comparison: IndicatorComparison): Series {
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  const byKey = new Map(values.map((v) => [`${v.year}:${v.group}`, v.value]));
  const order = [...comparedGroups(comparison), "total" as const].filter((g, i, all) => all.indexOf(g) === i);
  const lines = order
    .filter((group) => values.some((v) => v.group === group))
    .map((group) => ({ group, values: years.map((y) => byKey.get(`${y}:${group}`) ?? null) }));
  const [first, second] = comparison === "none" ? [] : comparedGroups(comparison);
  const a = lines.find((l) => l.group === first);
  const b = lines.find((l) => l.group === second);
  const gap =
    a && b
      ? years.map((_, i) => (a.values[i] != null && b.values[i] != null ? b.values[i]! - a.values[i]! : null))
      : null;
  return { years, lines, gap };
}

export type TrendKey =
  | "monitoring.trend.gapSmaller"
  | "monitoring.trend.gapLarger"
  | "monitoring.trend.gapSame"
  | "monitoring.trend.rising"
  | "monitoring.trend.falling"
  | "monitoring.trend.flat"
  | "monitoring.trend.tooFew";

/** The sentence as a catalogue key and its parts; `amount` is unsigned and unrounded. */
export type Trend = { key: TrendKey; since: number | null; amount: number };

/** A step against the trend smaller than this share of the change so far is noise, not a turn. */
const NOISE = 0.1;

/**
 * Where the series has been heading lately: from the newest year back to the last turning point
 * (the run in which the gap — or, without a comparison, the value — kept moving the same way; a
 * step back smaller than a tenth of the change so far does not end the run), counted from the
 * run's extreme. "Der Abstand ist seit 2017 um 5,2 Prozentpunkte kleiner geworden." A gap is
 * measured by its size, so a gap that crosses zero counts by its absolute value.
 */
export function describeTrend(series: Series): Trend {
  const gapMode = series.gap !== null;
  const raw = gapMode ? series.gap! : (series.lines.find((l) => l.group === "total") ?? series.lines[0])?.values;
  const points = (raw ?? [])
    .map((v, i) => ({ year: series.years[i]!, value: v == null ? null : gapMode ? Math.abs(v) : v }))
    .filter((p): p is { year: number; value: number } => p.value !== null);
  if (points.length < 2) return { key: "monitoring.trend.tooFew", since: null, amount: 0 };
  const sign = (x: number) => (Math.abs(x) < 1e-9 ? 0 : x > 0 ? 1 : -1);
  const last = points.length - 1;
  const newest = points[last]!.value;
  const direction = sign(newest - points[last - 1]!.value);
  let start = last - 1;
  if (direction === 0) {
    while (start > 0 && sign(points[start]!.value - points[start - 1]!.value) === 0) start -= 1;
    return {
      key: gapMode ? "monitoring.trend.gapSame" : "monitoring.trend.flat",
      since: points[start]!.year,
      amount: 0,
    };
  }
  // Walk back while the earlier values lie on the far side of the run (within the noise).
  for (let i = last - 2; i >= 0; i -= 1) {
    const extreme = points[start]!.value;
    const beyond = direction * (extreme - points[i]!.value);
    if (beyond > 0) start = i;
    else if (-beyond > NOISE * Math.abs(newest - extreme)) break;
  }
  const since = points[start]!.year;
  const amount = Math.abs(newest - points[start]!.value);
  if (gapMode)
    return { key: direction < 0 ? "monitoring.trend.gapSmaller" : "monitoring.trend.gapLarger", since, amount };
  return { key: direction > 0 ? "monitoring.trend.rising" : "monitoring.trend.falling", since, amount };
}

/** A value as the page shows it: the indicator's decimals, the page's language. */
export function formatValue(value: number, decimals: number, locale: string): string {
  return new Intl.NumberFormat(locale === "ar" ? "ar-u-nu-latn" : locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** The unit of a difference: a difference of percentages is in Prozentpunkte. */
export function differenceUnit(unit: string): { points: true } | { points: false; unit: string } {
  return unit.trim() === "%" ? { points: true } : { points: false, unit };
}

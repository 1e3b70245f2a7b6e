import { stringify } from "csv-stringify/sync";
import { eq, max, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import { MONITORING_AREAS, type MonitoringArea, type PopulationGroup } from "~/db/enums";
import { indicators, indicatorValues } from "~/db/schema";
import { translator } from "~/i18n/catalog";
import { findIndicator, listIndicators, withDetails, type Indicator } from "./indicators.server";
import { areaSlug } from "./monitoring.schema";
import { buildSeries, describeTrend, type Series, type Trend } from "./trend";

/**
 * What the public monitoring pages show: published indicators only, each with its series (groups
 * and gap per year) and its trend. Nothing here knows HTTP; the routes answer 404 for null.
 */
export type PublicIndicator = Indicator & { series: Series; trend: Trend; href: string };

/** The indicator's stable address: /monitoring/<bereich>/<indikator>. */
export function indicatorPath(i: { area: MonitoringArea; slug: string }): string {
  return `/monitoring/${areaSlug(i.area)}/${i.slug}`;
}

function withTrend(list: Indicator[]): PublicIndicator[] {
  return list.map((i) => {
    const series = buildSeries(i.values, i.comparison);
    return { ...i, series, trend: describeTrend(series), href: indicatorPath(i) };
  });
}

/** All six areas in their order, each with its published indicators (an area may be empty). */
export async function monitoringOverview(): Promise<{ area: MonitoringArea; indicators: PublicIndicator[] }[]> {
  const all = withTrend(await withDetails(await listIndicators({ publishedOnly: true })));
  return MONITORING_AREAS.map((area) => ({ area, indicators: all.filter((i) => i.area === area) }));
}

/** One area's published indicators. */
export async function monitoringArea(area: MonitoringArea): Promise<PublicIndicator[]> {
  return withTrend(await withDetails(await listIndicators({ area, publishedOnly: true })));
}

/** One published indicator by its address; null when unknown, in another area or unpublished. */
export async function monitoringIndicator(area: MonitoringArea, slug: string): Promise<PublicIndicator | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const found = await findIndicator({ area, slug, publishedOnly: true });
  return found ? withTrend([found])[0]! : null;
}

/** A number for German spreadsheets: decimal comma, no thousands separator, the indicator's decimals. */
function germanNumber(value: number | null, decimals: number): string {
  if (value === null) return "";
  return new Intl.NumberFormat("de-DE", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  }).format(value);
}

/**
 * The indicator's values as CSV for German Excel: UTF-8 with BOM, `;` between fields, decimal
 * comma; one row per year, one column per group and the gap (German headings, like the page).
 */
export function indicatorCsv(indicator: PublicIndicator): string {
  const t = translator("de");
  const { series } = indicator;
  const groupLabel = (g: PopulationGroup) => t(`monitoring.group.${g}`);
  const header = [
    t("monitoring.public.year"),
    ...series.lines.map((l) => groupLabel(l.group)),
    ...(series.gap ? [t("monitoring.gap")] : []),
  ];
  const rows = series.years.map((year, i) => [
    String(year),
    ...series.lines.map((l) => germanNumber(l.values[i] ?? null, indicator.decimals)),
    ...(series.gap ? [germanNumber(series.gap[i] ?? null, indicator.decimals)] : []),
  ]);
  return stringify([header, ...rows], { delimiter: ";", bom: true, record_delimiter: "windows" });
}

/** The download's file name: stable, ASCII only (the address's parts). */
export function indicatorCsvName(indicator: { area: MonitoringArea; slug: string }): string {
  return `monitoring-${areaSlug(indicator.area)}-${indicator.slug}.csv`;
}

/**
 * The feed's part: published indicators that have values, newest change first, with the time of
 * their last change (the indicator's own or its newest value's).
 */
export async function updatedIndicators(limit = 50): Promise<
  {
    id: string;
    name: string;
    definition: string;
    example: boolean;
    href: string;
    updated: Date;
  }[]
> {
  const rows = await db
    .select({
      id: indicators.id,
      area: indicators.area,
      slug: indicators.slug,
      name: indicators.name,
      definition: indicators.definition,
      example: indicators.example,
      updatedAt: indicators.updatedAt,
      valuesAt: max(indicatorValues.updatedAt),
    })
    .from(indicators)
    .innerJoin(indicatorValues, eq(indicatorValues.indicatorId, indicators.id))
    .where(eq(indicators.published, true))
    .groupBy(indicators.id)
    .orderBy(sql`greatest(${indicators.updatedAt}, max(${indicatorValues.updatedAt})) desc`)
    .limit(limit);
  return rows.map((r) => {
    const valuesAt = r.valuesAt ? new Date(r.valuesAt) : r.updatedAt;
    return {
      id: r.id,
      name: r.name,
      definition: r.definition,
      example: r.example,
      href: indicatorPath(r),
      updated: valuesAt > r.updatedAt ? valuesAt : r.updatedAt,
    };
  });
}

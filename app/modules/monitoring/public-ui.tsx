import type { LinksFunction } from "@remix-run/node";
import { TableWrap } from "~/components/form";
import type { MonitoringArea } from "~/db/enums";
import type { MessageKey, Translate } from "~/i18n/catalog";
import { useGermanContent, useLocale, useT } from "~/i18n/i18n";
import styles from "~/styles/monitoring-public.css?url";
import { LineChart } from "./chart";
import { differenceUnitText, groupKey, trendSentence } from "./digest";
import { comparedGroups, formatValue, type Series, type Trend } from "./trend";

/** The parts of the public monitoring pages that several of them share. */
export const monitoringPublicLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export { groupKey, trendSentence };

export const areaKey = (area: MonitoringArea) => `monitoring.area.${area}` as MessageKey;

/** What a page needs of an indicator (the loader's data, dates as strings). */
export type ShownIndicator = {
  id: string;
  slug: string;
  area: MonitoringArea;
  name: string;
  unit: string;
  decimals: number;
  comparison: "nationality" | "migration" | "none";
  example: boolean;
  series: Series;
  trend: Trend;
  href: string;
};

export function ExampleNotice({ show }: { show: boolean }) {
  const t = useT();
  if (!show) return null;
  return (
    <p className="notice notice--example" role="note">
      {t("monitoring.example")}
    </p>
  );
}

/** The indicator's name: German data, marked as such on English and Arabic pages. */
export function IndicatorName({ name }: { name: string }) {
  const german = useGermanContent();
  return (
    <bdi lang={german.lang} dir={german.dir}>
      {name}
    </bdi>
  );
}

/** "Deutsche 6,0 %, Ausländerinnen und Ausländer 14,6 %" for the newest year with values. */
function latestValues(
  t: Translate,
  locale: string,
  years: number[],
  lines: { label: string; values: (number | null)[] }[],
  decimals: number,
  unit: string,
) {
  for (let i = years.length - 1; i >= 0; i -= 1) {
    const parts = lines
      .filter((l) => l.values[i] != null)
      .map((l) => `${l.label} ${formatValue(l.values[i]!, decimals, locale)}${unit ? ` ${unit}` : ""}`);
    if (parts.length) return t("monitoring.chart.latest", { year: years[i]!, values: parts.join(", ") });
  }
  return t("monitoring.chart.empty");
}

/** The groups side by side over time. */
export function IndicatorChart({ indicator, compact = false }: { indicator: ShownIndicator; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { series } = indicator;
  const lines = series.lines.map((l) => ({ label: t(groupKey(l.group)), values: l.values }));
  const unit = indicator.unit || t("monitoring.public.unitNone");
  return (
    <LineChart
      id={`chart-${indicator.slug}`}
      years={series.years}
      lines={lines}
      decimals={indicator.decimals}
      locale={locale}
      unit={indicator.unit}
      compact={compact}
      title={t("monitoring.chart.title", {
        name: indicator.name,
        from: series.years[0] ?? "",
        to: series.years.at(-1) ?? "",
        unit,
      })}
      description={latestValues(t, locale, series.years, lines, indicator.decimals, indicator.unit)}
    />
  );
}

/** The gap between the two compared groups over time (second minus first). */
export function GapChart({ indicator }: { indicator: ShownIndicator }) {
  const t = useT();
  const locale = useLocale();
  const { series } = indicator;
  if (!series.gap) return null;
  const unit = differenceUnitText(t, indicator.unit);
  const lines = [{ label: t("monitoring.gap"), values: series.gap }];
  return (
    <LineChart
      id={`gap-${indicator.slug}`}
      years={series.years}
      lines={lines}
      decimals={indicator.decimals}
      locale={locale}
      unit={unit}
      withZero
      compact
      styleOffset={3}
      title={t("monitoring.chart.gapTitle", {
        name: indicator.name,
        from: series.years[0] ?? "",
        to: series.years.at(-1) ?? "",
        unit: unit || t("monitoring.public.unitNone"),
      })}
      description={latestValues(t, locale, series.years, lines, indicator.decimals, unit)}
    />
  );
}

/** "Der Abstand ist der Wert von Ausländerinnen und Ausländer minus der Wert von Deutsche." */
export function gapExplanation(t: Translate, comparison: ShownIndicator["comparison"]): string | null {
  if (comparison === "none") return null;
  const [first, second] = comparedGroups(comparison);
  return t("monitoring.public.gapExplain", { first: t(groupKey(first!)), second: t(groupKey(second!)) });
}

/** Years × groups (and the gap), the chart's data as a table. */
export function ValuesTable({ indicator }: { indicator: ShownIndicator }) {
  const t = useT();
  const locale = useLocale();
  const { series } = indicator;
  const format = (v: number | null | undefined) => (v == null ? "" : formatValue(v, indicator.decimals, locale));
  return (
    <TableWrap label={t("monitoring.public.table")}>
      <table className="monitoring-table">
        <caption>
          <IndicatorName name={indicator.name} />
          {": "}
          {t("monitoring.public.tableCaption", { unit: indicator.unit || t("monitoring.public.unitNone") })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("monitoring.public.year")}</th>
            {series.lines.map((l) => (
              <th scope="col" key={l.group}>
                {t(groupKey(l.group))}
              </th>
            ))}
            {series.gap ? (
              <th scope="col">
                {t("monitoring.gap")} ({differenceUnitText(t, indicator.unit) || t("monitoring.public.unitNone")})
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {series.years.map((year, i) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {series.lines.map((l) => (
                <td key={l.group}>{format(l.values[i])}</td>
              ))}
              {series.gap ? <td>{format(series.gap[i])}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

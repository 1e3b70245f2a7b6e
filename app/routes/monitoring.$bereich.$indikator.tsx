import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useGermanContent, useLocale, useT } from "~/i18n/i18n";
import { areaFromSlug, areaSlug } from "~/modules/monitoring/monitoring.schema";
import { monitoringIndicator } from "~/modules/monitoring/public.server";
import {
  areaKey,
  ExampleNotice,
  gapExplanation,
  GapChart,
  IndicatorChart,
  IndicatorName,
  monitoringPublicLinks,
  trendSentence,
  ValuesTable,
} from "~/modules/monitoring/public-ui";
import { notFound } from "~/server/http.server";
import { formatDate } from "~/utils/time";

export const links = monitoringPublicLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => `${data.indicator.name} – ${t("monitoring.title")}` : "error.notFound.title"),
];

export async function loader({ params }: LoaderFunctionArgs) {
  const area = areaFromSlug(params.bereich ?? "");
  if (!area) notFound();
  const indicator = await monitoringIndicator(area, params.indikator ?? "");
  if (!indicator) notFound();
  return { indicator };
}

/** One indicator: what it counts, the chart of the groups and of their gap, the sentence, the table, the CSV. */
export default function MonitoringIndicatorPage() {
  const t = useT();
  const locale = useLocale();
  const german = useGermanContent();
  const { indicator } = useLoaderData<typeof loader>();
  const area = t(areaKey(indicator.area));
  const explanation = gapExplanation(t, indicator.comparison);
  const hasValues = indicator.series.years.length > 0;
  return (
    <article className="monitoring-indicator">
      <p>
        <Link to={`/monitoring/${areaSlug(indicator.area)}`}>{t("monitoring.public.backArea", { area })}</Link>
      </p>
      <h1>
        <IndicatorName name={indicator.name} />
      </h1>
      <ExampleNotice show={indicator.example} />
      <p className="lead monitoring-sentence">{trendSentence(t, locale, indicator)}</p>
      <h2>{t("monitoring.public.facts")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("monitoring.public.definition")}</dt>
          <dd {...german}>{indicator.definition}</dd>
        </div>
        <div>
          <dt>{t("monitoring.public.unit")}</dt>
          <dd {...(indicator.unit ? german : {})}>{indicator.unit || t("monitoring.public.unitNone")}</dd>
        </div>
        <div>
          <dt>{t("monitoring.public.source")}</dt>
          <dd {...german}>{indicator.source}</dd>
        </div>
        <div>
          <dt>{t("monitoring.public.area")}</dt>
          <dd>
            <Link to={`/monitoring/${areaSlug(indicator.area)}`}>{area}</Link>
          </dd>
        </div>
        {indicator.fields.length ? (
          <div>
            <dt>{t("monitoring.public.fields")}</dt>
            <dd {...german}>{indicator.fields.map((f) => f.name).join(", ")}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("monitoring.public.updated")}</dt>
          <dd>{formatDate(new Date(indicator.updatedAt), locale)}</dd>
        </div>
      </dl>
      {hasValues ? (
        <>
          <h2>{t("monitoring.public.chart")}</h2>
          <IndicatorChart indicator={indicator} />
          {indicator.series.gap ? (
            <>
              <h2>{t("monitoring.public.gapChart")}</h2>
              {explanation ? <p>{explanation}</p> : null}
              <GapChart indicator={indicator} />
            </>
          ) : null}
          <h2>{t("monitoring.public.table")}</h2>
          <ValuesTable indicator={indicator} />
          <p>
            <a href={`${indicator.href}.csv`} download className="button button--secondary">
              {t("monitoring.public.csv")}
            </a>
          </p>
        </>
      ) : (
        <p>{t("monitoring.public.noValues")}</p>
      )}
    </article>
  );
}

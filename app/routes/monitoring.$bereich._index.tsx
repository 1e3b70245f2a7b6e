import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { areaFromSlug } from "~/modules/monitoring/monitoring.schema";
import { monitoringArea } from "~/modules/monitoring/public.server";
import {
  areaKey,
  ExampleNotice,
  IndicatorChart,
  IndicatorName,
  monitoringPublicLinks,
  trendSentence,
} from "~/modules/monitoring/public-ui";
import { notFound } from "~/server/http.server";

export const links = monitoringPublicLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => `${t(areaKey(data.area))} – ${t("monitoring.title")}` : "error.notFound.title"),
];

export async function loader({ params }: LoaderFunctionArgs) {
  const area = areaFromSlug(params.bereich ?? "");
  if (!area) notFound();
  return { area, indicators: await monitoringArea(area) };
}

/** One area of the monitoring: its indicators, each with a small chart and its sentence. */
export default function MonitoringAreaPage() {
  const t = useT();
  const locale = useLocale();
  const { area, indicators } = useLoaderData<typeof loader>();
  const name = t(areaKey(area));
  return (
    <>
      <p>
        <Link to="/monitoring">{t("monitoring.public.back")}</Link>
      </p>
      <h1>{name}</h1>
      <p className="lead">{t("monitoring.public.areaLead", { area: name })}</p>
      <ExampleNotice show={indicators.some((i) => i.example)} />
      {indicators.length === 0 ? <p>{t("monitoring.public.noIndicators")}</p> : null}
      {indicators.map((i) => (
        <section key={i.id} aria-labelledby={`ind-${i.slug}`} className="monitoring-card">
          <h2 id={`ind-${i.slug}`}>
            <Link to={i.href}>
              <IndicatorName name={i.name} />
            </Link>
          </h2>
          <p className="monitoring-sentence">{trendSentence(t, locale, i)}</p>
          <IndicatorChart indicator={i} compact />
        </section>
      ))}
    </>
  );
}

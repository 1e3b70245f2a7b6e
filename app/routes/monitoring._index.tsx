import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { areaSlug } from "~/modules/monitoring/monitoring.schema";
import { monitoringOverview } from "~/modules/monitoring/public.server";
import {
  areaKey,
  ExampleNotice,
  IndicatorName,
  monitoringPublicLinks,
  trendSentence,
} from "~/modules/monitoring/public-ui";

export const links = monitoringPublicLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "monitoring.title")];

export async function loader() {
  return { areas: await monitoringOverview() };
}

/** The Integrationsmonitoring: what it is, the six areas with their indicators and each one's trend. */
export default function MonitoringOverview() {
  const t = useT();
  const locale = useLocale();
  const { areas } = useLoaderData<typeof loader>();
  const example = areas.some((a) => a.indicators.some((i) => i.example));
  return (
    <>
      <h1>{t("monitoring.title")}</h1>
      <p className="lead">{t("monitoring.public.lead")}</p>
      <p>{t("monitoring.public.why")}</p>
      <ExampleNotice show={example} />
      <h2>{t("monitoring.public.areas")}</h2>
      <ul className="monitoring-areas">
        {areas.map(({ area, indicators }) => (
          <li key={area}>
            <section aria-labelledby={`area-${area}`}>
              <h3 id={`area-${area}`}>
                <Link to={`/monitoring/${areaSlug(area)}`}>{t(areaKey(area))}</Link>
              </h3>
              {indicators.length === 0 ? (
                <p>{t("monitoring.public.noIndicators")}</p>
              ) : (
                <ul className="monitoring-list">
                  {indicators.map((i) => (
                    <li key={i.id}>
                      <Link to={i.href}>
                        <IndicatorName name={i.name} />
                      </Link>
                      <p>{trendSentence(t, locale, i)}</p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </li>
        ))}
      </ul>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/i18n";
import { getPublicConference } from "~/modules/conferences/conferences.server";
import { notFound } from "~/utils/http.server";
import { formatDate, formatTime } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.conference.title} – Integrationskonferenz Bottrop` : "Konferenz nicht gefunden" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const year = Number(params.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) notFound();
  const found = await getPublicConference(year);
  if (!found) notFound();
  return found;
}

export default function ConferencePage() {
  const t = useT();
  const locale = useLocale();
  const { conference, agenda, forums } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{conference.title}</h1>
      <p className="lead">{conference.description}</p>
      <dl className="facts">
        <div>
          <dt>{t("conference.when")}</dt>
          <dd>
            {formatDate(conference.startsAt, locale)}, {t("conference.timeRange", { start: formatTime(conference.startsAt, locale), end: formatTime(conference.endsAt, locale) })}
          </dd>
        </div>
        <div>
          <dt>{t("conference.where")}</dt>
          <dd>
            {conference.venueName}
            <br />
            {conference.venueAddress}
          </dd>
        </div>
      </dl>
      {conference.venueAccessibility ? (
        <section aria-labelledby="access-title">
          <h2 id="access-title">{t("conference.accessibility")}</h2>
          <p>{conference.venueAccessibility}</p>
        </section>
      ) : null}
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("conference.agenda")}</h2>
        <ol className="agenda">
          {agenda.map((item) => (
            <li key={item.id} className="agenda__item">
              <p className="agenda__time">
                {formatTime(item.startsAt, locale)}
                {item.endsAt ? `–${formatTime(item.endsAt, locale)}` : ""}
              </p>
              <div>
                <p className="agenda__kind">{t(`agenda.kind.${item.kind}`)}</p>
                <h3 className="agenda__title">{item.title}</h3>
                {item.speakers ? (
                  <p>
                    {t("conference.speakers")}: {item.speakers}
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </section>
      {forums.length ? (
        <section aria-labelledby="forums-title">
          <h2 id="forums-title">{t("conference.forums")}</h2>
          <ul>
            {forums.map((f) => (
              <li key={f.id}>{f.title}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

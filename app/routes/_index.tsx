import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaT, useLocale, useT } from "~/i18n/i18n";
import { findUpcomingConference } from "~/modules/conferences/conferences.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => [
  { title: metaT(matches)("site.name") },
  { name: "description", content: metaT(matches)("title.home.description") },
];

export async function loader(_: LoaderFunctionArgs) {
  return { next: await findUpcomingConference() };
}

export default function Index() {
  const t = useT();
  const locale = useLocale();
  const { next } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <section aria-labelledby="next-title" className="card card--highlight">
        <h2 id="next-title">{t("home.next")}</h2>
        {next ? (
          <>
            <p className="card__title">{next.title}</p>
            <p>
              {formatDate(next.startsAt, locale)} · {next.venueName}
            </p>
            <p>
              <Link className="button" to={`/konferenzen/${next.year}`}>
                {t("home.toConference", { year: next.year })}
              </Link>
            </p>
          </>
        ) : (
          <p>{t("home.none")}</p>
        )}
      </section>
    </>
  );
}

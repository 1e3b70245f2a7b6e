import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { listPublicConferences } from "~/modules/conferences/conferences.server";
import { listPublishedDocumentations } from "~/modules/publishing/documentation.server";
import { registrationLinks } from "~/modules/registrations/ui";
import { formatDate } from "~/utils/time";

export const links = registrationLinks;

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "archive.title")];

export async function loader() {
  const [conferences, documented] = await Promise.all([listPublicConferences(), listPublishedDocumentations()]);
  return { conferences, documentedYears: documented.map((d) => d.year) };
}

/** The archive: every public conference, newest first; past ones stay. */
export default function ConferenceArchive() {
  const t = useT();
  const locale = useLocale();
  const { conferences, documentedYears } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("archive.title")}</h1>
      <p className="lead">{t("archive.lead")}</p>
      {conferences.length === 0 ? (
        <p>{t("archive.empty")}</p>
      ) : (
        <ul className="card-list">
          {conferences.map((c) => (
            <li key={c.year} className="card">
              <h2 className="card__title">
                <Link to={`/konferenzen/${c.year}`}>{c.title}</Link>
              </h2>
              <p>
                {formatDate(c.startsAt, locale)} · {t(`conference.status.${c.status}` as MessageKey)}
              </p>
              {documentedYears.includes(c.year) ? (
                <p>
                  <Link to={`/konferenzen/${c.year}/dokumentation`}>{t("doc.archiveLink", { year: c.year })}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

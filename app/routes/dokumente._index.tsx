import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { areaSlug } from "~/modules/monitoring/monitoring.schema";
import { LIBRARY_TYPES, MONITORING_AREAS, libraryFilterSchema } from "~/modules/publishing/library.schema";
import { asTree, libraryFacets, listLibrary } from "~/modules/publishing/library.server";
import { EntryLinks, libraryAreaKey, libraryTypeKey, publishingLinks } from "~/modules/publishing/ui";

export const links = publishingLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "library.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = libraryFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [rows, facets] = await Promise.all([
    listLibrary({ type: filter.typ, year: filter.jahr, area: filter.bereich }),
    libraryFacets(),
  ]);
  return { entries: asTree(rows), count: rows.length, filter, years: facets.years };
}

/** The document library: the concept, the yearly reports with their parts, flyers …, with filters. */
export default function Library() {
  const t = useT();
  const { entries, count, filter, years } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("library.title")}</h1>
      <p className="lead">{t("library.lead")}</p>
      <Form method="get" className="pub-filters" aria-label={t("library.filter.title")}>
        <div className="field">
          <label htmlFor="f-typ">{t("library.filter.type")}</label>
          <select id="f-typ" name="typ" defaultValue={filter.typ}>
            <option value="">{t("library.filter.all")}</option>
            {LIBRARY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(libraryTypeKey(type))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-jahr">{t("library.filter.year")}</label>
          <select id="f-jahr" name="jahr" defaultValue={filter.jahr === "" ? "" : String(filter.jahr)}>
            <option value="">{t("library.filter.all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-bereich">{t("library.filter.area")}</label>
          <select id="f-bereich" name="bereich" defaultValue={filter.bereich}>
            <option value="">{t("library.filter.all")}</option>
            {MONITORING_AREAS.map((area) => (
              <option key={area} value={area}>
                {t(libraryAreaKey(area))}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("library.filter.submit")}
          </button>
          <Link to="/dokumente">{t("library.filter.reset")}</Link>
        </div>
      </Form>
      <p>
        {filter.bereich ? (
          <Link to={`/monitoring/${areaSlug(filter.bereich)}`}>
            {t("monitoring.public.libraryAreaLink", { area: t(libraryAreaKey(filter.bereich)) })}
          </Link>
        ) : (
          <Link to="/monitoring">{t("monitoring.public.libraryLink")}</Link>
        )}
      </p>
      <p role="status">{count === 1 ? t("library.countOne") : t("library.count", { count })}</p>
      {entries.length === 0 ? <p>{t("library.empty")}</p> : null}
      <ul className="doc-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <h2>
              <Link to={`/dokumente/${entry.slug}`}>{entry.title}</Link>
            </h2>
            <p className="doc-meta">
              <span>{t(libraryTypeKey(entry.type))}</span>
              {entry.year ? <span>{entry.year}</span> : null}
              {entry.area ? <span>{t(libraryAreaKey(entry.area))}</span> : null}
            </p>
            {entry.description ? <p>{entry.description}</p> : null}
            <EntryLinks entry={entry} />
            {entry.parts.length ? (
              <>
                <h3 className="visually-hidden">{t("library.parts")}</h3>
                <ul className="doc-parts">
                  {entry.parts.map((part) => (
                    <li key={part.id}>
                      <Link to={`/dokumente/${part.slug}`}>{part.title}</Link>
                      {part.fileId || part.url ? " – " : null}
                      <EntryLinks entry={part} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { getLibraryEntry } from "~/modules/publishing/library.server";
import { EntryLinks, libraryAreaKey, libraryTypeKey, publishingLinks } from "~/modules/publishing/ui";
import { notFound } from "~/server/http.server";

export const links = publishingLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => `${data.entry.title} – ${t("library.title")}` : "error.notFound.title"),
];

/** A library entry under a stable address: /dokumente/<slug> (or its id). Drafts do not exist for the public. */
export async function loader({ params }: LoaderFunctionArgs) {
  const key = params.entry ?? "";
  if (key.length > 120) notFound();
  const entry = await getLibraryEntry(key);
  if (!entry) notFound();
  return { entry };
}

export default function LibraryEntryPage() {
  const t = useT();
  const { entry } = useLoaderData<typeof loader>();
  return (
    <article className="prose">
      <p>
        <Link to="/dokumente">{t("library.back")}</Link>
      </p>
      <h1>{entry.title}</h1>
      {entry.parent ? (
        <p>
          <Link to={`/dokumente/${entry.parent.slug}`}>{t("library.partOf", { title: entry.parent.title })}</Link>
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t("library.type")}</dt>
          <dd>{t(libraryTypeKey(entry.type))}</dd>
        </div>
        {entry.year ? (
          <div>
            <dt>{t("library.year")}</dt>
            <dd>{entry.year}</dd>
          </div>
        ) : null}
        {entry.area ? (
          <div>
            <dt>{t("library.area")}</dt>
            <dd>{t(libraryAreaKey(entry.area))}</dd>
          </div>
        ) : null}
      </dl>
      {entry.description ? <p>{entry.description}</p> : null}
      <p>{entry.fileId || entry.url ? <EntryLinks entry={entry} /> : t("library.noFile")}</p>
      {entry.parts.length ? (
        <section aria-labelledby="parts-title">
          <h2 id="parts-title">{t("library.parts")}</h2>
          <ul className="doc-parts">
            {entry.parts.map((part) => (
              <li key={part.id}>
                <Link to={`/dokumente/${part.slug}`}>{part.title}</Link>
                {part.fileId || part.url ? " – " : null}
                <EntryLinks entry={part} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

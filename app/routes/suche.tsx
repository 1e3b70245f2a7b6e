import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import { SEARCH_KINDS, searchParamsSchema } from "~/modules/publishing/search.schema";
import { prefixQuery, search } from "~/modules/publishing/search.server";
import { snippetParts } from "~/modules/publishing/snippet";
import { publishingLinks } from "~/modules/publishing/ui";

export const links = publishingLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data?.q ? (t) => t("title.searchFor", { q: data.q }) : "search.title"),
];

const FIRST_YEAR = 2012;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = searchParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const valid = params.q ? prefixQuery(params.q) !== null : false;
  const hits = valid ? await search({ q: params.q, year: params.jahr, kind: params.art }) : [];
  const years: number[] = [];
  for (let y = new Date().getFullYear() + 1; y >= FIRST_YEAR; y -= 1) years.push(y);
  return { ...params, valid, hits, years };
}

/** German full-text search over everything published; highlighted snippets rendered as text. */
export default function Search() {
  const t = useT();
  const { q, jahr, art, valid, hits, years } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("search.title")}</h1>
      <p className="lead">{t("search.lead")}</p>
      <Form method="get" role="search" className="pub-filters" aria-label={t("search.title")}>
        <div className="field">
          <label htmlFor="f-q">{t("search.field")}</label>
          <p className="field__hint" id="f-q-hint">
            {t("search.hint")}
          </p>
          <input id="f-q" type="search" name="q" defaultValue={q} maxLength={200} aria-describedby="f-q-hint" />
        </div>
        <div className="field">
          <label htmlFor="f-art">{t("search.kind")}</label>
          <select id="f-art" name="art" defaultValue={art}>
            <option value="">{t("search.all")}</option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`search.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-jahr">{t("search.year")}</label>
          <select id="f-jahr" name="jahr" defaultValue={jahr === "" ? "" : String(jahr)}>
            <option value="">{t("search.all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("search.submit")}
          </button>
        </div>
      </Form>
      {q ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="visually-hidden">
            {t("search.results")}
          </h2>
          <p role="status">
            {!valid
              ? t("search.tooShort")
              : hits.length === 0
                ? t("search.none", { q })
                : hits.length === 1
                  ? t("search.countOne", { q })
                  : t("search.count", { count: hits.length, q })}
          </p>
          <ol className="search-results">
            {hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`}>
                <h3>
                  <Link to={hit.url}>{hit.title}</Link>
                </h3>
                <p className="doc-meta">
                  <span>{t(`search.kind.${hit.kind}` as MessageKey)}</span>
                  {hit.year ? <span>{hit.year}</span> : null}
                </p>
                <p className="snippet">
                  {snippetParts(hit.snippet).map((part, i) =>
                    part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                  )}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

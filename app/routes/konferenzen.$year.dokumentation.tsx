import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SafeHtml } from "~/components/safe-html";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { speakersText } from "~/modules/discussion/format";
import { formatBytes, KIND_LABEL } from "~/modules/groups/format";
import { getDocumentation, withoutStorageKeys } from "~/modules/publishing/documentation.server";
import { getPublication } from "~/modules/publishing/publication.server";
import { publishingLinks } from "~/modules/publishing/ui";
import { getUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";
import { formatDate } from "~/utils/time";

export const links = publishingLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("doc.title", { title: data.conference.title }) : "error.notFound.title"),
];

/**
 * The conference documentation. Public once published; organisers see an unpublished one as a
 * preview (every photo, marked). Anyone else: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = Number(params.year);
  if (!Number.isInteger(year)) notFound();
  const user = await getUser(request);
  const preview = user?.role === "organiser";
  const view = await getDocumentation(year, { preview });
  if (!view) notFound();
  const publication = view.published ? await getPublication(view) : null;
  return { ...withoutStorageKeys(view), publication: publication && { size: publication.size } };
}

const REPORT_KEYS = ["activities", "progress", "obstacles", "networking", "previousGoals", "proposals"] as const;

export default function DocumentationPage() {
  const t = useT();
  const locale = useLocale();
  const {
    conference,
    documentation,
    introHtml,
    published,
    speeches,
    materials,
    photos,
    reports,
    discussion,
    agreedGoals,
    publication,
  } = useLoaderData<typeof loader>();
  const fileLabel = (f: { displayName: string; kind: string; size: number }) =>
    `${f.displayName} (${KIND_LABEL[f.kind] ?? f.kind}, ${formatBytes(f.size, locale)})`;
  return (
    <article>
      <p>
        <Link to={`/konferenzen/${conference.year}`}>{conference.title}</Link>
      </p>
      <h1>{t("doc.title", { title: conference.title })}</h1>
      {!published ? (
        <p className="preview-banner" role="note">
          {t("doc.preview")}
        </p>
      ) : documentation.publishedAt ? (
        <p>{t("doc.publishedOn", { date: formatDate(documentation.publishedAt, locale) })}</p>
      ) : null}
      {introHtml ? <SafeHtml html={introHtml} className="lead rich-text" /> : null}
      <p>
        <a href={`/konferenzen/${conference.year}/dokumentation.zip`} className="button" download>
          {t("doc.zip")}
        </a>
      </p>
      <p className="field__hint">{t("doc.zipHint")}</p>
      {publication ? (
        <p>
          <a href={`/konferenzen/${conference.year}/dokumentation.pdf`}>
            {t("doc.publication", { year: String(conference.year), size: formatBytes(publication.size, locale) })}
          </a>
        </p>
      ) : published ? (
        <p className="field__hint">{t("doc.publicationPending")}</p>
      ) : null}
      <nav aria-labelledby="doc-contents">
        <h2 id="doc-contents">{t("doc.contents")}</h2>
        <ul>
          {speeches.length ? (
            <li>
              <a href="#redebeitraege">{t("doc.speeches")}</a>
            </li>
          ) : null}
          {materials.length ? (
            <li>
              <a href="#materialien">{t("doc.materials")}</a>
            </li>
          ) : null}
          {reports.length ? (
            <li>
              <a href="#arbeitskreise">{t("doc.reports")}</a>
            </li>
          ) : null}
          {discussion.length ? (
            <li>
              <a href="#diskussion">{t("doc.discussion")}</a>
            </li>
          ) : null}
          {agreedGoals.length ? (
            <li>
              <a href="#ziele">{t("doc.goals")}</a>
            </li>
          ) : null}
          {photos.length ? (
            <li>
              <a href="#fotos">{t("doc.photos")}</a>
            </li>
          ) : null}
        </ul>
      </nav>

      {speeches.length ? (
        <section aria-labelledby="redebeitraege">
          <h2 id="redebeitraege">{t("doc.speeches")}</h2>
          {speeches.map((s) => (
            <section key={s.id} className="speech" id={`rede-${s.id}`} aria-labelledby={`rede-${s.id}-t`}>
              <h3 id={`rede-${s.id}-t`}>{s.title}</h3>
              {s.speaker ? <p className="speech__by">{s.speaker}</p> : null}
              <SafeHtml html={s.html} className="rich-text" />
            </section>
          ))}
        </section>
      ) : null}

      {materials.length ? (
        <section aria-labelledby="materialien">
          <h2 id="materialien">{t("doc.materials")}</h2>
          <ul className="file-list">
            {materials.map((m) => (
              <li key={m.id}>
                <a href={`/dateien/${m.fileId}`}>
                  {m.title} – {fileLabel(m)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {reports.length ? (
        <section aria-labelledby="arbeitskreise">
          <h2 id="arbeitskreise">{t("doc.reports")}</h2>
          {reports.map((r) => (
            <section key={r.id} className="card" aria-labelledby={`ak-${r.id}`}>
              <h3 id={`ak-${r.id}`}>
                <Link to={`/arbeitskreise/${r.groupSlug}`}>{r.groupName}</Link>
              </h3>
              <div className="report-sections">
                {REPORT_KEYS.filter((k) => r[k]).map((k) => (
                  <div key={k}>
                    <h4>{t(`reports.section.${k}`)}</h4>
                    <p>{r[k]}</p>
                  </div>
                ))}
              </div>
              {r.attachments.length ? (
                <ul className="file-list">
                  {r.attachments.map((a) => (
                    <li key={a.fileId}>
                      <a href={`/dateien/${a.fileId}`}>{fileLabel(a)}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ))}
        </section>
      ) : null}

      {discussion.length ? (
        <section aria-labelledby="diskussion">
          <h2 id="diskussion">{t("doc.discussion")}</h2>
          {discussion.map((d) => (
            <section key={d.id} aria-labelledby={`fi-${d.id}`}>
              <h3 id={`fi-${d.id}`}>{d.title}</h3>
              {d.speakers.length ? <p className="speech__by">{speakersText(d.speakers)}</p> : null}
              {d.slides ? (
                <p>
                  <a href={`/dateien/${d.slides.fileId}`}>{t("doc.slides", { name: fileLabel(d.slides) })}</a>
                  {d.slides.hasDerivedPdf ? (
                    <>
                      {" · "}
                      <a href={`/dateien/${d.slides.fileId}?pdf=1`}>{t("doc.slidesPdf")}</a>
                    </>
                  ) : null}
                </p>
              ) : null}
              {d.outcome ? <p>{d.outcome}</p> : null}
              {d.answered.length ? (
                <>
                  <h4>{t("doc.discussionAnswered")}</h4>
                  <ul>
                    {d.answered.map((q, i) => (
                      <li key={i}>{q.text}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {d.open.length ? (
                <>
                  <h4>{t("doc.discussionOpen")}</h4>
                  <ul>
                    {d.open.map((q, i) => (
                      <li key={i}>{q.text}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ))}
        </section>
      ) : null}

      {agreedGoals.length ? (
        <section aria-labelledby="ziele">
          <h2 id="ziele">{t("doc.goals")}</h2>
          <ul className="doc-list">
            {agreedGoals.map((g) => (
              <li key={g.id}>
                <h3>
                  <Link to={`/ziele/${g.id}`}>{g.title}</Link>
                </h3>
                <p className="doc-meta">{t("doc.goalOwner", { group: g.groupName, year: g.targetYear })}</p>
                {g.description ? <p>{g.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {photos.length ? (
        <section aria-labelledby="fotos">
          <h2 id="fotos">{t("doc.photos")}</h2>
          <p className="field__hint">{t("doc.photosHint")}</p>
          <ul className="gallery">
            {photos.map((p) => (
              <li key={p.id}>
                <figure>
                  <a href={`/dateien/${p.fileId}`} aria-label={t("doc.photoOpen", { alt: p.altText || p.displayName })}>
                    <img
                      src={`/dateien/${p.fileId}?vorschau=1`}
                      alt={p.altText}
                      width={480}
                      height={360}
                      loading="lazy"
                      decoding="async"
                    />
                  </a>
                  {p.caption || !p.publishable ? (
                    <figcaption>
                      {p.caption}
                      {!p.publishable ? <strong> {t("doc.notCleared")}</strong> : null}
                    </figcaption>
                  ) : null}
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

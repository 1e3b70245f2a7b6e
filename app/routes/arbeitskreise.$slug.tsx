import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { formatBytes, KIND_LABEL } from "~/modules/groups/format";
import { getGroupBySlug } from "~/modules/groups/groups.server";
import { REPORT_SECTIONS } from "~/modules/groups/report-sections";
import { listPublishedReports } from "~/modules/groups/reports.server";
import { GroupTimeline } from "~/modules/publishing/group-timeline";
import { groupTimeline } from "~/modules/publishing/timeline.server";
import publishingStyles from "~/styles/publishing.css?url";
import styles from "~/styles/groups.css?url";
import { notFound } from "~/server/http.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: publishingStyles },
];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? () => data.group.name : "error.notFound.title"),
];

export async function loader({ params }: LoaderFunctionArgs) {
  const group = await getGroupBySlug(params.slug ?? "");
  if (!group) notFound();
  // Only published material: drafts, submitted and approved reports do not exist here.
  const [reports, timeline] = await Promise.all([listPublishedReports(group.id), groupTimeline(group.id)]);
  return {
    timeline,
    group: {
      name: group.name,
      kind: group.kind,
      description: group.description,
      fieldsOfAction: group.fieldsOfAction,
      contactName: group.contactName,
      contactEmail: group.contactEmail,
    },
    reports: reports.map((r) => ({
      id: r.report.id,
      year: r.year,
      sections: REPORT_SECTIONS.map((s) => ({ key: s, text: r.report[s] })).filter((s) => s.text.trim()),
      attachments: r.attachments.map((a) => ({ fileId: a.fileId, name: a.displayName, kind: a.kind, size: a.size })),
    })),
  };
}

export default function GroupPage() {
  const t = useT();
  const locale = useLocale();
  const { group, reports, timeline } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/arbeitskreise">{t("groups.back")}</Link>
      </p>
      <h1>{group.name}</h1>
      <p>{t(`groups.kind.${group.kind}`)}</p>
      <p className="lead">{group.description}</p>
      <dl className="facts">
        {group.fieldsOfAction.length ? (
          <div>
            <dt>{t("groups.fields")}</dt>
            <dd>{group.fieldsOfAction.join(", ")}</dd>
          </div>
        ) : null}
        {group.contactName || group.contactEmail ? (
          <div>
            <dt>{t("groups.contact")}</dt>
            <dd>
              {group.contactName}
              {group.contactEmail ? (
                <>
                  {group.contactName ? <br /> : null}
                  <a href={`mailto:${group.contactEmail}`}>{group.contactEmail}</a>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <h2>{t("groups.results")}</h2>
      {reports.length === 0 ? <p>{t("groups.noResults")}</p> : null}
      {reports.map((r) => (
        <section key={r.id} className="card" aria-labelledby={`report-${r.year}`}>
          <h3 id={`report-${r.year}`}>{t("groups.resultYear", { year: r.year })}</h3>
          <div className="report-sections">
            {r.sections.map((s) => (
              <div key={s.key}>
                <h4>{t(`reports.section.${s.key}`)}</h4>
                <p>{s.text}</p>
              </div>
            ))}
          </div>
          {r.attachments.length ? (
            <>
              <h4>{t("groups.attachments")}</h4>
              <ul className="file-list">
                {r.attachments.map((a) => (
                  <li key={a.fileId}>
                    <a href={`/dateien/${a.fileId}`}>
                      {t("groups.file", {
                        name: a.name,
                        kind: KIND_LABEL[a.kind] ?? a.kind,
                        size: formatBytes(a.size, locale),
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <Link to={`/praesentation/${r.id}`}>{t("groups.present")}</Link>
          </p>
        </section>
      ))}
      <GroupTimeline years={timeline} />
    </>
  );
}

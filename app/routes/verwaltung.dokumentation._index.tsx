import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { desc, eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, documentations } from "~/db/schema";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { requireOrganiser } from "~/server/auth.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "doc.admin.title", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const rows = await db
    .select({ year: conferences.year, title: conferences.title, publishedAt: documentations.publishedAt })
    .from(conferences)
    .leftJoin(documentations, eq(documentations.conferenceId, conferences.id))
    .orderBy(desc(conferences.year));
  return { rows };
}

export default function DocumentationsAdmin() {
  const t = useT();
  const locale = useLocale();
  const { rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("doc.admin.title")}</h1>
      <p className="lead">{t("doc.admin.lead")}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.year}>
            <Link to={`/verwaltung/dokumentation/${r.year}`}>{t("doc.admin.edit", { year: r.year })}</Link> –{" "}
            {r.publishedAt
              ? t("doc.admin.published", { date: formatDate(r.publishedAt, locale) })
              : t("doc.admin.draft")}
          </li>
        ))}
      </ul>
    </>
  );
}

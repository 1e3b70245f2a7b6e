import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { listAudit } from "~/modules/audit/audit.server";
import { requireOrganiser } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { formatDateTime } from "~/utils/time";
import { TableWrap } from "~/components/form";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "audit.title", "admin")];

const PAGE = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const page = Math.max(0, Number(new URL(request.url).searchParams.get("seite") ?? 0) || 0);
  const entries = await listAudit({ limit: PAGE + 1, offset: page * PAGE });
  return { entries: entries.slice(0, PAGE), more: entries.length > PAGE, page, retentionDays: env.AUDIT_RETENTION_DAYS };
}

export default function AuditLog() {
  const t = useT();
  const locale = useLocale();
  const { entries, more, page, retentionDays } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.lead", { days: retentionDays })}</p>
      {entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <TableWrap label={t("audit.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.object")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>{e.actorName}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{[e.subjectType, e.subjectId, e.summary].filter(Boolean).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {more ? (
        <p>
          <Link to={`?seite=${page + 1}`}>{t("audit.more")}</Link>
        </p>
      ) : null}
    </>
  );
}

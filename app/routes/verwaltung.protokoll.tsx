import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Field, SelectField, TableWrap } from "~/components/form";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { AUDIT_KINDS, type AuditAction } from "~/modules/audit/actions";
import { auditActors, listAudit, parseAuditFilter } from "~/modules/audit/audit.server";
import { requireOrganiser } from "~/server/auth.server";
import { env } from "~/utils/env.server";
import { formatDateTime } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "audit.title", "admin")];

const PAGE = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const params = new URL(request.url).searchParams;
  const page = Math.max(0, Number(params.get("seite") ?? 0) || 0);
  const { filter, values, errors } = parseAuditFilter(params);
  const [entries, actors] = await Promise.all([
    listAudit({ ...filter, limit: PAGE + 1, offset: page * PAGE }),
    auditActors(),
  ]);
  const query = new URLSearchParams(params);
  query.set("seite", String(page + 1));
  return {
    entries: entries.slice(0, PAGE),
    more: entries.length > PAGE ? `?${query}` : null,
    actors,
    values,
    errors,
    filtered: Object.values(values).some(Boolean),
    retentionDays: env.AUDIT_RETENTION_DAYS,
  };
}

export default function AuditLog() {
  const t = useT();
  const locale = useLocale();
  const { entries, more, actors, values, errors, filtered, retentionDays } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.lead", { days: retentionDays })}</p>
      <section className="card" aria-labelledby="audit-filter">
        <h2 id="audit-filter">{t("audit.filter")}</h2>
        <Form method="get" className="stack">
          <SelectField
            name="person"
            label={t("audit.filter.actor")}
            defaultValue={values.actor}
            options={[{ value: "", label: t("audit.filter.all") }, ...actors.map((a) => ({ value: a, label: a }))]}
          />
          <SelectField
            name="bereich"
            label={t("audit.filter.kind")}
            defaultValue={values.kind}
            options={[
              { value: "", label: t("audit.filter.all") },
              ...AUDIT_KINDS.map((k) => ({ value: k, label: t(`audit.kind.${k}`) })),
            ]}
          />
          <Field name="von" type="date" label={t("audit.filter.from")} defaultValue={values.from} error={errors.from} />
          <Field
            name="bis"
            type="date"
            label={t("audit.filter.until")}
            defaultValue={values.until}
            error={errors.until}
          />
          <p className="reg-actions">
            <button type="submit" className="button">
              {t("audit.filter.apply")}
            </button>
            {filtered ? <Link to="/verwaltung/protokoll">{t("audit.filter.reset")}</Link> : null}
          </p>
        </Form>
      </section>
      {entries.length === 0 ? (
        <p role="status">{t("audit.empty")}</p>
      ) : (
        <TableWrap label={t("audit.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>{t(`audit.action.${e.action as AuditAction}`, { actor: e.actorName })}</td>
                  <td>{e.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {more ? (
        <p>
          <Link to={more}>{t("audit.more")}</Link>
        </p>
      ) : null}
    </>
  );
}

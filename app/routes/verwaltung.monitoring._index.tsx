import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableWrap } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import { listIndicators, valuesOf } from "~/modules/monitoring/indicators.server";
import { MONITORING_AREAS } from "~/modules/monitoring/monitoring.schema";
import { requireOrganiser } from "~/server/auth.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "monitoringAdmin.title", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const list = await listIndicators();
  const values = await valuesOf(list.map((i) => i.id));
  const url = new URL(request.url);
  const count = Number(url.searchParams.get("werte"));
  const indicators = Number(url.searchParams.get("indikatoren"));
  return {
    areas: MONITORING_AREAS.map((area) => ({
      area,
      indicators: list
        .filter((i) => i.area === area)
        .map((i) => {
          const years = (values.get(i.id) ?? []).map((v) => v.year);
          return {
            id: i.id,
            name: i.name,
            unit: i.unit,
            published: i.published,
            example: i.example,
            firstYear: years.length ? Math.min(...years) : null,
            lastYear: years.length ? Math.max(...years) : null,
          };
        }),
    })),
    deleted: url.searchParams.has("geloescht"),
    imported:
      Number.isInteger(count) && count > 0
        ? { count, indicators: Number.isInteger(indicators) ? indicators : 0 }
        : null,
  };
}

export default function MonitoringAdmin() {
  const t = useT();
  const { areas, deleted, imported } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("monitoringAdmin.title")}</h1>
      <p className="lead">{t("monitoringAdmin.lead")}</p>
      {deleted ? (
        <p className="notice" role="status">
          {t("monitoringAdmin.deleted")}
        </p>
      ) : null}
      {imported ? (
        <p className="notice" role="status">
          {t("monitoringAdmin.imported", imported)}
        </p>
      ) : null}
      <p className="inline-actions">
        <Link to="/verwaltung/monitoring/neu" className="button">
          {t("monitoringAdmin.new")}
        </Link>{" "}
        <Link to="/verwaltung/monitoring/import" className="button button--secondary">
          {t("monitoringAdmin.importLink")}
        </Link>
      </p>
      {areas.map(({ area, indicators }) => {
        const title = t(`monitoring.area.${area}` as MessageKey);
        return (
          <section key={area} aria-labelledby={`area-${area}`}>
            <h2 id={`area-${area}`}>{title}</h2>
            {indicators.length ? (
              <TableWrap label={title}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("monitoringAdmin.col.name")}</th>
                      <th scope="col">{t("monitoringAdmin.col.unit")}</th>
                      <th scope="col">{t("monitoringAdmin.col.years")}</th>
                      <th scope="col">{t("monitoringAdmin.col.published")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {indicators.map((i) => (
                      <tr key={i.id}>
                        <th scope="row">
                          <Link to={`/verwaltung/monitoring/${i.id}`}>{i.name}</Link>
                          {i.example ? (
                            <>
                              {" "}
                              <span className="monitoring-admin-mark">{t("monitoringAdmin.exampleMark")}</span>
                            </>
                          ) : null}
                        </th>
                        <td>{i.unit || "–"}</td>
                        <td>
                          {i.firstYear === null
                            ? t("monitoringAdmin.noValues")
                            : i.firstYear === i.lastYear
                              ? i.firstYear
                              : `${i.firstYear}–${i.lastYear}`}
                        </td>
                        <td>{i.published ? t("monitoringAdmin.yes") : t("monitoringAdmin.no")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            ) : (
              <p>{t("monitoringAdmin.noneInArea")}</p>
            )}
          </section>
        );
      })}
    </>
  );
}

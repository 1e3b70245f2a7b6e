import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { conferenceYears, coverage } from "~/modules/goals/goals.server";
import { goalsLinks } from "~/modules/goals/ui";
import { berlinParts } from "~/utils/time";
import { TableWrap } from "~/components/form";
import { fieldCoverage } from "~/modules/monitoring/goal-links.server";
import { areaSlug } from "~/modules/monitoring/monitoring.schema";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.coverage.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = Number(new URL(request.url).searchParams.get("jahre") ?? 3);
  const years = Number.isInteger(raw) && raw >= 1 && raw <= 20 ? raw : 3;
  const known = await conferenceYears();
  const untilYear = known[0]?.year ?? berlinParts(new Date()).year;
  const [rows, fields] = await Promise.all([coverage({ years, untilYear }), fieldCoverage()]);
  return { rows, years, untilYear, fields };
}

export default function Coverage() {
  const t = useT();
  const { rows, years, untilYear, fields: fieldRows } = useLoaderData<typeof loader>();
  const count = (state: string) => fieldRows.filter((f) => f.state === state).length;
  const quiet = rows.filter((r) => r.quiet);
  const fields = [...new Set(rows.map((r) => r.fieldName))];
  return (
    <>
      <p>
        <Link to="/ziele">{t("goals.backToBoard")}</Link>
      </p>
      <h1>{t("goals.coverage.title")}</h1>
      <p className="lead">{t("goals.coverage.lead")}</p>
      <section aria-labelledby="cov-fields">
        <h2 id="cov-fields">{t("monitoringGoals.coverage.title")}</h2>
        <p>{t("monitoringGoals.coverage.lead")}</p>
        <p className="coverage-summary">
          {t("monitoringGoals.coverage.summary", {
            both: count("both"),
            indicators: count("indicators"),
            goals: count("goals"),
            neither: count("neither"),
          })}
        </p>
        <TableWrap label={t("monitoringGoals.coverage.title")}>
          <table className="field-coverage">
            <thead>
              <tr>
                <th scope="col">{t("monitoringGoals.coverage.field")}</th>
                <th scope="col">{t("monitoringGoals.coverage.state")}</th>
                <th scope="col">{t("monitoringGoals.coverage.indicators")}</th>
                <th scope="col">{t("monitoringGoals.coverage.goals")}</th>
              </tr>
            </thead>
            <tbody>
              {fieldRows.map((f) => (
                <tr key={f.id} data-state={f.state}>
                  <th scope="row">{f.name}</th>
                  <td>
                    <span className={f.state === "both" ? undefined : "coverage-none"}>
                      {t(`monitoringGoals.coverage.state.${f.state}`)}
                    </span>
                  </td>
                  <td>
                    {f.indicators.length ? (
                      <ul className="plain-list">
                        {f.indicators.map((i) => (
                          <li key={i.id}>
                            <Link to={`/monitoring/${areaSlug(i.area)}/${i.slug}`}>{i.name}</Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t("monitoringGoals.coverage.noIndicators")
                    )}
                  </td>
                  <td>
                    {f.goals ? (
                      <Link to={`/ziele?feld=${f.id}`}>
                        {t("monitoringGoals.coverage.goalsLink", { count: f.goals })}
                      </Link>
                    ) : (
                      t("monitoringGoals.coverage.noGoals")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="c-jahre">{t("goals.coverage.years")}</label>
          <input id="c-jahre" name="jahre" type="number" min={1} max={20} defaultValue={years} />
        </div>
        <button type="submit" className="button">
          {t("goals.board.apply")}
        </button>
      </Form>
      <h2>
        {t("goals.coverage.quietTitle", { count: quiet.length, years, from: untilYear - years + 1, until: untilYear })}
      </h2>
      {quiet.length ? (
        <ul className="chips">
          {quiet.map((r) => (
            <li key={r.id}>
              <strong>{r.code}</strong> {r.title}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("goals.coverage.allCovered")}</p>
      )}
      {fields.map((field, i) => (
        // The id by position: a field's name has spaces, and an id must not (its section kept no name).
        <section key={field} aria-labelledby={`cov-${i + 1}`}>
          <h2 id={`cov-${i + 1}`}>{field}</h2>
          <TableWrap label={field}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("goals.recommendation")}</th>
                  <th scope="col">{t("goals.coverage.active")}</th>
                  <th scope="col">{t("goals.coverage.achieved")}</th>
                  <th scope="col">{t("goals.coverage.last")}</th>
                </tr>
              </thead>
              <tbody>
                {rows
                  .filter((r) => r.fieldName === field)
                  .map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/ziele?empfehlung=${encodeURIComponent(r.code)}`}>{r.code}</Link> {r.title}
                      </th>
                      <td>{r.active}</td>
                      <td>{r.achieved}</td>
                      <td>
                        {r.quiet ? (
                          <span className="coverage-none">
                            {r.lastYear
                              ? t("goals.coverage.quietSince", { year: r.lastYear })
                              : t("goals.coverage.never")}
                          </span>
                        ) : (
                          r.lastYear
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { conferenceYears, coverage } from "~/modules/goals/goals.server";
import { goalsLinks } from "~/modules/goals/ui";
import { berlinParts } from "~/utils/time";
import { TableWrap } from "~/components/form";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.coverage.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = Number(new URL(request.url).searchParams.get("jahre") ?? 3);
  const years = Number.isInteger(raw) && raw >= 1 && raw <= 20 ? raw : 3;
  const known = await conferenceYears();
  const untilYear = known[0]?.year ?? berlinParts(new Date()).year;
  const rows = await coverage({ years, untilYear });
  return { rows, years, untilYear };
}

export default function Coverage() {
  const t = useT();
  const { rows, years, untilYear } = useLoaderData<typeof loader>();
  const quiet = rows.filter((r) => r.quiet);
  const fields = [...new Set(rows.map((r) => r.fieldName))];
  return (
    <>
      <p>
        <Link to="/ziele">{t("goals.backToBoard")}</Link>
      </p>
      <h1>{t("goals.coverage.title")}</h1>
      <p className="lead">{t("goals.coverage.lead")}</p>
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

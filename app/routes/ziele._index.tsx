import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { listFields } from "~/modules/goals/catalogue.server";
import { conferenceYears, listGoals, listGroups } from "~/modules/goals/goals.server";
import { parseBoardFilter } from "~/modules/goals/goals.schema";
import { goalsLinks, StatusBadge, STATUS_NAMES, statusKey } from "~/modules/goals/ui";
import { TableWrap } from "~/components/form";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.board.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { filter, goalFilter } = parseBoardFilter(request.url);
  const [goals, fields, years, groupList] = await Promise.all([
    listGoals(goalFilter),
    listFields(),
    conferenceYears(),
    listGroups(),
  ]);
  const allYears = [...new Set(goals.flatMap((g) => g.history.map((h) => h.year)))].sort();
  return {
    goals,
    fields,
    years: years.map((y) => y.year),
    groups: groupList,
    filter,
    allYears,
    query: new URL(request.url).search,
  };
}

export default function GoalBoard() {
  const t = useT();
  const { goals, fields, years, groups: groupList, filter, allYears, query } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("goals.board.title")}</h1>
      <p className="lead">{t("goals.board.lead")}</p>
      <p className="inline-actions">
        <Link to="/ziele/abdeckung">{t("goals.coverage.title")}</Link>
        <Link to="/ziele/mitmachen">{t("goals.participate.link")}</Link>
      </p>
      <Form method="get" className="filters" aria-label={t("goals.board.filter")}>
        <div className="field">
          <label htmlFor="f-jahr">{t("goals.board.year")}</label>
          <select id="f-jahr" name="jahr" defaultValue={filter.jahr ?? ""}>
            <option value="">{t("goals.board.allYears")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-feld">{t("goals.field")}</label>
          <select id="f-feld" name="feld" defaultValue={filter.feld ?? ""}>
            <option value="">{t("goals.board.all")}</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-gruppe">{t("goals.owner")}</label>
          <select id="f-gruppe" name="gruppe" defaultValue={filter.gruppe ?? ""}>
            <option value="">{t("goals.board.all")}</option>
            {groupList.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("goals.status")}</label>
          <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("goals.board.all")}</option>
            {STATUS_NAMES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-empfehlung">{t("goals.recommendation")}</label>
          <input
            id="f-empfehlung"
            name="empfehlung"
            defaultValue={filter.empfehlung ?? ""}
            placeholder="BIL-1"
            size={8}
          />
        </div>
        <button type="submit" className="button">
          {t("goals.board.apply")}
        </button>
      </Form>

      <h2 aria-live="polite">
        {filter.jahr
          ? t("goals.board.countYear", { count: goals.length, year: filter.jahr })
          : t("goals.board.count", { count: goals.length })}
      </h2>
      {goals.length === 0 ? <p>{t("goals.board.none")}</p> : null}
      {filter.jahr || goals.length === 0 ? (
        <ul className="goal-list">
          {goals.map((g) => (
            <li key={g.id}>
              <h3>
                <Link to={`/ziele/${g.id}`}>
                  {t("goals.goalId", { id: g.id })}: {g.title}
                </Link>
              </h3>
              <p className="goal-meta">
                {g.status ? <StatusBadge status={g.status} /> : null}
                <span>{g.groupName}</span>
                {g.fieldName ? <span>{g.fieldName}</span> : null}
                <span>{t("goals.targetYearShort", { year: g.targetYear })}</span>
              </p>
              {g.sachstand ? <p>{g.sachstand}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <TableWrap label={t("goals.board.acrossYears")}>
          <table>
            <caption className="visually-hidden">{t("goals.board.acrossYears")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("goals.goal")}</th>
                <th scope="col">{t("goals.owner")}</th>
                {allYears.map((y) => (
                  <th scope="col" key={y}>
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {goals.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/ziele/${g.id}`}>
                      {t("goals.goalId", { id: g.id })}: {g.title}
                    </Link>
                  </th>
                  <td>{g.groupName}</td>
                  {allYears.map((y) => {
                    const h = g.history.find((x) => x.year === y);
                    return (
                      <td key={y}>
                        {h ? (
                          <StatusBadge status={h.status} />
                        ) : (
                          <>
                            <span aria-hidden="true">–</span>
                            <span className="visually-hidden">{t("goals.board.noStatus")}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t("goals.export.title")}</h2>
      <p className="inline-actions">
        <a href={`/ziele/export.csv${query}`} download>
          {t("goals.export.csv")}
        </a>
        <a href={`/ziele/export.xlsx${query}`} download>
          {t("goals.export.xlsx")}
        </a>
      </p>
    </>
  );
}

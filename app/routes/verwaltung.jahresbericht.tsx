import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { goalsLinks } from "~/modules/goals/ui";
import { defaultReportYear, reportYears } from "~/modules/monitoring/report.server";
import { requireOrganiser } from "~/server/auth.server";

// The two download buttons sit side by side (.inline-actions).
export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "monitoringGoals.report.title", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const [years, preferred] = await Promise.all([reportYears(), defaultReportYear()]);
  return { years, preferred };
}

/** One action for the yearly report: choose the year, download DOCX or PDF (a plain GET form, no JS). */
export default function YearlyReportPage() {
  const t = useT();
  const { years, preferred } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <p>
        <Link to="/verwaltung/ziele">{t("goals.admin.back")}</Link>
      </p>
      <h1>{t("monitoringGoals.report.title")}</h1>
      <p className="lead">{t("monitoringGoals.report.lead")}</p>
      {years.length === 0 ? (
        <p>{t("monitoringGoals.report.noYears")}</p>
      ) : (
        <form method="get" action="/verwaltung/jahresbericht/docx">
          <div className="field">
            <label htmlFor="report-year">{t("monitoringGoals.report.year")}</label>
            <select id="report-year" name="jahr" defaultValue={preferred ?? years[0]}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <p className="inline-actions">
            <button type="submit" className="button">
              {t("monitoringGoals.report.docx")}
            </button>
            <button type="submit" className="button button--secondary" formAction="/verwaltung/jahresbericht/pdf">
              {t("monitoringGoals.report.pdf")}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}

import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, type FormErrors, SafeForm, TableWrap } from "~/components/form";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { deadlineSchema } from "~/modules/groups/groups.schema";
import { PresentationLink } from "~/modules/groups/presentation-link";
import {
  getDeadline,
  listConferenceYears,
  listReportsForConference,
  setDeadline,
} from "~/modules/groups/reports.server";
import styles from "~/styles/groups.css?url";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatDateTime, parseBerlinLocal, toBerlinLocalInput } from "~/utils/time";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "reports.overview", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const list = await listConferenceYears();
  const wanted = Number(new URL(request.url).searchParams.get("jahr"));
  const conference = list.find((c) => c.year === wanted) ?? list[0];
  if (!conference) return { conferences: list, conference: null, rows: [], deadline: null };
  const [rows, deadline] = await Promise.all([listReportsForConference(conference.id), getDeadline(conference.id)]);
  return { conferences: list, conference, rows, deadline };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireOrganiser(request);
  const result = await parseForm(request, context, deadlineSchema);
  if (!result.ok) return invalid(result);
  if (!(await listConferenceYears()).some((c) => c.id === result.data.conferenceId)) notFound();
  const submitBy = parseBerlinLocal(result.data.submitBy);
  if (!submitBy)
    return invalid({
      errors: { submitBy: "errors.invalid" },
      values: { submitBy: result.data.submitBy, reminderDays: String(result.data.reminderDays) },
    });
  await setDeadline(result.data.conferenceId, submitBy, result.data.reminderDays);
  return data({ ok: true as const });
}

export default function ReportsOverview() {
  const t = useT();
  const locale = useLocale();
  const { conferences: list, conference, rows, deadline } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FormErrors = actionData && !actionData.ok ? actionData.errors : {};
  return (
    <>
      <h1>{t("reports.overview")}</h1>
      <p>{t("reports.overviewLead")}</p>
      <Form method="get" className="actions">
        <div className="field">
          <label htmlFor="jahr">{t("reports.conference")}</label>
          <select id="jahr" name="jahr" defaultValue={conference?.year}>
            {list.map((c) => (
              <option key={c.id} value={c.year}>
                {c.year}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary actions__submit">
          {t("reports.show")}
        </button>
      </Form>
      {conference ? (
        <>
          <TableWrap label={t("reports.overview")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("reports.group")}</th>
                  <th scope="col">{t("reports.statusLabel")}</th>
                  <th scope="col">{t("reports.presentation")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.group.id}>
                    <th scope="row">
                      {r.report ? (
                        <Link to={`/verwaltung/berichte/${r.report.id}`}>{r.group.name}</Link>
                      ) : (
                        <Link to={`/verwaltung/arbeitskreise/${r.group.id}`}>{r.group.name}</Link>
                      )}
                    </th>
                    <td>
                      {r.report ? (
                        <span className={`status status--${r.report.status}`}>
                          {t(`reports.status.${r.report.status}`)}
                        </span>
                      ) : (
                        t("reports.none")
                      )}
                    </td>
                    <td>
                      {r.report && (r.report.status === "approved" || r.report.status === "published") ? (
                        <PresentationLink reportId={r.report.id} group={r.group.name} />
                      ) : (
                        "–"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <section className="card" aria-labelledby="deadline-title">
            <h2 id="deadline-title">{t("reports.deadlineTitle")}</h2>
            {deadline ? <p>{t("reports.deadline", { date: formatDateTime(deadline.submitBy, locale) })}</p> : null}
            {actionData?.ok ? (
              <p className="notice" role="status">
                {t("reports.deadlineSaved")}
              </p>
            ) : null}
            <ErrorSummary
              errors={errors}
              labels={{ submitBy: t("reports.deadlineField"), reminderDays: t("reports.reminderDays") }}
            />
            <SafeForm noValidate>
              <input type="hidden" name="intent" value="deadline" />
              <input type="hidden" name="conferenceId" value={conference.id} />
              <Field
                name="submitBy"
                type="datetime-local"
                label={t("reports.deadlineField")}
                required
                error={errors.submitBy}
                defaultValue={deadline ? toBerlinLocalInput(new Date(deadline.submitBy)) : ""}
              />
              <Field
                name="reminderDays"
                type="number"
                min={0}
                max={90}
                label={t("reports.reminderDays")}
                required
                error={errors.reminderDays}
                defaultValue={String(deadline?.reminderDays ?? 7)}
              />
              <button type="submit" className="button">
                {t("reports.deadlineSave")}
              </button>
            </SafeForm>
          </section>
        </>
      ) : null}
    </>
  );
}

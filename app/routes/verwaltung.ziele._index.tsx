import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SafeForm, TableWrap } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import {
  conferenceYears,
  listGoalsForGroup,
  listPendingUpdates,
  planRollover,
  reviewUpdate,
  rollOverGoals,
} from "~/modules/goals/goals.server";
import { goalsLinks, StatusBadge, statusKey } from "~/modules/goals/ui";
import { requireOrganiser, requireUser } from "~/server/auth.server";
import { env } from "~/utils/env.server";
import { parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.admin.title", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organiser = user.role === "organiser";
  if (!organiser && !user.groupId) return { organiser, goals: [], pending: [], years: [] };
  const [goals, pending, years] = await Promise.all([
    listGoalsForGroup(organiser ? null : user.groupId),
    organiser ? listPendingUpdates() : Promise.resolve([]),
    organiser ? conferenceYears() : Promise.resolve([]),
  ]);
  return { organiser, goals, pending, years: years.map((y) => y.year) };
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("review"), goalYearId: z.uuid(), decision: z.enum(["publish", "reject"]) }),
  z.object({
    intent: z.enum(["rollover", "rolloverPreview"]),
    fromYear: z.coerce.number().int(),
    toYear: z.coerce.number().int(),
  }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const result = await parseForm(request, context, schema);
  if (!result.ok) notFound();
  if (result.data.intent === "review") {
    const { goalYearId, decision } = result.data;
    if (!(await reviewUpdate({ goalYearId, decision, actor: { id: user.id } }))) notFound();
    return data({ intent: "review" as const, decision: result.data.decision });
  }
  const { fromYear, toYear } = result.data;
  if (result.data.intent === "rolloverPreview") {
    // Nothing changes yet: the page lists the goals and who gets mail, with the button to do it.
    const plan = await planRollover({ fromYear, toYear });
    if (!plan.ok) return data({ intent: "rolloverRefused" as const, error: plan.error }, { status: 400 });
    return data({ intent: "rolloverPreview" as const, fromYear, toYear, groups: plan.groups });
  }
  const rolled = await rollOverGoals({ fromYear, toYear, appUrl: env.APP_URL });
  if (!rolled.ok) return data({ intent: "rolloverRefused" as const, error: rolled.error }, { status: 400 });
  return data({ intent: "rollover" as const, ok: true as const, rolled: rolled.rolled, mailed: rolled.mailed });
}

export default function GoalsAdmin() {
  const t = useT();
  const { organiser, goals, pending, years } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The newest year first: the form proposes "the year before → the newest", never a year into itself.
  const sortedYears = [...years].sort((a, b) => b - a);
  return (
    <>
      <h1>{t("goals.admin.title")}</h1>
      {organiser ? (
        <ul className="inline-actions">
          <li>
            <Link to="/verwaltung/ziele/vorschlaege">{t("goals.admin.proposals")}</Link>
          </li>
          <li>
            <Link to="/verwaltung/ziele/vereinbaren">{t("goals.admin.agree")}</Link>
          </li>
          <li>
            <Link to="/verwaltung/ziele/katalog">{t("goals.admin.catalogue")}</Link>
          </li>
          <li>
            <Link to="/verwaltung/jahresbericht">{t("monitoringGoals.report.link")}</Link>
          </li>
        </ul>
      ) : (
        <p>
          <Link to="/verwaltung/ziele/vorschlaege">{t("goals.admin.proposeForGroup")}</Link>
        </p>
      )}
      {result?.intent === "review" ? (
        <p className="notice" role="status">
          {result.decision === "publish" ? t("goals.admin.review.published") : t("goals.admin.review.rejected")}
        </p>
      ) : null}
      {result?.intent === "rollover" ? (
        <p className="notice" role="status">
          {t("goals.admin.rollover.done", { rolled: result.rolled, mailed: result.mailed })}
        </p>
      ) : null}
      {result?.intent === "rolloverRefused" ? (
        <p className="notice notice--warn" role="alert">
          {t(`goals.admin.rollover.refused.${result.error}`)}
        </p>
      ) : null}

      {organiser ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t("goals.admin.review.title", { count: pending.length })}</h2>
          {pending.length === 0 ? <p>{t("goals.admin.review.none")}</p> : null}
          <ul className="goal-list">
            {pending.map((p) => (
              <li key={p.goalYearId}>
                <h3>
                  <Link to={`/ziele/${p.goalId}`}>
                    {t("goals.goalId", { id: p.goalId })}: {p.title}
                  </Link>
                </h3>
                <p className="goal-meta">
                  <span>{p.groupName}</span>
                  <span>{p.year}</span>
                </p>
                <p>
                  {t("goals.admin.review.before")} <StatusBadge status={p.status} /> {p.sachstand}
                </p>
                <p>
                  {t("goals.admin.review.after")} <StatusBadge status={p.pendingStatus!} /> {p.pendingSachstand}
                </p>
                <div className="inline-actions">
                  {(["publish", "reject"] as const).map((decision) => (
                    <SafeForm key={decision}>
                      <input type="hidden" name="intent" value="review" />
                      <input type="hidden" name="goalYearId" value={p.goalYearId} />
                      <input type="hidden" name="decision" value={decision} />
                      <button
                        type="submit"
                        className={
                          decision === "publish" ? "button button--small" : "button button--small button--secondary"
                        }
                      >
                        {decision === "publish" ? t("goals.admin.review.publish") : t("goals.admin.review.reject")}
                      </button>
                    </SafeForm>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {organiser && years.length >= 2 ? (
        <section aria-labelledby="rollover-title">
          <h2 id="rollover-title">{t("goals.admin.rollover.title")}</h2>
          <p>{t("goals.admin.rollover.lead")}</p>
          <SafeForm className="inline-actions">
            <input type="hidden" name="intent" value="rolloverPreview" />
            <div className="field">
              <label htmlFor="field-fromYear">{t("goals.admin.rollover.from")}</label>
              <select id="field-fromYear" name="fromYear" defaultValue={sortedYears[1]}>
                {sortedYears.map((y) => (
                  <option key={y}>{y}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="field-toYear">{t("goals.admin.rollover.to")}</label>
              <select id="field-toYear" name="toYear" defaultValue={sortedYears[0]}>
                {sortedYears.map((y) => (
                  <option key={y}>{y}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t("goals.admin.rollover.preview")}
            </button>
          </SafeForm>
          {result?.intent === "rolloverPreview" ? (
            <div className="card" role="status">
              <h3>{t("goals.admin.rollover.previewTitle", { from: result.fromYear, to: result.toYear })}</h3>
              {result.groups.length === 0 ? (
                <p>{t("goals.admin.rollover.nothing")}</p>
              ) : (
                <>
                  <ul>
                    {result.groups.map((g) => (
                      <li key={g.groupId}>
                        <strong>{g.groupName}</strong>: {t("goals.admin.rollover.goalCount", { count: g.goals.length })}
                        {" · "}
                        {g.recipients.length
                          ? t("goals.admin.rollover.mailTo", {
                              recipients: g.recipients.map((r) => `${r.name} <${r.email}>`).join(", "),
                            })
                          : t("goals.admin.rollover.noRecipient")}
                      </li>
                    ))}
                  </ul>
                  <SafeForm>
                    <input type="hidden" name="intent" value="rollover" />
                    <input type="hidden" name="fromYear" value={result.fromYear} />
                    <input type="hidden" name="toYear" value={result.toYear} />
                    <button type="submit" className="button">
                      {t("goals.admin.rollover.submit")}
                    </button>
                  </SafeForm>
                </>
              )}
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="goals-title">
        <h2 id="goals-title">{organiser ? t("goals.admin.allGoals") : t("goals.admin.groupGoals")}</h2>
        {goals.length === 0 ? <p>{t("goals.board.none")}</p> : null}
        <TableWrap label={organiser ? t("goals.admin.allGoals") : t("goals.admin.groupGoals")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("goals.goal")}</th>
                <th scope="col">{t("goals.owner")}</th>
                <th scope="col">{t("goals.status")}</th>
                <th scope="col">{t("goals.admin.action")}</th>
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
                  <td>
                    {g.status ? <StatusBadge status={g.status} /> : null} {g.year}
                    {g.pending ? (
                      <p>{t("goals.admin.update.pending", { status: t(statusKey(g.pending.pendingStatus!)) })}</p>
                    ) : null}
                  </td>
                  <td>
                    <Link to={`/verwaltung/ziele/${g.id}`}>{t("goals.page.update")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  );
}

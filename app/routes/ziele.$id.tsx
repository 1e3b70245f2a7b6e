import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { getGoalPage } from "~/modules/goals/goals.server";
import { goalsLinks, StatusBadge } from "~/modules/goals/ui";
import { getUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";
import { formatDate } from "~/utils/time";
import { TableWrap } from "~/components/form";
import { indicatorsOfGoal } from "~/modules/monitoring/goal-links.server";
import { digest } from "~/modules/monitoring/digest";
import { IndicatorDigests } from "~/modules/monitoring/data-block";

export const links = goalsLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => `${t("goals.goalId", { id: data.goal.id })}: ${data.goal.title}` : "error.notFound.title",
  ),
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (!/^\d{1,9}$/.test(params.id ?? "") || !Number.isSafeInteger(id)) notFound();
  const page = await getGoalPage(id);
  if (!page) notFound();
  const user = await getUser(request);
  const canUpdate = Boolean(user && (user.role === "organiser" || user.groupId === page.goal.ownerGroupId));
  const indicators = (await indicatorsOfGoal(id)).map(digest);
  return { ...page, canUpdate, indicators };
}

export default function GoalPage() {
  const t = useT();
  const locale = useLocale();
  const { goal, recommendations, years, updates, origin, canUpdate, indicators } = useLoaderData<typeof loader>();
  const current = years.at(-1);
  return (
    <article className="prose">
      <p>
        <Link to="/ziele">{t("goals.backToBoard")}</Link>
      </p>
      <h1>
        {t("goals.goalId", { id: goal.id })}: {goal.title}
      </h1>
      {current ? (
        <p className="goal-meta">
          <span>{t("goals.page.currentStatus", { year: current.year })}</span> <StatusBadge status={current.status} />
        </p>
      ) : null}
      {goal.description ? <p className="lead">{goal.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t("goals.owner")}</dt>
          <dd>{goal.groupName}</dd>
        </div>
        {goal.partners ? (
          <div>
            <dt>{t("goals.partners")}</dt>
            <dd>{goal.partners}</dd>
          </div>
        ) : null}
        {goal.fieldName ? (
          <div>
            <dt>{t("goals.field")}</dt>
            <dd>{goal.fieldName}</dd>
          </div>
        ) : null}
        {goal.measure ? (
          <div>
            <dt>{t("goals.measure")}</dt>
            <dd>{goal.measure}</dd>
          </div>
        ) : null}
        {goal.indicator ? (
          <div>
            <dt>{t("goals.indicator")}</dt>
            <dd>{goal.indicator}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("goals.targetYear")}</dt>
          <dd>{goal.targetYear}</dd>
        </div>
        <div>
          <dt>{t("goals.page.agreedAt")}</dt>
          <dd>
            <Link to={`/konferenzen/${goal.originYear}`}>{t("goals.page.conference", { year: goal.originYear })}</Link>
          </dd>
        </div>
      </dl>
      {canUpdate ? (
        <p>
          <Link className="button" to={`/verwaltung/ziele/${goal.id}`}>
            {t("goals.page.update")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="recs-title">
        <h2 id="recs-title">{t("goals.page.recommendations")}</h2>
        {recommendations.length === 0 ? (
          <p>{t("goals.page.noRecommendations")}</p>
        ) : (
          <ul>
            {recommendations.map((r) => (
              <li key={r.id}>
                <strong>{r.code}</strong> {r.title}
                {r.successors.length ? (
                  <>
                    {" "}
                    (
                    {r.successors
                      .map((s) =>
                        s.code
                          ? `${t(`goals.successor.${s.kind}` as MessageKey)} ${s.code}`
                          : t("goals.successor.dropped"),
                      )
                      .join("; ")}
                    )
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="years-title">
        <h2 id="years-title">{t("goals.page.years")}</h2>
        <ol className="timeline">
          {years.map((y) => (
            <li key={y.year}>
              <p className="timeline__year">
                {t("goals.page.conference", { year: y.year })}: <StatusBadge status={y.status} />
              </p>
              <p>{y.sachstand || t("goals.page.noSachstand")}</p>
            </li>
          ))}
        </ol>
        <details>
          <summary>{t("goals.page.allChanges", { count: updates.length })}</summary>
          <TableWrap label={t("goals.page.years")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("goals.page.date")}</th>
                  <th scope="col">{t("goals.page.year")}</th>
                  <th scope="col">{t("goals.status")}</th>
                  <th scope="col">{t("goals.sachstand")}</th>
                </tr>
              </thead>
              <tbody>
                {updates.map((u, i) => (
                  <tr key={i}>
                    <td>{formatDate(u.publishedAt, locale)}</td>
                    <td>{u.year}</td>
                    <td>
                      <StatusBadge status={u.status} />
                    </td>
                    <td>{u.sachstand}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </details>
      </section>

      <section aria-labelledby="data-title" className="goal-data">
        <h2 id="data-title">{t("monitoringGoals.data.title")}</h2>
        {indicators.length ? (
          <>
            <p>{t("monitoringGoals.data.lead")}</p>
            <IndicatorDigests items={indicators} />
          </>
        ) : (
          <p>{t("monitoringGoals.data.none")}</p>
        )}
      </section>

      <section aria-labelledby="origin-title">
        <h2 id="origin-title">{t("goals.page.origin")}</h2>
        {origin ? (
          <>
            <p>
              {t("goals.page.fromProposal", { source: t(`goals.source.${origin.proposal.source}` as MessageKey) })} „
              {origin.proposal.title}“
            </p>
            {origin.proposal.description ? <p>{origin.proposal.description}</p> : null}
            {origin.proposal.originRef.startsWith("discussion:") ? <p>{t("goals.page.fromDiscussion")}</p> : null}
            {origin.mergedFrom.length ? (
              <div className="trace">
                <p>{t("goals.page.mergedFrom")}</p>
                <ul>
                  {origin.mergedFrom.map((m, i) => (
                    <li key={i}>
                      „{m.title}“ ({t(`goals.source.${m.source}` as MessageKey)})
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {origin.votes ? (
              <p>
                {t("goals.page.votes", {
                  points: origin.votes.points,
                  rank: origin.votes.rank,
                  voters: origin.votes.voters,
                  ballots: origin.votes.ballots,
                })}{" "}
                <Link to={`/ziele/ergebnis/${goal.originYear}`}>{t("goals.page.toResults")}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <p>{t("goals.page.noOrigin", { year: goal.originYear })}</p>
        )}
        <p>
          <small>{t("goals.page.stableUrl", { id: goal.id, date: formatDate(goal.createdAt, locale) })}</small>
        </p>
      </section>
    </article>
  );
}

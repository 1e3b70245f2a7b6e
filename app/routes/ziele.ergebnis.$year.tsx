import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { pageTitle, useT } from "~/i18n/i18n";
import { findConferenceByYear } from "~/modules/goals/proposals.server";
import { goalsLinks, ResultBars } from "~/modules/goals/ui";
import { getVotingRound, roundState, votingResults } from "~/modules/goals/voting.server";
import { getUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

export const links = goalsLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("goals.results.title", { year: data.year }) : "error.notFound.title"),
];

/** The ranking: public once the round has closed; organisers see it live (also on the projector). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const year = Number(params.year);
  if (!Number.isInteger(year)) notFound();
  const conference = await findConferenceByYear(year);
  if (!conference) notFound();
  const round = await getVotingRound(conference.id);
  if (!round) notFound();
  const state = roundState(round);
  const user = await getUser(request);
  const organiser = user?.role === "organiser";
  if (state !== "closed" && !organiser)
    return { year, state, visible: false as const, ballots: 0, rows: [], projector: false };
  const results = await votingResults(conference.id);
  const projector = new URL(request.url).searchParams.get("ansicht") === "projektor";
  return { year, state, visible: true as const, ...results, projector };
}

export default function Results() {
  const t = useT();
  const { year, state, visible, ballots, rows, projector } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!projector || state !== "open") return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 10_000);
    return () => clearInterval(timer);
  }, [projector, state, revalidator]);
  return (
    <div className={projector ? "projector" : "prose"}>
      {projector ? null : (
        <p>
          <Link to="/ziele">{t("goals.backToBoard")}</Link>
        </p>
      )}
      <h1>{t("goals.results.title", { year })}</h1>
      {!visible ? (
        <p>{t("goals.results.notYet")}</p>
      ) : (
        <>
          <p>
            {t("goals.results.ballots", { count: ballots })} {state === "open" ? t("goals.results.live") : null}
          </p>
          {rows.length ? <ResultBars rows={rows} /> : <p>{t("goals.ballot.noProposals")}</p>}
          {projector ? null : (
            <p>
              <Link to={`/ziele/ergebnis/${year}?ansicht=projektor`}>{t("goals.results.projector")}</Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}

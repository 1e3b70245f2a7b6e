import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SafeForm } from "~/components/form";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { conferenceYears } from "~/modules/goals/goals.server";
import { goalsLinks } from "~/modules/goals/ui";
import { closeVotingRound, getVotingRound, roundState, votingResults } from "~/modules/goals/voting.server";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatDateTime } from "~/utils/time";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.admin.round.endTitle", "admin")];

// Ending the vote asks first: GET shows what happens, the POST ends it (the end time becomes now).
async function load(request: Request) {
  const user = await requireOrganiser(request);
  const year = Number(new URL(request.url).searchParams.get("jahr"));
  const conference = (await conferenceYears()).find((c) => c.year === year);
  if (!conference) notFound();
  return { user, conference };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { conference } = await load(request);
  const round = await getVotingRound(conference.id);
  const state = roundState(round);
  return {
    year: conference.year,
    open: state === "open",
    closesAt: round?.closesAt ?? null,
    ballots: state === "open" ? (await votingResults(conference.id)).ballots : 0,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, conference } = await load(request);
  await readForm(request, context);
  const closed = await closeVotingRound({ conferenceId: conference.id, actor: { id: user.id } });
  // Ended meanwhile (by its end time or another organiser): back to the list, which shows the state.
  if (!closed.ok && closed.error === "none") notFound();
  throw redirect(`/verwaltung/ziele/vorschlaege?jahr=${conference.year}${closed.ok ? "&beendet=1" : ""}`);
}

export default function EndVoting() {
  const t = useT();
  const locale = useLocale();
  const { year, open, closesAt, ballots } = useLoaderData<typeof loader>();
  const back = `/verwaltung/ziele/vorschlaege?jahr=${year}`;
  return (
    <div className="narrow">
      <h1>{t("goals.admin.round.endTitle")}</h1>
      {open && closesAt ? (
        <>
          <p>{t("goals.admin.round.endLead", { year, closesAt: formatDateTime(closesAt, locale), ballots })}</p>
          <SafeForm className="reg-actions">
            <button type="submit" className="button button--danger">
              {t("goals.admin.round.endSubmit")}
            </button>
            <Link to={back}>{t("goals.admin.backToProposals")}</Link>
          </SafeForm>
        </>
      ) : (
        <>
          <p className="notice" role="status">
            {t("goals.admin.round.notOpen")}
          </p>
          <p>
            <Link to={back}>{t("goals.admin.backToProposals")}</Link>
          </p>
        </>
      )}
    </div>
  );
}

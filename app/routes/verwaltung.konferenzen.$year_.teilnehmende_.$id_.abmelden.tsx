import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { getParticipant } from "~/modules/registrations/participants.server";
import { cancelRegistration } from "~/modules/registrations/manage.server";
import { LIVE_STATUSES } from "~/modules/registrations/seats.server";
import { registrationLinks } from "~/modules/registrations/ui";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { requireOrganiserConference } from "~/server/organiser.server";

export const links = registrationLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("title.participantCancel", { year: data.year }) : "admin.conferences", "admin"),
];

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, conference } = await requireOrganiserConference(request, params.year);
  const participant = await getParticipant(conference.id, params.id ?? "");
  if (!participant) notFound();
  return {
    user,
    year: conference.year,
    participant,
    back: `/verwaltung/konferenzen/${conference.year}/teilnehmende/${participant.id}`,
  };
}

/** GET asks; only the POST cancels (through the same function as the participant's own cancellation). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { year, participant, back } = await load(request, params);
  if (!(LIVE_STATUSES as readonly string[]).includes(participant.status)) throw redirect(back);
  return { year, name: participant.name, back };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, participant, back } = await load(request, params);
  await readForm(request, context);
  await cancelRegistration(participant.id, new Date(), user);
  throw redirect(`${back}?abgemeldet=1`);
}

export default function CancelParticipant() {
  const t = useT();
  const { name, back } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("participants.hand.cancelTitle", { name })}</h1>
      <p>{t("participants.hand.cancelLead")}</p>
      <SafeForm className="reg-actions">
        <button type="submit" className="button button--danger">
          {t("participants.hand.cancelSubmit")}
        </button>
        <Link to={back}>{t("participants.hand.cancelBack")}</Link>
      </SafeForm>
    </div>
  );
}

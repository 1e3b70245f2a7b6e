import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ParticipatePage } from "~/modules/goals/participate-page";
import { FieldDataBlock } from "~/modules/monitoring/data-block";
import { fieldDigests } from "~/modules/monitoring/goal-links.server";
import { participationData, type Participant } from "~/modules/goals/participation.server";
import { participationAction } from "~/server/participate.server";
import { goalsLinks } from "~/modules/goals/ui";
import { voterKey } from "~/modules/goals/voting.server";
import { findByManageToken } from "~/modules/registrations/manage.server";
import { pageTitle } from "~/i18n/i18n";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, "goals.participate.title"),
  { name: "robots", content: "noindex" },
];

/** Through the registration's manage link: one ballot per confirmed registration. */
async function participant(token: string | undefined): Promise<Participant & { voterKey: string }> {
  const found = await findByManageToken(token ?? "");
  if (!found || found.registration.status !== "confirmed") throw data(null, { status: 404 });
  return {
    conference: { id: found.conference.id, year: found.conference.year, title: found.conference.title },
    voterKey: voterKey("registration", found.registration.id),
    limitKey: `registration:${found.registration.id}`,
    backTo: { href: `/meine-anmeldung/${token}`, label: "goals.participate.backToRegistration" },
  };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await participationData(await participant(params.token));
  // "Daten zum Handlungsfeld": the fields of the proposals on the ballot.
  const fieldData = await fieldDigests(page.proposals.flatMap((p) => (p.fieldId ? [p.fieldId] : [])));
  return { ...page, fieldData };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  return participationAction({ request, context, participant: await participant(params.token) });
}

export default function Participate() {
  const { fieldData } = useLoaderData<typeof loader>();
  return <ParticipatePage data={<FieldDataBlock fields={fieldData} />} />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ParticipatePage } from "~/modules/goals/participate-page";
import { FieldDataBlock } from "~/modules/monitoring/data-block";
import { fieldDigests } from "~/modules/monitoring/goal-links.server";
import { participationData, type Participant } from "~/modules/goals/participation.server";
import { participationAction } from "~/server/participate.server";
import { findConferenceByDayCode } from "~/modules/conferences/day-code.server";
import { goalsLinks } from "~/modules/goals/ui";
import { voterKey } from "~/modules/goals/voting.server";
import { deviceId, readDeviceId } from "~/server/device.server";
import { notFound } from "~/server/http.server";
import { pageTitle } from "~/i18n/i18n";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.participate.title")];

/** Through the conference-day code: one ballot per device (functional cookie, see device.server). */
async function participant(code: string | undefined, device: string | null): Promise<Participant> {
  const conference = code ? await findConferenceByDayCode(code) : null;
  if (!conference) notFound();
  return {
    conference,
    voterKey: device ? voterKey("device", device) : null,
    limitKey: `device:${device ?? ""}`,
    backTo: { href: "/ziele", label: "goals.participate.backToBoard" },
  };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const page = await participationData(await participant(params.code, await readDeviceId(request)));
  // "Daten zum Handlungsfeld": the fields of the proposals on the ballot.
  const fieldData = await fieldDigests(page.proposals.flatMap((p) => (p.fieldId ? [p.fieldId] : [])));
  return { ...page, fieldData };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const device = await deviceId(request);
  const p = await participant(params.code, device.id);
  return participationAction({
    request,
    context,
    participant: { ...p, voterKey: p.voterKey! },
    headers: device.setCookie ? { "Set-Cookie": device.setCookie } : undefined,
  });
}

export default function Participate() {
  const { fieldData } = useLoaderData<typeof loader>();
  return <ParticipatePage data={<FieldDataBlock fields={fieldData} />} />;
}

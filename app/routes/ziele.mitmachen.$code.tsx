import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ParticipatePage } from "~/modules/goals/participate-page";
import { participationAction, participationData, type Participant } from "~/modules/goals/participate.server";
import { findConferenceByDayCode } from "~/modules/goals/proposals.server";
import { goalsLinks } from "~/modules/goals/ui";
import { voterKey } from "~/modules/goals/voting.server";
import { deviceId, readDeviceId } from "~/utils/device.server";
import { notFound } from "~/utils/http.server";
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
  return participationData(await participant(params.code, await readDeviceId(request)));
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const device = await deviceId(request);
  const p = await participant(params.code, device.id);
  return participationAction({ request, context, form, participant: { ...p, voterKey: p.voterKey! }, headers: device.setCookie ? { "Set-Cookie": device.setCookie } : undefined });
}

export default ParticipatePage;

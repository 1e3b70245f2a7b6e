import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { findByManageToken } from "~/modules/registrations/manage.server";

/**
 * Registered participants come into the room's questions through their manage link: a confirmed
 * registration leads to the day's inputs without typing the code (likes stay one per device).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findByManageToken(params.token ?? "");
  if (!found || found.registration.status !== "confirmed" || !found.conference.dayCode)
    throw data(null, { status: 404 });
  throw redirect(`/live/${found.conference.dayCode}`);
}

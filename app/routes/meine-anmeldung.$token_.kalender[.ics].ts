import type { LoaderFunctionArgs } from "@remix-run/node";
import { conferenceIcs } from "~/modules/registrations/ics.server";
import { findByManageToken } from "~/modules/registrations/manage.server";
import { manageUrl } from "~/modules/registrations/links.server";

/** The calendar entry of this registration (METHOD:CANCEL once cancelled). */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findByManageToken(params.token ?? "");
  if (!found) throw new Response("Nicht gefunden", { status: 404 });
  const cancel = found.registration.status === "cancelled" || found.registration.status === "expired";
  const ics = conferenceIcs({
    conference: found.conference,
    registrationId: found.registration.id,
    sequence: found.registration.calendarSequence,
    cancel,
    manageUrl: manageUrl(params.token!, found.registration.locale),
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="integrationskonferenz-${found.conference.year}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}

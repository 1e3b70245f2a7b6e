import type { LoaderFunctionArgs } from "@remix-run/node";
import { getConferenceForAdmin } from "~/modules/conferences/admin.server";
import { parseParticipantFilter, participantsCsv } from "~/modules/registrations/participants.server";
import { requireOrganiser } from "~/server/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const found = await getConferenceForAdmin(Number(params.year));
  if (!found) throw new Response("Nicht gefunden", { status: 404 });
  const csv = await participantsCsv(found.conference.id, parseParticipantFilter(new URL(request.url).searchParams), {
    actor: user,
    year: found.conference.year,
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="teilnehmende-${found.conference.year}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { getConferenceForAdmin } from "~/modules/conferences/admin.server";
import { parseParticipantFilter, participantsXlsx } from "~/modules/registrations/participants.server";
import { requireOrganiser } from "~/server/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const found = await getConferenceForAdmin(Number(params.year));
  if (!found) throw new Response("Nicht gefunden", { status: 404 });
  const xlsx = await participantsXlsx(found.conference.id, parseParticipantFilter(new URL(request.url).searchParams), {
    actor: user,
    year: found.conference.year,
  });
  return new Response(new Uint8Array(xlsx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="teilnehmende-${found.conference.year}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}

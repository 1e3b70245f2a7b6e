import { getConferenceForAdmin } from "~/modules/conferences/admin.server";
import { requireOrganiser } from "./auth.server";
import { notFound } from "./http.server";

/** The guard of an organiser page about one conference: an organiser, and the conference of that year (else 404). */
export async function requireOrganiserConference(request: Request, yearParam: string | undefined) {
  const user = await requireOrganiser(request);
  const year = Number(yearParam);
  if (!Number.isInteger(year)) notFound();
  const found = await getConferenceForAdmin(year);
  if (!found) notFound();
  return { user, ...found };
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDocumentation } from "~/modules/publishing/documentation.server";
import { getPublication } from "~/modules/publishing/publication.server";
import { documentationZip } from "~/modules/publishing/zip.server";
import { getUser } from "~/server/auth.server";
import { zipResponse } from "~/server/download.server";
import { notFound } from "~/server/http.server";

/** The whole documentation as one ZIP (streamed). Published only; organisers may fetch the preview. Never uncleared photos. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = Number(params.year);
  if (!Number.isInteger(year)) notFound();
  const user = await getUser(request);
  const view = await getDocumentation(year, { preview: user?.role === "organiser" });
  if (!view) notFound();
  const { stream, fileName } = documentationZip(view, view.published ? await getPublication(view) : null);
  return zipResponse(stream, fileName);
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDocumentation } from "~/modules/publishing/documentation.server";
import { getPublication } from "~/modules/publishing/publication.server";
import { publicationResponse } from "~/server/renditions.server";
import { notFound } from "~/server/http.server";

/**
 * The publication "Dokumentation der Integrationskonferenz <Jahr>" as a tagged PDF. Only of a
 * published documentation and only when it was made from its current content (a withdrawn photo
 * is never served from an older PDF); otherwise 404 until the scheduler has made it again.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const year = Number(params.year);
  if (!Number.isInteger(year)) notFound();
  const view = await getDocumentation(year);
  if (!view) notFound();
  const publication = await getPublication(view);
  if (!publication) notFound();
  return publicationResponse(publication);
}

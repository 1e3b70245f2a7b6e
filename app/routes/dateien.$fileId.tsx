import type { LoaderFunctionArgs } from "@remix-run/node";
import { getRendition } from "~/modules/renditions/renditions.server";
import { pageImageResponse, projectedPdfResponse } from "~/server/renditions.server";
import { getFile } from "~/modules/uploads/files.server";
import { fileResponse } from "~/server/download.server";
import { getUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

/**
 * Downloads of uploaded files. A published file's current version is public; everything else only
 * for organisers and the group the file belongs to (quota key "group:<id>"). Anyone else: 404.
 * `?v=N` an earlier version, `?vorschau=1` the thumbnail of a photo, `?download=1` always attachment;
 * `?seite=N` the server-rendered image of page N, `?pdf=1` the PDF to project (an Office file's derived PDF).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = await getFile(params.fileId ?? "");
  if (!file) notFound();
  const url = new URL(request.url);
  const wanted = url.searchParams.has("v") ? Number(url.searchParams.get("v")) : file.currentVersion;
  const version = file.versions.find((v) => v.version === wanted);
  if (!version) notFound();
  const publicCopy = file.public && version.version === file.currentVersion;
  if (!publicCopy) {
    const user = await getUser(request);
    const allowed = user && (user.role === "organiser" || (user.groupId && file.quotaKey === `group:${user.groupId}`));
    if (!allowed) notFound();
  }
  if (url.searchParams.has("seite") || url.searchParams.has("pdf")) {
    const rendition = await getRendition(version.id);
    const res = url.searchParams.has("pdf")
      ? projectedPdfResponse(version, rendition, url.searchParams.has("download"))
      : pageImageResponse(rendition, Number(url.searchParams.get("seite")));
    if (!res) notFound();
    return res;
  }
  if (url.searchParams.has("vorschau") && !version.thumbnailKey) notFound();
  return fileResponse(version, {
    thumbnail: url.searchParams.has("vorschau"),
    download: url.searchParams.has("download"),
    range: request.headers.get("range"),
    ifRange: request.headers.get("if-range"),
  });
}

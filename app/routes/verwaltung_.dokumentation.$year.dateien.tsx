import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  addMaterial,
  addPhotos,
  getDocumentationForEditing,
  MAX_PHOTOS_PER_UPLOAD,
  PhotoError,
} from "~/modules/publishing/documentation.server";
import { uploadResponse } from "~/server/uploads/http.server";
import { discardPrepared, UploadError } from "~/modules/uploads/inspect.server";
import { receiveUploads } from "~/server/uploads/multipart.server";
import { requireOrganiser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

/** Uploads of a documentation: one material (`?art=material`) or many photos at once (`?art=fotos`). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const edit = await getDocumentationForEditing(Number(params.year));
  if (!edit) notFound();
  const kind = new URL(request.url).searchParams.get("art");
  if (kind !== "material" && kind !== "fotos") notFound();
  const back = `/verwaltung/dokumentation/${edit.conference.year}`;
  const received = await receiveUploads(request, context, {
    fileFields: ["datei"],
    maxFiles: kind === "fotos" ? MAX_PHOTOS_PER_UPLOAD : 1,
  });
  if (received.error) return uploadResponse(request, received, back);
  try {
    if (kind === "material") {
      await addMaterial({
        documentationId: edit.documentation.id,
        conferenceId: edit.conference.id,
        upload: received.files[0]!,
        title: "",
        uploadedBy: user.id,
      });
    } else {
      await addPhotos({
        documentationId: edit.documentation.id,
        conferenceId: edit.conference.id,
        uploads: received.files,
        uploadedBy: user.id,
      });
    }
  } catch (error) {
    await discardPrepared(received.files);
    if (error instanceof UploadError)
      return uploadResponse(request, { error: { code: error.code, status: error.status } }, back);
    if (error instanceof PhotoError) return uploadResponse(request, { error: { code: "type", status: 422 } }, back);
    throw error;
  }
  return uploadResponse(request, { error: null }, back);
}

/** Nothing to show here: anonymous visitors go to the sign-in like everywhere under /verwaltung. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  notFound();
}

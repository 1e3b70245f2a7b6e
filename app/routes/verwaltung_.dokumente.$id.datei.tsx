import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { attachLibraryFile, getLibraryEntry } from "~/modules/publishing/library.server";
import { uploadResponse } from "~/server/uploads/http.server";
import { discardPrepared, UploadError } from "~/modules/uploads/inspect.server";
import { receiveUploads } from "~/server/uploads/multipart.server";
import { requireOrganiser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";
import { isUuid } from "~/db/id";

/** Upload of a library entry's file (new, or the next version): streamed, checked, text extracted, attached. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  if (!isUuid(params.id)) notFound();
  const entry = await getLibraryEntry(params.id, { includeDrafts: true });
  if (!entry) notFound();
  const back = `/verwaltung/dokumente/${entry.id}`;
  const received = await receiveUploads(request, context, { fileFields: ["datei"] });
  if (received.error) return uploadResponse(request, received, back);
  try {
    if (!(await attachLibraryFile({ entryId: entry.id, upload: received.files[0]!, uploadedBy: user.id }))) {
      await discardPrepared(received.files);
      notFound();
    }
  } catch (error) {
    await discardPrepared(received.files);
    if (error instanceof UploadError)
      return uploadResponse(request, { error: { code: error.code, status: error.status } }, back);
    throw error;
  }
  return uploadResponse(request, { error: null }, back);
}

/** Nothing to show here: anonymous visitors go to the sign-in like everywhere under /verwaltung. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  notFound();
}

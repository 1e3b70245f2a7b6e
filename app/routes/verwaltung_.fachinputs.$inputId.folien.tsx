import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { attachSlides, getInput } from "~/modules/discussion/inputs.server";
import { uploadResponse } from "~/server/uploads/http.server";
import { discardPrepared, UploadError } from "~/modules/uploads/inspect.server";
import { receiveUploads } from "~/server/uploads/multipart.server";
import { requireOrganiser, requireUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

/** Upload of an input's slides (new file or next version) through the shared upload component. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const input = await getInput(params.inputId ?? "");
  if (!input) notFound();
  const back = `/verwaltung/fachinputs/${input.id}`;
  const received = await receiveUploads(request, context, { fileFields: ["datei"] });
  if (received.error) return uploadResponse(request, received, back);
  try {
    await attachSlides({ inputId: input.id, upload: received.files[0]!, userId: user.id });
  } catch (error) {
    await discardPrepared(received.files);
    if (error instanceof UploadError)
      return uploadResponse(request, { error: { code: error.code, status: error.status } }, back);
    throw error;
  }
  return uploadResponse(request, { error: null }, back);
}

// Only a POST target: anonymous visitors go to sign-in, everyone else finds nothing here.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound();
}

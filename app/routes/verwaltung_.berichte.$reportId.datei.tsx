import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { addReportFile, EDITABLE, findReport, WorkflowError } from "~/modules/groups/reports.server";
import { uploadResponse } from "~/server/uploads/http.server";
import { discardPrepared, UploadError } from "~/modules/uploads/inspect.server";
import { receiveUploads } from "~/server/uploads/multipart.server";
import { requireGroupAccess, requireUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

/** Upload of a report attachment (new file or new version): streamed, checked, then attached. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireUser(request); // anonymous: sign-in first, and no hint whether the report exists
  const report = await findReport(params.reportId ?? "");
  if (!report) notFound();
  const user = await requireGroupAccess(request, report.groupId);
  if (!EDITABLE.includes(report.status)) throw new Response(null, { status: 409 });
  const back = `/verwaltung/berichte/${report.id}`;
  const received = await receiveUploads(request, context, { fileFields: ["datei"] });
  if (received.error) return uploadResponse(request, received, back);
  try {
    const saved = await addReportFile({
      reportId: report.id,
      actor: { id: user.id, role: user.role, groupId: user.groupId },
      upload: received.files[0]!,
      replaceFileId: received.fields.ersetzt || undefined,
    });
    if (!saved) {
      await discardPrepared(received.files);
      notFound();
    }
  } catch (error) {
    await discardPrepared(received.files);
    if (error instanceof UploadError)
      return uploadResponse(request, { error: { code: error.code, status: error.status } }, back);
    if (error instanceof WorkflowError) throw new Response(null, { status: 409 });
    throw error;
  }
  return uploadResponse(request, { error: null }, back);
}

// Only a POST target: anonymous visitors go to sign-in, everyone else finds nothing here.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound();
}

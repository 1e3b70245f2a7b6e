import type { LoaderFunctionArgs } from "@remix-run/node";
import { canModerate, getInput } from "~/modules/discussion/inputs.server";
import { exportQuestionsCsv } from "~/modules/discussion/records.server";
import { requireUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

/** CSV of an input's public questions (moderators only; never pending or hidden ones). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const input = await getInput(params.inputId ?? "");
  if (!input || !(await canModerate(user, input.conferenceId))) notFound();
  return new Response(await exportQuestionsCsv(input.id), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="fragen-fachinput.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

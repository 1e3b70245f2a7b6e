import type { LoaderFunctionArgs } from "@remix-run/node";
import { getInputForCode } from "~/modules/discussion/inputs.server";
import { roomEventStream } from "~/modules/discussion/live.server";
import { eventStreamResponse } from "~/server/download.server";
import { notFound } from "~/server/http.server";

/** Server-sent events for the room view and the question page: public questions only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await getInputForCode(params.code ?? "", params.inputId ?? "");
  if (!found) notFound();
  const stream = await roomEventStream(found.input.id, request.signal);
  if (!stream) notFound();
  return eventStreamResponse(stream);
}

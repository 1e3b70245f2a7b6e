import type { LoaderFunctionArgs } from "@remix-run/node";
import { goalsXlsx } from "~/modules/goals/export.server";
import { parseBoardFilter } from "~/modules/goals/goals.schema";
import { env } from "~/utils/env.server";

/** The goals as an Excel workbook: sheet "Ziele" (one column per year) and sheet "Verlauf". */
export async function loader({ request }: LoaderFunctionArgs) {
  const { goalFilter } = parseBoardFilter(request.url);
  const body = await goalsXlsx({ filter: goalFilter, appUrl: env.APP_URL });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="ziele.xlsx"',
      "Cache-Control": "no-store",
    },
  });
}

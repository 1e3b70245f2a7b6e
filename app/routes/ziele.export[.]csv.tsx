import type { LoaderFunctionArgs } from "@remix-run/node";
import { goalsCsv } from "~/modules/goals/export.server";
import { parseBoardFilter } from "~/modules/goals/goals.schema";
import { env } from "~/utils/env.server";

/** The goals with their status history and recommendations as CSV (published data only). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { goalFilter } = parseBoardFilter(request.url);
  const csv = await goalsCsv({ filter: goalFilter, appUrl: env.APP_URL });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="ziele.csv"',
      "Cache-Control": "no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { areaFromSlug } from "~/modules/monitoring/monitoring.schema";
import { indicatorCsv, indicatorCsvName, monitoringIndicator } from "~/modules/monitoring/public.server";
import { notFound } from "~/server/http.server";

/** An indicator's values as CSV for German spreadsheets (published indicators only). */
export async function loader({ params }: LoaderFunctionArgs) {
  const area = areaFromSlug(params.bereich ?? "");
  if (!area) notFound();
  const indicator = await monitoringIndicator(area, params.indikator ?? "");
  if (!indicator) notFound();
  return new Response(indicatorCsv(indicator), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${indicatorCsvName(indicator)}"`,
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { importTemplateCsv } from "~/modules/monitoring/import.server";
import { requireOrganiser } from "~/server/auth.server";

/** The import template: every indicator and group for its next year, values to fill in. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return new Response(await importTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="monitoring-vorlage.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}

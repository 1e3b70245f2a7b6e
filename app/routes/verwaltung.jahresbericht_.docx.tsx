import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildYearlyReport, reportDocx, reportYears } from "~/modules/monitoring/report.server";
import { requireOrganiser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

/** The yearly report of a conference year (?jahr=) as DOCX. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const year = Number(new URL(request.url).searchParams.get("jahr"));
  if (!Number.isInteger(year) || !(await reportYears()).includes(year)) notFound();
  const body = await reportDocx(await buildYearlyReport({ year }));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="jahresbericht-${year}.docx"`,
      "Cache-Control": "no-store",
    },
  });
}

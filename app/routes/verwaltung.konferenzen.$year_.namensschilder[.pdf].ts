import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { badgesPdf, getConferenceByYear } from "~/modules/attendance/documents.server";
import { db } from "~/db/client.server";
import { requireOrganiser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const conference = await getConferenceByYear(Number(params.year));
  if (!conference) notFound();
  const pdf = await badgesPdf(conference);
  await recordAudit(db, {
    actor: user,
    action: "registration.badges",
    subjectType: "conference",
    subjectId: String(conference.year),
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="namensschilder-${conference.year}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificatePdf, safeFileName } from "~/modules/attendance/documents.server";
import { findByManageToken } from "~/modules/registrations/manage.server";
import { notFound } from "~/utils/http.server";

// The participant's own certificate, through the manage link, once they were checked in.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findByManageToken(params.token ?? "");
  if (!found || !found.registration.checkedInAt) notFound();
  const { registration, conference } = found;
  const pdf = await certificatePdf(conference, registration);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="teilnahmebescheinigung-${safeFileName(registration.lastName)}-${conference.year}.pdf"`,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

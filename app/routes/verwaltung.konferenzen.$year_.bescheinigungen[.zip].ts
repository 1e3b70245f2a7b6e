import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { ZipArchive } from "archiver";
import { db } from "~/db/client.server";
import {
  attendeesForCertificates,
  certificatePdf,
  getConferenceByYear,
  safeFileName,
} from "~/modules/attendance/documents.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireOrganiser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

// All certificates as one ZIP, written while it streams out (memory stays flat for any number).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const conference = await getConferenceByYear(Number(params.year));
  if (!conference) notFound();
  const people = await attendeesForCertificates(conference.id);
  await recordAudit(db, {
    actor: user,
    action: "registration.certificates",
    subjectType: "conference",
    subjectId: String(conference.year),
    summary: `${people.length} Bescheinigungen`,
  });
  const zip = new ZipArchive({ zlib: { level: 6 } });
  void (async () => {
    const used = new Set<string>();
    for (const person of people) {
      let name = `bescheinigung-${safeFileName(`${person.lastName}-${person.firstName}`)}`;
      while (used.has(name)) name += "-2";
      used.add(name);
      zip.append(Buffer.from(await certificatePdf(conference, person)), { name: `${name}.pdf` });
    }
    await zip.finalize();
  })().catch((error: unknown) => zip.destroy(error as Error));
  return new Response(createReadableStreamFromReadable(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="teilnahmebescheinigungen-${conference.year}.zip"`,
      "Cache-Control": "no-store",
    },
  });
}

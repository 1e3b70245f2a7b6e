import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportRegistration, findByManageToken } from "~/modules/registrations/manage.server";

/** Art. 15/20: everything stored about this registration as a JSON download. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findByManageToken(params.token ?? "");
  if (!found) throw new Response("Nicht gefunden", { status: 404 });
  const exported = await exportRegistration(found.registration.id);
  return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), ...exported }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="meine-anmeldung-${found.conference.year}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}

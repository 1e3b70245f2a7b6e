import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { extendSession } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { env } from "~/utils/env.server";

// "Sitzung verlängern" (WCAG 2.2.1): a POST with the form token that starts the idle timeout again.
// A resource route: no page, GET is not allowed.
export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  const extended = await extendSession(request);
  return data(
    { extended, idleMinutes: env.SESSION_IDLE_MINUTES },
    { status: extended ? 200 : 401, headers: { "Cache-Control": "no-store" } },
  );
}

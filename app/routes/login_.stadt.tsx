import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { beginOidcSignIn, oidcEnabled } from "~/server/oidc.server";
import { assertCsrf } from "~/utils/form.server";
import { notFound, safeRedirect } from "~/utils/http.server";
import { logger } from "~/utils/logger.server";

// "Mit dem Konto der Stadt anmelden": a posted form (CSRF-checked) that leaves for the city's
// OpenID provider. The answer comes back to login_.stadt_.zurueck.tsx.
export async function loader() {
  if (!oidcEnabled()) notFound();
  return redirect("/login");
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!oidcEnabled()) notFound();
  const form = await request.formData();
  assertCsrf(form, context);
  const redirectTo = safeRedirect(form.get("redirectTo"), "/verwaltung");
  try {
    const { url, setCookie } = await beginOidcSignIn(redirectTo);
    return redirect(url, { headers: { "Set-Cookie": setCookie } });
  } catch (error) {
    logger.warn({ kind: (error as Error).name, code: (error as { code?: string }).code }, "oidc: provider unreachable");
    return redirect("/login?stadt=fehler");
  }
}

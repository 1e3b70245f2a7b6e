import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { beginOidcSignIn, oidcEnabled } from "~/server/oidc.server";
import { notFound, safeRedirect } from "~/utils/http.server";
import { logger } from "~/utils/logger.server";

// "Mit dem Konto der Stadt anmelden": leaves for the city's OpenID provider; the answer comes back to
// login_.stadt_.zurueck.tsx. A plain link (GET), not a form: the CSP's form-action 'self' would stop
// a posted form's redirect to the provider. Starting a sign-in changes nothing but its own cookie.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!oidcEnabled()) notFound();
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/verwaltung");
  try {
    const { url, setCookie } = await beginOidcSignIn(redirectTo);
    return redirect(url, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  } catch (error) {
    logger.warn({ kind: (error as Error).name, code: (error as { code?: string }).code }, "oidc: provider unreachable");
    return redirect("/login?stadt=fehler");
  }
}

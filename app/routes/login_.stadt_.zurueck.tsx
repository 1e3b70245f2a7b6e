import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signInFromDirectory } from "~/modules/auth/directory.server";
import { clearOidcCookie, completeOidcSignIn, oidcEnabled } from "~/server/oidc.server";
import { signIn } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

// The city's OpenID provider sends the browser back here with a one-time code (OIDC_CALLBACK_PATH).
export async function loader({ request }: LoaderFunctionArgs) {
  if (!oidcEnabled()) notFound();
  const clear = await clearOidcCookie();
  const result = await completeOidcSignIn(request);
  if (!result.ok) throw redirect("/login?stadt=fehler", { headers: { "Set-Cookie": clear } });
  const account = await signInFromDirectory(result.person);
  if (!account.ok) {
    throw redirect(`/login?stadt=${account.reason === "not-authorised" ? "keine-berechtigung" : "fehler"}`, {
      headers: { "Set-Cookie": clear },
    });
  }
  const response = await signIn(request, account.userId, result.redirectTo);
  response.headers.append("Set-Cookie", clear);
  return response;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { linkCookie } from "~/server/link-cookie.server";

// Opening a sign-in link changes nothing: mail scanners may GET (or HEAD) it freely. The token moves
// into a short-lived cookie and out of the address bar; only the POST on the next page uses it.
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  if (!/^[a-z2-7]{32}$/.test(token)) throw redirect("/login?link-ungueltig=1");
  return redirect("/login/bestaetigen", {
    headers: { "Set-Cookie": await linkCookie.serialize(token), "Referrer-Policy": "no-referrer" },
  });
}

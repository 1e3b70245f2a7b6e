import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "~/i18n/catalog";
import { localeCookie } from "~/i18n/locale.server";
import { safeRedirect } from "~/server/http.server";

// The language switch: remembers the choice and returns to the same page.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const to = safeRedirect(url.searchParams.get("to"), "/");
  if (!isLocale(lang)) throw redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}

import { createCookie } from "@remix-run/node";
import { defaultLocale, isLocale, pageLocale, type Locale } from "./catalog";

/** A functional cookie: the language the visitor chose. No tracking. */
export const localeCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 31_536_000 });

/**
 * The language the page is rendered in (and mails are written in): the chosen one, or German on a
 * page that has no Arabic.
 */
export async function getLocale(request: Request): Promise<Locale> {
  return pageLocale(await getChosenLocale(request), new URL(request.url).pathname);
}

/** ?lang= wins (a shared link), then the visitor's choice, then German. */
export async function getChosenLocale(request: Request): Promise<Locale> {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

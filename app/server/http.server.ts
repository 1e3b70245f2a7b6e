import { data } from "@remix-run/node";

/** Only same-origin relative paths: never another host, never javascript:. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  try {
    const url = new URL(to, "http://ikon.invalid");
    if (url.origin !== "http://ikon.invalid") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

export function notFound(): never {
  throw data(null, { status: 404 });
}

export function forbidden(): never {
  throw data(null, { status: 403 });
}

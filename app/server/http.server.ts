import { data } from "@remix-run/node";

/**
 * Only same-origin relative paths: never another host, never javascript:. The final result is what
 * counts (normalising turns "/.//evil.example" into "//evil.example"): it must start with exactly one
 * "/" followed by neither "/" nor "\\", and carry no control characters.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !isLocalPath(to)) return fallback;
  try {
    const url = new URL(to, "http://ikon.invalid");
    if (url.origin !== "http://ikon.invalid") return fallback;
    const result = url.pathname + url.search + url.hash;
    return isLocalPath(result) ? result : fallback;
  } catch {
    return fallback;
  }
}

function isLocalPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^\/(?![/\\])/.test(path) && !/[\u0000-\u001f\u007f]/.test(path) && !/^\/%(2f|5c)/i.test(path);
}

export function notFound(): never {
  throw data(null, { status: 404 });
}

export function forbidden(): never {
  throw data(null, { status: 403 });
}

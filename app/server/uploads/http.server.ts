import { redirect } from "@remix-run/node";
import type { MessageKey } from "~/i18n/catalog";
import { env } from "~/utils/env.server";
import type { UploadErrorCode } from "~/modules/uploads/inspect.server";

const CODES: UploadErrorCode[] = [
  "missing",
  "tooLarge",
  "type",
  "mismatch",
  "zipBomb",
  "macro",
  "name",
  "image",
  "damaged",
  "quota",
  "tooMany",
  "noSpace",
];

export const uploadErrorKey = (code: UploadErrorCode) => `uploads.error.${code}` as MessageKey;

/** The <FileUpload> upload went through XMLHttpRequest (then it wants JSON, not a redirect). */
export function isXhrUpload(request: Request): boolean {
  return request.headers.get("X-Requested-With") === "XMLHttpRequest";
}

/**
 * The answer of an upload action. With JS (XHR): JSON and the real status (413 when too large).
 * Without JS: back to the form page (303), the refusal in the address (`?datei-fehler=code`), so the
 * page shows the German message next to the field.
 */
export function uploadResponse(
  request: Request,
  result: { error: { code: UploadErrorCode; status: number } | null },
  backTo: string,
): Response {
  const error = result.error;
  if (isXhrUpload(request)) {
    return new Response(
      JSON.stringify(error ? { ok: false, error: uploadErrorKey(error.code), max: env.UPLOAD_MAX_MB } : { ok: true }),
      {
        status: error ? error.status : 200,
        headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
      },
    );
  }
  const url = new URL(backTo, "http://x");
  if (error) url.searchParams.set("datei-fehler", error.code);
  else url.searchParams.set("hochgeladen", "1");
  url.hash = "anhaenge";
  return redirect(url.pathname + url.search + url.hash, 303);
}

/** The message key of a refusal passed back in the address, only when it is one of ours. */
export function uploadErrorFromUrl(request: Request): MessageKey | null {
  const code = new URL(request.url).searchParams.get("datei-fehler");
  return code && (CODES as string[]).includes(code) ? uploadErrorKey(code as UploadErrorCode) : null;
}

export const uploadLimitMb = () => env.UPLOAD_MAX_MB;

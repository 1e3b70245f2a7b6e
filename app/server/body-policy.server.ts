import { env } from "~/utils/env.server";

/** Every form body (urlencoded, JSON, anything not an upload): at most 1 MB while it streams in. */
export const FORM_BODY_BYTES = 1024 * 1024;
/** More fields than any form of ours has (urlencoded bodies are counted while they stream in). */
export const MAX_BODY_FIELDS = 300;
/** Room for the form fields around the files of an upload. */
const MULTIPART_OVERHEAD = 1024 * 1024;

/**
 * The only routes that take multipart/form-data, with the most files one request may carry
 * (files of UPLOAD_MAX_MB each) or a fixed byte size. Everything else is refused with 415 when it
 * sends multipart. A test checks this list against the routes that read uploads.
 */
export const UPLOAD_ROUTES: { pattern: RegExp; files?: number; bytes?: number }[] = [
  { pattern: /^\/verwaltung\/fachinputs\/[^/]+\/folien\/?$/, files: 1 },
  { pattern: /^\/verwaltung\/dokumente\/[^/]+\/datei\/?$/, files: 1 },
  { pattern: /^\/verwaltung\/berichte\/[^/]+\/datei\/?$/, files: 1 },
  // ?art=fotos: up to MAX_PHOTOS_PER_UPLOAD photos at once.
  { pattern: /^\/verwaltung\/dokumentation\/[^/]+\/dateien\/?$/, files: 30 },
  // CSV import (≤ 2 MB), read with request.formData().
  { pattern: /^\/verwaltung\/ziele\/katalog\/?$/, bytes: 3 * 1024 * 1024 },
  // Monitoring values from CSV/XLSX (≤ 2 MB), read with request.formData(); "Übernehmen" carries the signed preview.
  { pattern: /^\/verwaltung\/monitoring\/import\/?$/, bytes: 3 * 1024 * 1024 },
];

export type BodyPolicy = { multipart: boolean; bytes: number; fields: number };

/** How much body a POST (PUT, PATCH, DELETE) to `pathname` may send, and whether multipart. */
export function bodyPolicy(pathname: string): BodyPolicy {
  // A form sent with JavaScript goes to the route's data address (Remix single fetch: `/path.data`).
  const route = pathname.replace(/\.data$/, "");
  const upload = UPLOAD_ROUTES.find((r) => r.pattern.test(route));
  if (!upload) return { multipart: false, bytes: FORM_BODY_BYTES, fields: MAX_BODY_FIELDS };
  const bytes = upload.bytes ?? (upload.files ?? 1) * env.UPLOAD_MAX_MB * 1024 * 1024 + MULTIPART_OVERHEAD;
  return { multipart: true, bytes, fields: MAX_BODY_FIELDS };
}

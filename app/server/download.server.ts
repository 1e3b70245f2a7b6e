import { Readable } from "node:stream";
import { translator } from "~/i18n/catalog";
import { contentDisposition } from "~/modules/uploads/filename";
import type { FileVersionRow } from "~/modules/uploads/files.server";
import { storage, type ByteRange } from "~/modules/uploads/storage.server";
import { logger } from "~/utils/logger.server";

const INLINE = new Set(["pdf", "jpeg", "png"]);

/**
 * The one byte range of a `Range` header against a file of `size` bytes: a range, "unsatisfiable"
 * (answered with 416), or null (no header, several ranges, or not bytes: the whole file with 200).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | "unsatisfiable" | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec((header ?? "").trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== "" && Number(m[2]) < start) return null;
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || size === 0) return "unsatisfiable";
  return { start, end };
}

/** A small German page for a download that cannot be served (the file's bytes are gone, or the store is down). */
function fileErrorPage(status: 404 | 503, what: "missing" | "unavailable"): Response {
  const t = translator("de");
  const title = t(`uploads.${what}.title`);
  const html = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${t("home.title")}</title></head><body><main><h1>${title}</h1><p>${t(`uploads.${what}.text`)}</p><p><a href="/">${t("error.backHome")}</a></p></main></body></html>`;
  const headers = new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (status === 503) headers.set("Retry-After", "60");
  return new Response(html, { status, headers });
}

/**
 * The download response for one stored version: the stored type, attachment (inline only for PDF
 * and images), nosniff and a sandbox CSP, so even a hostile file cannot run script on our origin.
 * Answers one byte range (`Range: bytes=…`, 206) so PDF viewers and video players can seek; the
 * validator is the stored SHA-256 (`ETag`, honoured by `If-Range`). Bytes missing from the store
 * give a German 404 page, an unreachable store a 503 page: never a dropped connection.
 */
export async function fileResponse(
  version: FileVersionRow,
  opts: { thumbnail?: boolean; download?: boolean; range?: string | null; ifRange?: string | null } = {},
): Promise<Response> {
  const store = storage();
  const thumb = opts.thumbnail && version.thumbnailKey;
  const key = thumb ? version.thumbnailKey! : version.storageKey;
  const type = thumb ? "image/jpeg" : version.contentType;
  const inline = !opts.download && INLINE.has(version.kind);
  const etag = thumb ? null : `"${version.sha256}"`;
  const rangeWanted =
    !thumb && opts.range && (!opts.ifRange || opts.ifRange === etag) ? parseRange(opts.range, version.size) : null;
  const headers = new Headers({
    "Content-Type": type,
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", version.displayName),
    "X-Content-Type-Options": "nosniff",
    // frame-ancestors 'self': our own presentation view may show a PDF in a frame; nobody else may.
    "Content-Security-Policy": "sandbox; default-src 'none'; frame-ancestors 'self'",
    "Cache-Control": "private, no-cache",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  if (etag) {
    headers.set("ETag", etag);
    headers.set("Accept-Ranges", "bytes");
  }
  if (rangeWanted === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${version.size}`);
    headers.delete("Content-Disposition");
    return new Response(null, { status: 416, headers });
  }
  let opened;
  try {
    opened = await store.open(key, rangeWanted ?? undefined);
  } catch (error) {
    logger.error({ err: error, fileId: version.fileId, version: version.version }, "file store unavailable");
    return fileErrorPage(503, "unavailable");
  }
  if (!opened) {
    logger.error(
      { fileId: version.fileId, version: version.version, thumbnail: Boolean(thumb), store: store.description },
      "stored file missing",
    );
    return fileErrorPage(404, "missing");
  }
  // A failure in the middle of the bytes can only end the connection; log it, never crash.
  opened.body.on("error", (error) => logger.warn({ err: error, fileId: version.fileId }, "file stream failed"));
  const body = Readable.toWeb(opened.body) as ReadableStream<Uint8Array>;
  if (rangeWanted) {
    headers.set("Content-Range", `bytes ${rangeWanted.start}-${rangeWanted.end}/${version.size}`);
    headers.set("Content-Length", String(rangeWanted.end - rangeWanted.start + 1));
    return new Response(body, { status: 206, headers });
  }
  headers.set("Content-Length", String(thumb ? opened.size : version.size));
  return new Response(body, { status: 200, headers });
}

/** A generated ZIP (streamed) as a download that is never cached. */
export function zipResponse(stream: Readable, fileName: string): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition("attachment", fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

/** Server-sent events: never cached, never buffered by a proxy or the compression middleware. */
export function eventStreamResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

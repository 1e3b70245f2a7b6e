import { Readable } from "node:stream";
import { contentDisposition } from "~/modules/uploads/filename";
import type { FileVersionRow } from "~/modules/uploads/files.server";
import { storage } from "~/modules/uploads/storage.server";

const INLINE = new Set(["pdf", "jpeg", "png"]);

/**
 * The download response for one stored version: the stored type, attachment (inline only for PDF
 * and images), nosniff and a sandbox CSP, so even a hostile file cannot run script on our origin.
 */
export function fileResponse(version: FileVersionRow, opts: { thumbnail?: boolean; download?: boolean } = {}): Response {
  const store = storage();
  const thumb = opts.thumbnail && version.thumbnailKey;
  const key = thumb ? version.thumbnailKey! : version.storageKey;
  const type = thumb ? "image/jpeg" : version.contentType;
  const inline = !opts.download && INLINE.has(version.kind);
  const body = Readable.toWeb(store.read(key)) as ReadableStream<Uint8Array>;
  const headers = new Headers({
    "Content-Type": type,
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", version.displayName),
    "X-Content-Type-Options": "nosniff",
    // frame-ancestors 'self': our own presentation view may show a PDF in a frame; nobody else may.
    "Content-Security-Policy": "sandbox; default-src 'none'; frame-ancestors 'self'",
    "Cache-Control": "private, no-cache",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  if (!thumb) headers.set("Content-Length", String(version.size));
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

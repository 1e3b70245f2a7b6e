import { Readable } from "node:stream";
import type { FileVersionRow } from "~/modules/uploads/files.server";
import { contentDisposition } from "~/modules/uploads/filename";
import type { Rendition } from "~/modules/renditions/renditions.server";
import { storage } from "~/modules/uploads/storage.server";

function stored(key: string, headers: Record<string, string>): Response {
  const body = Readable.toWeb(storage().read(key)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'; frame-ancestors 'self'",
      "Cache-Control": "private, no-cache",
      "Cross-Origin-Resource-Policy": "same-origin",
      ...headers,
    },
  });
}

/** The server-rendered image of page `page` (1-based) of a rendered version, or null. */
export function pageImageResponse(rendition: Rendition | null, page: number): Response | null {
  const key = rendition?.status === "done" ? rendition.pageImageKeys[page - 1] : undefined;
  return key ? stored(key, { "Content-Type": "image/png" }) : null;
}

/** The PDF to project: an Office file's derived PDF (named like the file, .pdf), a PDF itself. */
export function projectedPdfResponse(
  version: FileVersionRow,
  rendition: Rendition | null,
  download = false,
): Response | null {
  if (version.kind === "pdf")
    return stored(version.storageKey, {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(download ? "attachment" : "inline", version.displayName),
    });
  if (rendition?.status !== "done" || !rendition.pdfKey) return null;
  const name = version.displayName.replace(/\.[^.]+$/, "") + ".pdf";
  return stored(rendition.pdfKey, {
    "Content-Type": "application/pdf",
    "Content-Disposition": contentDisposition(download ? "attachment" : "inline", name),
  });
}

/** The publication PDF of a documentation ("Dokumentation der Integrationskonferenz <Jahr>"). */
export function publicationResponse(publication: { storageKey: string; fileName: string }, download = false): Response {
  return stored(publication.storageKey, {
    "Content-Type": "application/pdf",
    "Content-Disposition": contentDisposition(download ? "attachment" : "inline", publication.fileName),
  });
}

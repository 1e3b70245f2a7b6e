import { Readable } from "node:stream";
import { rm } from "node:fs/promises";
import { and, desc, eq, sql } from "drizzle-orm";
import { db, type DbOrTx } from "~/db/client.server";
import { files, fileVersions } from "~/db/schema";
import { contentDisposition } from "./filename";
import { isDiskFull, UploadError, type PreparedUpload } from "./inspect.server";
import { translator } from "~/i18n/catalog";
import { logger } from "~/utils/logger.server";
import { newStorageKey, storage, type ByteRange } from "./storage.server";

/** Default quota per owner (e.g. per group): 200 MB and 500 file versions. */
export const DEFAULT_QUOTA = { bytes: 200 * 1024 * 1024, count: 500 };

export async function quotaUsed(quotaKey: string, tx: DbOrTx = db): Promise<{ bytes: number; count: number }> {
  const [row] = await tx
    .select({ bytes: sql<string>`coalesce(sum(${fileVersions.size}), 0)`, count: sql<string>`count(${fileVersions.id})` })
    .from(fileVersions)
    .innerJoin(files, eq(files.id, fileVersions.fileId))
    .where(eq(files.quotaKey, quotaKey));
  return { bytes: Number(row?.bytes ?? 0), count: Number(row?.count ?? 0) };
}

export type SavedFile = { fileId: string; version: number };

/**
 * Stores a checked upload: moves it into the storage under a random key and records it. With
 * `replaceFileId` it becomes the next version of that file (the earlier versions stay). `link`
 * runs in the same transaction, so the owning domain can attach the file (and write its history).
 * Throws UploadError("quota") when the owner's quota would be exceeded.
 */
export async function saveUpload(input: {
  upload: PreparedUpload;
  quotaKey: string;
  uploadedBy: string | null;
  replaceFileId?: string;
  quota?: { bytes: number; count: number };
  link?: (tx: DbOrTx, saved: SavedFile) => Promise<void>;
}): Promise<SavedFile> {
  const { upload } = input;
  const quota = input.quota ?? DEFAULT_QUOTA;
  const key = newStorageKey();
  const thumbKey = upload.thumbnailPath ? newStorageKey() : null;
  const store = storage();
  try {
    const used = await quotaUsed(input.quotaKey);
    if (used.bytes + upload.size > quota.bytes || used.count + 1 > quota.count) throw new UploadError("quota");
    try {
      await store.put(key, upload.path);
      if (thumbKey && upload.thumbnailPath) await store.put(thumbKey, upload.thumbnailPath);
    } catch (error) {
      throw isDiskFull(error) ? new UploadError("noSpace") : error;
    }
    return await db.transaction(async (tx) => {
      let fileId = input.replaceFileId;
      let version = 1;
      if (fileId) {
        const [row] = await tx
          .update(files)
          .set({ currentVersion: sql`${files.currentVersion} + 1` })
          .where(and(eq(files.id, fileId), eq(files.quotaKey, input.quotaKey)))
          .returning({ currentVersion: files.currentVersion });
        if (!row) throw new Error("file to replace not found");
        version = row.currentVersion;
      } else {
        const [row] = await tx.insert(files).values({ quotaKey: input.quotaKey }).returning({ id: files.id });
        fileId = row!.id;
      }
      await tx.insert(fileVersions).values({
        fileId,
        version,
        displayName: upload.displayName,
        kind: upload.kind,
        contentType: upload.contentType,
        size: upload.size,
        sha256: upload.sha256,
        storageKey: key,
        thumbnailKey: thumbKey,
        textContent: upload.text,
        uploadedBy: input.uploadedBy,
      });
      await input.link?.(tx, { fileId, version });
      return { fileId, version };
    });
  } catch (error) {
    // No stored file without its row: undo the move when anything failed.
    await store.remove(key).catch(() => undefined);
    if (thumbKey) await store.remove(thumbKey).catch(() => undefined);
    await rm(upload.path, { force: true });
    if (upload.thumbnailPath) await rm(upload.thumbnailPath, { force: true });
    throw error;
  }
}

export type FileVersionRow = typeof fileVersions.$inferSelect;

/** A file with its versions, newest first. */
export async function getFile(fileId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) return null;
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  if (!file) return null;
  const versions = await db.select().from(fileVersions).where(eq(fileVersions.fileId, fileId)).orderBy(desc(fileVersions.version));
  return { ...file, versions };
}

export async function setFilesPublic(tx: DbOrTx, fileIds: string[], value: boolean) {
  for (const id of fileIds) await tx.update(files).set({ public: value }).where(eq(files.id, id));
}

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
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
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
  const rangeWanted = !thumb && opts.range && (!opts.ifRange || opts.ifRange === etag) ? parseRange(opts.range, version.size) : null;
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
    logger.error({ fileId: version.fileId, version: version.version, thumbnail: Boolean(thumb), store: store.description }, "stored file missing");
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

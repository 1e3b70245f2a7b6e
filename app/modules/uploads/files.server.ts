import { rm } from "node:fs/promises";
import { isUuid } from "~/db/id";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx } from "~/db/client.server";
import { fileRenditions, files, fileVersions } from "~/db/schema";
import { logger } from "~/utils/logger.server";
import { isDiskFull, UploadError, type PreparedUpload } from "./inspect.server";
import { newStorageKey, storage } from "./storage.server";
import { withoutSearch } from "~/db/columns";

const savedListeners = new Set<() => void>();

/**
 * Lets a background worker wake when a file version was stored (the renditions worker renders the
 * pages of PDFs and Office files), without this module knowing who listens. Returns the unsubscribe.
 */
export function onFileSaved(listener: () => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}

/** Default quota per owner (e.g. per group): 200 MB and 500 file versions. */
export const DEFAULT_QUOTA = { bytes: 200 * 1024 * 1024, count: 500 };

export async function quotaUsed(quotaKey: string, tx: DbOrTx = db): Promise<{ bytes: number; count: number }> {
  const [row] = await tx
    .select({
      bytes: sql<string>`coalesce(sum(${fileVersions.size}), 0)`,
      count: sql<string>`count(${fileVersions.id})`,
    })
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
    const saved = await db.transaction(async (tx) => {
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
    for (const listener of savedListeners) listener(); // e.g. PDFs and Office files get their pages rendered
    return saved;
  } catch (error) {
    // No stored file without its row: undo the move when anything failed.
    await store.remove(key).catch(() => undefined);
    if (thumbKey) await store.remove(thumbKey).catch(() => undefined);
    await rm(upload.path, { force: true });
    if (upload.thumbnailPath) await rm(upload.thumbnailPath, { force: true });
    throw error;
  }
}

export type FileVersionRow = Omit<typeof fileVersions.$inferSelect, "search">;

/** A file with its versions, newest first. */
export async function getFile(fileId: string) {
  if (!isUuid(fileId)) return null;
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  if (!file) return null;
  const versions = await db
    .select(withoutSearch(fileVersions))
    .from(fileVersions)
    .where(eq(fileVersions.fileId, fileId))
    .orderBy(desc(fileVersions.version));
  return { ...file, versions };
}

export async function setFilesPublic(tx: DbOrTx, fileIds: string[], value: boolean) {
  for (const id of fileIds) await tx.update(files).set({ public: value }).where(eq(files.id, id));
}

/**
 * Deletes a file with all its versions and renditions (inside the caller's transaction) and returns
 * the storage keys of their bytes, to be removed with `removeStoredKeys` after the commit.
 */
export async function deleteFileRows(tx: DbOrTx, fileId: string): Promise<string[]> {
  const versions = await tx
    .select({ id: fileVersions.id, storageKey: fileVersions.storageKey, thumbnailKey: fileVersions.thumbnailKey })
    .from(fileVersions)
    .where(eq(fileVersions.fileId, fileId));
  const renditions = versions.length
    ? await tx
        .select({ pdfKey: fileRenditions.pdfKey, pageImageKeys: fileRenditions.pageImageKeys })
        .from(fileRenditions)
        .where(
          inArray(
            fileRenditions.fileVersionId,
            versions.map((v) => v.id),
          ),
        )
    : [];
  await tx.delete(files).where(eq(files.id, fileId));
  return [
    ...versions.flatMap((v) => [v.storageKey, v.thumbnailKey]),
    ...renditions.flatMap((r) => [r.pdfKey, ...r.pageImageKeys]),
  ].filter((k): k is string => Boolean(k));
}

/** Removes stored bytes whose rows are gone; a key that cannot be removed is logged, not fatal. */
export async function removeStoredKeys(keys: string[]): Promise<void> {
  const store = storage();
  for (const key of keys) {
    await store
      .remove(key)
      .catch((error: unknown) => logger.warn({ err: String(error), key }, "stored file not removed"));
  }
}

import { randomBytes } from "node:crypto";
import { createReadStream, mkdirSync } from "node:fs";
import { copyFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { env } from "~/utils/env.server";

/**
 * Where uploaded content lives. Keys are random and never derived from a user's file name.
 * Today: the local file system under DATA_DIR/uploads (outside public/). An S3-compatible store
 * only has to implement these four methods.
 */
export interface FileStorage {
  /** Moves a finished local temp file into the store under `key`. */
  put(key: string, localPath: string): Promise<void>;
  read(key: string): Readable;
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
}

export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

const KEY = /^[a-f0-9]{32}$/;

export function fileSystemStorage(root: string): FileStorage {
  const where = (key: string) => {
    if (!KEY.test(key)) throw new Error("invalid storage key");
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, localPath) {
      const target = where(key);
      mkdirSync(path.dirname(target), { recursive: true });
      try {
        await rename(localPath, target);
      } catch {
        await copyFile(localPath, target);
        await rm(localPath, { force: true });
      }
    },
    read: (key) => createReadStream(where(key)),
    async size(key) {
      try {
        return (await stat(where(key))).size;
      } catch {
        return null;
      }
    },
    remove: (key) => rm(where(key), { force: true }),
  };
}

export const uploadsRoot = () => path.join(env.DATA_DIR, "uploads");
/** Temp files while a request streams in; same file system as the store, so `put` is a rename. */
export const uploadsTmpDir = () => path.join(uploadsRoot(), "tmp");

let current: FileStorage | undefined;
export function storage(): FileStorage {
  current ??= fileSystemStorage(path.join(uploadsRoot(), "store"));
  return current;
}

import { randomBytes } from "node:crypto";
import { createReadStream, mkdirSync } from "node:fs";
import { copyFile, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import { env } from "~/utils/env.server";
import { s3Storage } from "./s3-storage.server";

/** One byte range of a stored file, both ends inclusive (as in HTTP `Range: bytes=start-end`). */
export type ByteRange = { start: number; end: number };

/** An opened stored file: its bytes (all or the asked range) and the size of the whole file. */
export type OpenedFile = { body: Readable; size: number };

/** The store could not be asked (network, credentials, bucket gone): not the same as a missing file. */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StorageUnavailableError";
  }
}

/**
 * Where uploaded content lives. Keys are random and never derived from a user's file name.
 * Two backends: the local file system under DATA_DIR/uploads (outside public/), and an
 * S3-compatible bucket (STORAGE=s3, shared by several instances). Both stream both ways.
 */
export interface FileStorage {
  /** Moves a finished local temp file into the store under `key`. */
  put(key: string, localPath: string): Promise<void>;
  /** The whole file as a stream; a missing file makes the stream fail (prefer `open` to answer HTTP). */
  read(key: string): Readable;
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
  /**
   * Opens a stored file for streaming, all of it or one byte range; `null` when the key is not in
   * the store. Throws StorageUnavailableError when the store cannot be asked.
   */
  open(key: string, range?: ByteRange): Promise<OpenedFile | null>;
  /** Where the files are, for logs and the migration command (never a secret). */
  readonly description: string;
  /** Checked once at start: the directory can be created, the bucket answers. */
  check(): Promise<void>;
  /** Every key in the store, in no particular order (for backup and restore; streams, never a whole list). */
  keys(): AsyncIterable<string>;
}

export function newStorageKey(): string {
  return randomBytes(16).toString("hex");
}

const KEY = /^[a-f0-9]{32}$/;
export function assertStorageKey(key: string): string {
  if (!KEY.test(key)) throw new Error("invalid storage key");
  return key;
}

export function fileSystemStorage(root: string): FileStorage {
  const where = (key: string) => path.join(root, assertStorageKey(key).slice(0, 2), key);
  return {
    description: `file system ${root}`,
    async check() {
      mkdirSync(root, { recursive: true });
    },
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
    async open(key, range) {
      const file = where(key);
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw new StorageUnavailableError(`cannot read ${file}`, { cause: error });
      }
      const body = range ? createReadStream(file, { start: range.start, end: range.end }) : createReadStream(file);
      // Opened after stat: a file removed in between still fails the stream, never the process.
      return { body: body.on("error", () => undefined) as Readable, size };
    },
    remove: (key) => rm(where(key), { force: true }),
    async *keys() {
      const dirs = await readdir(root).catch(() => [] as string[]);
      for (const dir of dirs.filter((d) => /^[a-f0-9]{2}$/.test(d)).sort()) {
        for (const name of (await readdir(path.join(root, dir))).sort())
          if (name.startsWith(dir) && KEY.test(name)) yield name;
      }
    },
  };
}

/** A stream that is returned at once and filled once `source` resolves (errors end it with that error). */
export function lazyStream(source: () => Promise<Readable>): Readable {
  const out = new PassThrough();
  source().then(
    (body) => {
      body.on("error", (error) => out.destroy(error));
      body.pipe(out);
    },
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return out;
}

export const uploadsRoot = () => path.join(env.DATA_DIR, "uploads");
/** Temp files while a request streams in; same file system as the fs store, so `put` is a rename. */
export const uploadsTmpDir = () => path.join(uploadsRoot(), "tmp");
/** The file system store (the default, and the source of `npm run storage:migrate`). */
export const localStorage = () => fileSystemStorage(path.join(uploadsRoot(), "store"));

/** The configured S3 bucket (also when STORAGE=fs: the migration command writes into it). */
export function configuredS3Storage(): FileStorage {
  if (!env.S3_BUCKET) throw new Error("S3_BUCKET is not set");
  return s3Storage({
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    prefix: env.S3_PREFIX,
  });
}

let current: FileStorage | undefined;
export function storage(): FileStorage {
  current ??= env.STORAGE === "s3" ? configuredS3Storage() : localStorage();
  return current;
}

import { createHash, timingSafeEqual } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { PassThrough, Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import busboy from "busboy";
import { env } from "~/utils/env.server";
import { CSRF_FIELD } from "~/server/form.server";
import {
  discardPrepared,
  inspectUpload,
  isDiskFull,
  tempName,
  UploadError,
  type PreparedUpload,
  type UploadErrorCode,
} from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";

export type UploadOptions = {
  /** Names of the file inputs this form has; other file parts are drained and ignored. */
  fileFields: string[];
  /** Per file; default UPLOAD_MAX_MB. */
  maxFileBytes?: number;
  /** Files per request; default 1. */
  maxFiles?: number;
};

export type UploadFailure = { field: string; code: UploadErrorCode; status: number };

export type ReceivedUploads = {
  /** Text fields of the form (the last value wins; `_csrf` is left out). */
  fields: Record<string, string>;
  /** Files that passed every check, still in temp storage: hand them to saveUpload or discardPrepared. */
  files: PreparedUpload[];
  /** The first refusal, if any (then `files` is empty). */
  error: UploadFailure | null;
};

export const maxUploadBytes = () => env.UPLOAD_MAX_MB * 1024 * 1024;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const csrfRefused = () => data({ error: "csrf" }, { status: 403 });

/**
 * Reads a multipart/form-data request as a stream (busboy): every file goes straight to a temp file
 * under DATA_DIR/uploads/tmp, so memory stays flat whatever the size. The CSRF token must arrive as
 * the first field, before any file (put `<CsrfInput/>` first in the form); otherwise 403 is thrown.
 * A file past the limit is cut off and drained (413), never buffered. Each accepted file is then
 * checked by `inspectUpload` (allowlist, magic bytes, zip bombs, photo re-encoding).
 */
export async function receiveUploads(
  request: Request,
  context: AppLoadContext,
  opts: UploadOptions,
): Promise<ReceivedUploads> {
  const maxFileBytes = opts.maxFileBytes ?? maxUploadBytes();
  const maxFiles = opts.maxFiles ?? 1;
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !request.body)
    throw data({ error: "multipart expected" }, { status: 415 });
  const firstField = opts.fileFields[0] ?? "file";
  // A body that declares more than the limits allow is refused before a byte is read.
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxFiles * maxFileBytes + 1024 * 1024) {
    return { fields: {}, files: [], error: { field: firstField, code: "tooLarge", status: 413 } };
  }

  const dir = uploadsTmpDir();
  mkdirSync(dir, { recursive: true });
  const fields: Record<string, string> = {};
  const received: { field: string; originalName: string; path: string }[] = [];
  const temps: string[] = [];
  const writes: Promise<void>[] = [];
  let csrfOk = false;
  let csrfFailed = false;
  let error: UploadFailure | null = null;
  const refuse = (field: string, code: UploadErrorCode) => {
    error ??= { field, code, status: new UploadError(code).status };
  };

  const bb = busboy({
    headers: { "content-type": type },
    preservePath: true, // we want to see "../../x.pdf" to refuse it, not a silently cut name
    defParamCharset: "utf8",
    limits: { fileSize: maxFileBytes, files: maxFiles + 4, fields: 60, fieldSize: 200_000, parts: 80 },
  });
  bb.on("field", (name, value) => {
    if (name === CSRF_FIELD) {
      if (context.csrfToken && sameToken(value, context.csrfToken)) csrfOk = true;
      else csrfFailed = true;
      return;
    }
    fields[name] = value;
  });
  bb.on("file", (name, stream, info) => {
    // A cut-off body (closed tab, dropped Wi-Fi) or a malformed part destroys this stream with an
    // error: without a handler that error would take the whole process down.
    stream.on("error", () => refuse(name, "damaged"));
    if (!csrfOk || csrfFailed) {
      csrfFailed = true;
      stream.resume();
      return;
    }
    if (!opts.fileFields.includes(name) || !info.filename) {
      stream.resume();
      return;
    }
    if (received.length >= maxFiles || error) {
      if (received.length >= maxFiles) refuse(name, "tooMany");
      stream.resume();
      return;
    }
    const tmp = tempName(dir);
    temps.push(tmp);
    const entry = { field: name, originalName: info.filename, path: tmp };
    received.push(entry);
    let truncated = false;
    stream.on("limit", () => {
      truncated = true;
      refuse(name, "tooLarge");
    });
    const hash = createHash("sha256");
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // Through a PassThrough, so a failing write (a full disk) never destroys busboy's own stream:
    // busboy finishes only once every file stream is read to its end, so the rest is drained.
    const source = new PassThrough();
    stream.on("error", (e) => source.destroy(e));
    stream.pipe(source);
    writes.push(
      pipeline(source, tap, createWriteStream(tmp)).then(
        () => {
          if (truncated) received.splice(received.indexOf(entry), 1);
        },
        (e: unknown) => {
          stream.unpipe(source);
          stream.resume();
          refuse(name, isDiskFull(e) ? "noSpace" : "damaged");
        },
      ),
    );
  });

  const parsed = new Promise<void>((resolve, reject) => {
    bb.on("close", resolve);
    bb.on("error", reject);
  });
  // Observed at once: when the pipeline fails first, this rejection must not go unhandled.
  parsed.catch(() => undefined);
  try {
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), bb);
    await parsed;
    await Promise.all(writes);
  } catch {
    // Every temp file is closed before it is removed (a write still opening would recreate it).
    await Promise.allSettled(writes);
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    if (csrfFailed || !csrfOk) throw csrfRefused();
    return { fields, files: [], error: { field: firstField, code: "damaged", status: 400 } };
  }
  if (csrfFailed || !csrfOk) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw csrfRefused();
  }
  if (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    return { fields, files: [], error };
  }
  if (!received.length) return { fields, files: [], error: { field: firstField, code: "missing", status: 400 } };

  const files: PreparedUpload[] = [];
  for (const file of received) {
    try {
      files.push(await inspectUpload(file));
    } catch (e) {
      const code = e instanceof UploadError ? e.code : "damaged";
      await discardPrepared(files);
      await Promise.all(temps.map((t) => rm(t, { force: true })));
      return { fields, files: [], error: { field: file.field, code, status: new UploadError(code).status } };
    }
  }
  return { fields, files, error: null };
}

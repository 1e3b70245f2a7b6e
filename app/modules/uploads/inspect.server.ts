import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromFile } from "file-type";
import sharp from "sharp";
import yauzl from "yauzl";
import { logger } from "~/utils/logger.server";
import { displayFileName, extensionOf, isHostileFileName } from "./filename";

export type FileKind = "pdf" | "docx" | "pptx" | "xlsx" | "jpeg" | "png";

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  jpeg: "image/jpeg",
  png: "image/png",
};

const EXTENSIONS: Record<string, FileKind> = {
  pdf: "pdf",
  docx: "docx",
  pptx: "pptx",
  xlsx: "xlsx",
  jpg: "jpeg",
  jpeg: "jpeg",
  png: "png",
};
/** What `accept` on the file input lists. */
export const ACCEPT = ".pdf,.docx,.pptx,.xlsx,.jpg,.jpeg,.png";

/** The main part an Office file must declare in [Content_Types].xml (macro-enabled variants differ). */
const OFFICE_MAIN: Record<"docx" | "pptx" | "xlsx", string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
};

export const ZIP_LIMITS = { maxEntries: 10_000, maxUnpackedBytes: 100 * 1024 * 1024, maxRatio: 200 };
export const IMAGE_MAX_PIXELS = 40_000_000;

export type UploadErrorCode =
  | "missing"
  | "tooLarge"
  | "type"
  | "mismatch"
  | "zipBomb"
  | "macro"
  | "name"
  | "image"
  | "damaged"
  | "quota"
  | "tooMany"
  | "noSpace";

const STATUS: Partial<Record<UploadErrorCode, number>> = { tooLarge: 413, quota: 413, noSpace: 507 };

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    readonly status = STATUS[code] ?? 422,
  ) {
    super(`upload refused: ${code}`);
  }
}

/**
 * The storage's disk is full (or over its quota). Logged as an error, so monitoring alerts on it;
 * the upload is refused with its own message and nothing of it is kept.
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const full = code === "ENOSPC" || code === "EDQUOT" || /ENOSPC|No space left on device/i.test(String(error));
  if (full) logger.error({ err: String(error) }, "upload storage is full");
  return full;
}

/** A checked file, still in a temp location, ready for `saveUpload`. */
export type PreparedUpload = {
  field: string;
  displayName: string;
  kind: FileKind;
  contentType: string;
  size: number;
  sha256: string;
  path: string;
  thumbnailPath: string | null;
  text: string | null;
};

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function startsWith(file: string, magic: Buffer): Promise<boolean> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(magic.length);
    const { bytesRead } = await fh.read(buf, 0, magic.length, 0);
    return bytesRead === magic.length && buf.equals(magic);
  } finally {
    await fh.close();
  }
}

/**
 * Looks into an Office zip: refuses too many entries, an unpacked size past the limit or an absurd
 * compression ratio (zip bombs), macros, and a main part of another kind. Every entry is inflated
 * while reading and its real size counted (never trusting the sizes the headers claim); nothing is
 * written to disk and reading stops at the first byte past a limit.
 */
export function inspectOfficeZip(file: string, kind: "docx" | "pptx" | "xlsx", limits = ZIP_LIMITS): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) return reject(new UploadError("mismatch"));
        let entries = 0;
        let unpacked = 0;
        let contentTypes: string | null = null;
        let failed = false;
        const fail = (code: UploadErrorCode) => {
          if (failed) return;
          failed = true;
          zip.close();
          reject(new UploadError(code));
        };
        zip.on("error", () => fail("damaged"));
        zip.on("entry", (entry: yauzl.Entry) => {
          if (failed) return;
          entries += 1;
          if (entries > limits.maxEntries || unpacked + entry.uncompressedSize > limits.maxUnpackedBytes)
            return fail("zipBomb");
          if (
            entry.uncompressedSize > 1024 * 1024 &&
            entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio
          )
            return fail("zipBomb");
          if (/(^|\/)vbaProject\.bin$/i.test(entry.fileName)) return fail("macro");
          if (entry.fileName.endsWith("/")) return zip.readEntry();
          const isContentTypes = entry.fileName === "[Content_Types].xml";
          zip.openReadStream(entry, (e, stream) => {
            if (e || !stream) return fail("damaged");
            const chunks: Buffer[] = [];
            let size = 0;
            stream.on("data", (c: Buffer) => {
              if (failed) return;
              size += c.length;
              unpacked += c.length;
              const tooBig =
                unpacked > limits.maxUnpackedBytes ||
                (size > 1024 * 1024 && size / Math.max(1, entry.compressedSize) > limits.maxRatio) ||
                (isContentTypes && size > 1024 * 1024);
              if (tooBig) {
                stream.destroy();
                fail("zipBomb");
              } else if (isContentTypes) chunks.push(c);
            });
            // validateEntrySizes: more bytes than the header declared end here, as a bomb.
            stream.on("error", (error: Error) => fail(/too many bytes/i.test(error.message) ? "zipBomb" : "damaged"));
            stream.on("end", () => {
              if (failed) return;
              if (isContentTypes) contentTypes = Buffer.concat(chunks).toString("utf8");
              zip.readEntry();
            });
          });
        });
        zip.on("end", () => {
          if (failed) return;
          if (!contentTypes) return fail("mismatch");
          if (/macroEnabled/i.test(contentTypes)) return fail("macro");
          if (!contentTypes.includes(OFFICE_MAIN[kind])) return fail("mismatch");
          resolve();
        });
        zip.readEntry();
      },
    );
  });
}

/** Text extraction needs the whole PDF in memory; larger files are kept without text (memory stays flat). */
export const PDF_TEXT_MAX_BYTES = 30 * 1024 * 1024;

async function pdfText(file: string): Promise<string | null> {
  try {
    if ((await stat(file)).size > PDF_TEXT_MAX_BYTES) return null;
    const { extractText, getDocumentProxy } = await import("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(file)));
    const { text } = await extractText(pdf, { mergePages: true });
    return text.replace(/\s+/g, " ").trim().slice(0, 500_000) || null;
  } catch (error) {
    logger.warn({ err: String(error) }, "pdf text extraction failed");
    return null;
  }
}

/** Re-encodes a photo without EXIF/GPS (orientation applied first) and makes a thumbnail. */
async function reencodeImage(file: string, kind: "jpeg" | "png"): Promise<{ out: string; thumb: string }> {
  const out = `${file}.clean`;
  const thumb = `${file}.thumb`;
  try {
    const meta = await sharp(file, { limitInputPixels: IMAGE_MAX_PIXELS }).metadata();
    if (meta.format !== kind) throw new UploadError("mismatch");
    const base = sharp(file, { limitInputPixels: IMAGE_MAX_PIXELS, failOn: "error" }).rotate();
    await (kind === "jpeg" ? base.clone().jpeg({ quality: 88 }) : base.clone().png()).toFile(out);
    await base
      .clone()
      .resize(480, 480, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toFile(thumb);
    return { out, thumb };
  } catch (error) {
    await rm(out, { force: true });
    await rm(thumb, { force: true });
    if (error instanceof UploadError) throw error;
    throw new UploadError(isDiskFull(error) ? "noSpace" : "image");
  }
}

/**
 * Checks one received file: name, extension on the allowlist, content (magic bytes) agreeing with
 * the extension, Office zips without bombs or macros, photos re-encoded. Throws UploadError; the
 * temp file is removed on refusal.
 */
export async function inspectUpload(input: {
  field: string;
  originalName: string;
  path: string;
}): Promise<PreparedUpload> {
  try {
    if (isHostileFileName(input.originalName)) throw new UploadError("name");
    const ext = extensionOf(input.originalName);
    const kind = EXTENSIONS[ext];
    if (!kind) throw new UploadError("type");
    const size = (await stat(input.path)).size;
    if (size === 0) throw new UploadError("damaged");
    const displayName = displayFileName(input.originalName, ext);
    let finalPath = input.path;
    let thumbnailPath: string | null = null;
    let text: string | null = null;
    if (kind === "docx" || kind === "pptx" || kind === "xlsx") {
      if (!(await startsWith(input.path, Buffer.from([0x50, 0x4b, 0x03, 0x04])))) throw new UploadError("mismatch");
      await inspectOfficeZip(input.path, kind);
    } else {
      const detected = await fileTypeFromFile(input.path);
      const expected = kind === "pdf" ? "application/pdf" : CONTENT_TYPES[kind];
      if (detected?.mime !== expected) throw new UploadError("mismatch");
      if (kind === "pdf") {
        if (!(await startsWith(input.path, Buffer.from("%PDF-")))) throw new UploadError("mismatch");
        text = await pdfText(input.path);
      } else {
        const { out, thumb } = await reencodeImage(input.path, kind);
        await rm(input.path, { force: true });
        finalPath = out;
        thumbnailPath = thumb;
      }
    }
    const finalSize = (await stat(finalPath)).size;
    return {
      field: input.field,
      displayName,
      kind,
      contentType: CONTENT_TYPES[kind],
      size: finalSize,
      sha256: await sha256Of(finalPath),
      path: finalPath,
      thumbnailPath,
      text,
    };
  } catch (error) {
    await rm(input.path, { force: true });
    throw error instanceof UploadError ? error : new UploadError("damaged");
  }
}

/** Removes the temp files of uploads that will not be saved. */
export async function discardPrepared(list: PreparedUpload[]) {
  await Promise.all(
    list.flatMap((p) => [rm(p.path, { force: true }), p.thumbnailPath ? rm(p.thumbnailPath, { force: true }) : null]),
  );
}

export function tempName(dir: string) {
  return path.join(dir, `${Date.now()}-${randomBytes(8).toString("hex")}.part`);
}

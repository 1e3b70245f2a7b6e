import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "~/db/client.server";
import { fileRenditions, fileVersions } from "~/db/schema";
import { onFileSaved } from "~/modules/uploads/files.server";
import { newStorageKey, storage } from "~/modules/uploads/storage.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import {
  hasPoppler,
  hasSoffice,
  pdfPageCount,
  pdfPageImages,
  pdfPageTexts,
  sofficeConvert,
  ToolError,
} from "./tools.server";
import { withoutSearch } from "~/db/columns";

/** Kinds that become slides: PDFs directly, Office files after LibreOffice made a PDF of them. */
export const OFFICE_KINDS = ["docx", "pptx", "xlsx"] as const;
export const RENDERED_KINDS = ["pdf", ...OFFICE_KINDS] as const;
export const MAX_PAGES = 300;
const CLAIM_MS = 10 * 60_000;
const CONVERT_MS = () => env.SOFFICE_TIMEOUT_MS;

export type Rendition = typeof fileRenditions.$inferSelect;
export type RenditionReason = "noConverter" | "noRenderer" | "timeout" | "damaged" | "tooManyPages";

export async function getRendition(fileVersionId: string): Promise<Rendition | null> {
  const [row] = await db.select().from(fileRenditions).where(eq(fileRenditions.fileVersionId, fileVersionId));
  return row ?? null;
}

/** The renditions of several versions at once (e.g. all attachments of a report). */
export async function getRenditions(fileVersionIds: string[]): Promise<Map<string, Rendition>> {
  if (fileVersionIds.length === 0) return new Map();
  const rows = await db.select().from(fileRenditions).where(inArray(fileRenditions.fileVersionId, fileVersionIds));
  return new Map(rows.map((r) => [r.fileVersionId, r]));
}

/** Every PDF/Office version without a rendition row gets one ("pending"): uploads, seeds, old data. */
async function enqueueMissing(): Promise<void> {
  await db.execute(sql`
    insert into ${fileRenditions} (file_version_id)
    select v.id from ${fileVersions} v
    where v.kind in ('pdf', 'docx', 'pptx', 'xlsx')
      and not exists (select 1 from ${fileRenditions} r where r.file_version_id = v.id)
    on conflict do nothing`);
}

/** Office files that waited for a converter are tried again once LibreOffice is installed. */
async function retryUnavailable(): Promise<void> {
  if (!(await hasSoffice())) return;
  await db
    .update(fileRenditions)
    .set({ status: "pending", reason: null })
    .where(and(eq(fileRenditions.status, "unavailable"), eq(fileRenditions.reason, "noConverter")));
}

async function claimOne(now = new Date()): Promise<Rendition | null> {
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: fileRenditions.fileVersionId })
      .from(fileRenditions)
      .where(
        and(
          eq(fileRenditions.status, "pending"),
          or(isNull(fileRenditions.lockedUntil), lt(fileRenditions.lockedUntil, now)),
          lt(fileRenditions.attempts, 3),
        ),
      )
      .limit(1)
      .for("update", { skipLocked: true });
    const [row] = await tx
      .update(fileRenditions)
      .set({ lockedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${fileRenditions.attempts} + 1` })
      .where(inArray(fileRenditions.fileVersionId, due))
      .returning();
    return row ?? null;
  });
}

async function finish(id: string, values: Partial<Rendition>) {
  await db
    .update(fileRenditions)
    .set({ ...values, lockedUntil: null, updatedAt: new Date() })
    .where(eq(fileRenditions.fileVersionId, id));
}

async function toTempFile(key: string, dir: string, name: string): Promise<string> {
  const target = path.join(dir, name);
  await pipeline(storage().read(key), createWriteStream(target));
  return target;
}

/** Makes one rendition: Office → PDF (LibreOffice), then page count, page texts and page images (poppler). */
export async function render(job: Rendition): Promise<void> {
  const [version] = await db
    .select(withoutSearch(fileVersions))
    .from(fileVersions)
    .where(eq(fileVersions.id, job.fileVersionId));
  if (!version) return;
  const work = await mkdtemp(path.join(tmpdir(), "ikon-rendition-"));
  const stored: string[] = [];
  try {
    if (!(await hasPoppler())) return await finish(job.fileVersionId, { status: "unavailable", reason: "noRenderer" });
    const office = (OFFICE_KINDS as readonly string[]).includes(version.kind);
    if (office && !(await hasSoffice()))
      return await finish(job.fileVersionId, { status: "unavailable", reason: "noConverter" });
    const source = await toTempFile(version.storageKey, work, `source.${version.kind}`);
    let pdf = source;
    let pdfKey: string | null = null;
    if (office) {
      const converted = await sofficeConvert(source, { filter: "pdf", outExt: "pdf", timeoutMs: CONVERT_MS() });
      pdfKey = newStorageKey();
      try {
        await storage().put(pdfKey, converted);
      } finally {
        await rm(path.dirname(converted), { recursive: true, force: true }); // LibreOffice's output dir
      }
      stored.push(pdfKey);
      pdf = await toTempFile(pdfKey, work, "derived.pdf");
    }
    const pageCount = await pdfPageCount(pdf);
    if (pageCount > MAX_PAGES) throw new ToolError("failed", "tooManyPages");
    const pageTexts = await pdfPageTexts(pdf, pageCount);
    const images = await pdfPageImages(pdf, pageCount);
    const pageImageKeys: string[] = [];
    try {
      for (const file of images.files) {
        const key = newStorageKey();
        await storage().put(key, file);
        stored.push(key);
        pageImageKeys.push(key);
      }
    } finally {
      await rm(images.dir, { recursive: true, force: true });
    }
    await db.transaction(async (tx) => {
      await tx
        .update(fileRenditions)
        .set({
          status: "done",
          reason: null,
          pdfKey,
          pageCount,
          pageTexts,
          pageImageKeys,
          lockedUntil: null,
          updatedAt: new Date(),
        })
        .where(eq(fileRenditions.fileVersionId, job.fileVersionId));
      // The derived PDF's text makes an Office file findable (a PDF's text was taken at upload).
      const text = pageTexts.join(" ").replace(/\s+/g, " ").trim().slice(0, 500_000);
      if (office && text)
        await tx
          .update(fileVersions)
          .set({ textContent: text })
          .where(and(eq(fileVersions.id, version.id), isNull(fileVersions.textContent)));
    });
    stored.length = 0;
  } catch (error) {
    const reason: RenditionReason =
      error instanceof ToolError && error.reason === "timeout"
        ? "timeout"
        : String((error as Error).message) === "tooManyPages"
          ? "tooManyPages"
          : "damaged";
    logger.warn(
      { fileVersionId: job.fileVersionId, kind: version.kind, reason, err: String(error).slice(0, 300) },
      "rendition failed",
    );
    // A timeout may be the machine being busy: one more try later; damaged files are final.
    const retry = reason === "timeout" && job.attempts < 2;
    await finish(job.fileVersionId, retry ? { status: "pending" } : { status: "failed", reason });
  } finally {
    for (const key of stored)
      await storage()
        .remove(key)
        .catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

/** Renders everything pending, one file at a time; returns how many it took. */
export async function renderPending(): Promise<number> {
  await enqueueMissing();
  await retryUnavailable();
  let n = 0;
  for (;;) {
    const job = await claimOne();
    if (!job) return n;
    await render(job);
    n++;
  }
}

let nudge: (() => void) | undefined;
/** Called after an upload: the worker starts at once instead of at its next poll. */
export function renditionsQueued(): void {
  nudge?.();
}

export type RenditionWorker = { drain(): Promise<void>; stop(): Promise<void> };

/** The background worker of one instance: polls, and wakes on `renditionsQueued()`. */
export function startRenditionWorker(opts: { pollMs: number }): RenditionWorker {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = renderPending()
      .then(() => undefined)
      .catch((error) => logger.error({ err: String(error) }, "rendition worker failed"))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void tick();
        }
      });
    return running;
  }
  const timer = setInterval(() => void tick(), opts.pollMs);
  timer.unref();
  nudge = () => void tick();
  const unsubscribe = onFileSaved(renditionsQueued);
  void tick();
  return {
    async drain() {
      await tick();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      nudge = undefined;
      while (running) await running;
    },
  };
}

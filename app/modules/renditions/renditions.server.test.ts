import { writeFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { fileRenditions, fileVersions } from "~/db/schema";
import { makePagedPdf, makeRealDocx, makeRealPptx } from "../../../tests/support/files";
import { saveUpload } from "~/modules/uploads/files.server";
import { inspectUpload } from "~/modules/uploads/inspect.server";
import { storage } from "~/modules/uploads/storage.server";
import { env } from "~/utils/env.server";
import { getRendition, renderPending } from "./renditions.server";
import { slidesOfFiles } from "./slides.server";

async function upload(name: string, content: Buffer) {
  const dir = mkdtempSync(path.join(tmpdir(), "ikon-rendition-test-"));
  const file = path.join(dir, "upload");
  await writeFile(file, content);
  const prepared = await inspectUpload({ field: "datei", originalName: name, path: file });
  const saved = await saveUpload({ upload: prepared, quotaKey: "test:renditions", uploadedBy: null });
  const [version] = await db.select().from(fileVersions).where(eq(fileVersions.fileId, saved.fileId));
  return { ...saved, versionId: version!.id, kind: version!.kind, displayName: version!.displayName };
}

async function pngSize(key: string) {
  const chunks: Buffer[] = [];
  for await (const c of storage().read(key)) chunks.push(c as Buffer);
  return sharp(Buffer.concat(chunks)).metadata();
}

// LibreOffice takes 5–25 s per file (by the machine's load): two runs in this file, generous limits,
// conditions only. The tools do not depend on the database: the PostgreSQL pass skips this file.
describe.skipIf(process.env.TEST_DB === "postgres")(
  "renditions: every page of a PDF or Office file as text and image",
  { timeout: 300_000 },
  () => {
    it("a 3-page PDF: three pages, each with its text and a server-rendered PNG", async () => {
      const pdf = await upload(
        "Ergebnisse.pdf",
        await makePagedPdf(["Erste Seite Sprachcafe", "Zweite Seite Elternarbeit", "Dritte Seite Ausblick"]),
      );
      await renderPending();
      const r = await getRendition(pdf.versionId);
      expect(r).toMatchObject({ status: "done", pageCount: 3, pdfKey: null });
      expect(r!.pageTexts[1]).toContain("Zweite Seite Elternarbeit");
      expect(r!.pageImageKeys).toHaveLength(3);
      const meta = await pngSize(r!.pageImageKeys[2]!);
      expect(meta.format).toBe("png");
      expect(Math.max(meta.width!, meta.height!)).toBe(1600);
      const slides = await slidesOfFiles([pdf]);
      expect(slides.map((s) => (s.kind === "page" ? s.page : 0))).toEqual([1, 2, 3]);
    });

    it("a real PPTX becomes a derived PDF (LibreOffice): its pages, and its text for the search", async () => {
      const pptx = await upload(
        "Folien.pptx",
        await makeRealPptx(["Folie eins Quartiersarbeit", "Folie zwei Sprachpaten"]),
      );
      await renderPending();
      const r = await getRendition(pptx.versionId);
      expect(r).toMatchObject({ status: "done", pageCount: 2 });
      expect(r!.pdfKey).toMatch(/^[a-f0-9]{32}$/);
      expect(await storage().size(r!.pdfKey!)).toBeGreaterThan(1000);
      expect(r!.pageTexts[1]).toContain("Folie zwei Sprachpaten");
      const [version] = await db.select().from(fileVersions).where(eq(fileVersions.id, pptx.versionId));
      expect(version!.textContent).toContain("Quartiersarbeit");
    });

    it("without LibreOffice the original is kept and the slide says why; once it is there, a real DOCX is converted", async () => {
      const original = env.SOFFICE_PATH;
      env.SOFFICE_PATH = "/nonexistent/soffice";
      try {
        const docx = await upload("Ohne.docx", await makeRealDocx(["Wartet auf LibreOffice", "Beschluss: Sprachcafe"]));
        await renderPending();
        expect(await getRendition(docx.versionId)).toMatchObject({
          status: "unavailable",
          reason: "noConverter",
          pageCount: 0,
        });
        expect(await slidesOfFiles([docx])).toEqual([
          {
            kind: "file",
            fileId: docx.fileId,
            name: "Ohne.docx",
            fileKind: "docx",
            state: "unavailable",
            reason: "noConverter",
          },
        ]);
        expect(
          await storage().size(
            (await db.select().from(fileVersions).where(eq(fileVersions.id, docx.versionId)))[0]!.storageKey,
          ),
        ).toBeGreaterThan(0);
        env.SOFFICE_PATH = original;
        await renderPending();
        const r = await getRendition(docx.versionId);
        expect(r).toMatchObject({ status: "done", pageCount: 1 });
        expect(r!.pageTexts[0]).toContain("Beschluss: Sprachcafe");
      } finally {
        env.SOFFICE_PATH = original;
      }
    });

    it("a damaged PDF fails for good, with its reason", async () => {
      const good = await makePagedPdf(["x"]);
      // Valid header and trailer pass the upload check; the body is garbage.
      const pdf = await upload(
        "Kaputt.pdf",
        Buffer.concat([good.subarray(0, 20), Buffer.alloc(2000, 0x41), Buffer.from("\n%%EOF\n")]),
      );
      await renderPending();
      const [row] = await db.select().from(fileRenditions).where(eq(fileRenditions.fileVersionId, pdf.versionId));
      expect(row).toMatchObject({ status: "failed", reason: "damaged" });
    });
  },
);

import { writeFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { auditLog, files, libraryEntries } from "~/db/schema";
import { inspectUpload, tempName } from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";
import { samplePdf, seedLibraryDemo } from "./demo.server";
import { isSafeExternalUrl, libraryEntrySchema } from "./library.schema";
import {
  asTree,
  inTreeOrder,
  attachLibraryFile,
  createLibraryEntry,
  deleteLibraryEntry,
  getLibraryEntry,
  LibraryError,
  listLibrary,
  slugify,
  updateLibraryEntry,
} from "./library.server";

const base = {
  year: null,
  area: null,
  description: "",
  parentId: null,
  position: 0,
  url: null,
  published: true,
} as const;

async function pdfUpload(title: string, lines: string[]) {
  mkdirSync(uploadsTmpDir(), { recursive: true });
  const path = tempName(uploadsTmpDir());
  await writeFile(path, await samplePdf(title, lines));
  return inspectUpload({ field: "datei", originalName: "Bericht.pdf", path });
}

describe("external links", () => {
  it("accepts http and https only", () => {
    expect(isSafeExternalUrl("https://www.bottrop.de/integration")).toBe(true);
    expect(isSafeExternalUrl("http://example.org")).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "//evil.example",
      "vbscript:x",
      "https://user:pw@example.org",
    ]) {
      expect(isSafeExternalUrl(bad), bad).toBe(false);
    }
    const parsed = libraryEntrySchema.safeParse({
      title: "Link",
      type: "flyer",
      url: "javascript:alert(1)",
      position: "0",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("library.error.url");
  });

  it("is refused by the domain function too, not only by the form", async () => {
    await expect(
      createLibraryEntry({ ...base, title: "Böse", type: "flyer", url: "javascript:alert(1)" }, null),
    ).rejects.toBeInstanceOf(LibraryError);
    expect(await db.select().from(libraryEntries).where(eq(libraryEntries.title, "Böse"))).toHaveLength(0);
  });
});

describe("the library", () => {
  it("gives stable slugs, keeps drafts away from the public and filters by type, year and area", async () => {
    expect(slugify("Integrationsbericht 2019: Gesundheit von Schulkindern")).toBe(
      "integrationsbericht-2019-gesundheit-von-schulkindern",
    );
    expect(slugify("Größe & Übergänge")).toBe("groesse-uebergaenge");
    const report = await createLibraryEntry(
      { ...base, title: "Integrationsbericht 2030", type: "integrationsbericht", year: 2030 },
      null,
    );
    expect(report.slug).toBe("integrationsbericht-2030");
    const again = await createLibraryEntry(
      { ...base, title: "Integrationsbericht 2030", type: "integrationsbericht", year: 2030 },
      null,
    );
    expect(again.slug).toBe("integrationsbericht-2030-2");
    const part = await createLibraryEntry(
      { ...base, title: "Zahlen 2030: Bildung", type: "zahlen", year: 2030, area: "bildung", parentId: report.id },
      null,
    );
    const draft = await createLibraryEntry(
      { ...base, title: "Entwurf 2030", type: "flyer", year: 2030, published: false },
      null,
    );

    expect((await getLibraryEntry(report.slug))!.parts.map((p) => p.id)).toEqual([part.id]);
    expect((await getLibraryEntry(report.id))!.slug).toBe(report.slug);
    expect(await getLibraryEntry(draft.slug)).toBeNull();
    expect(await getLibraryEntry(draft.slug, { includeDrafts: true })).not.toBeNull();

    const year = await listLibrary({ year: 2030 });
    expect(year.map((e) => e.title).sort()).toEqual([
      "Integrationsbericht 2030",
      "Integrationsbericht 2030",
      "Zahlen 2030: Bildung",
    ]);
    expect((await listLibrary({ area: "bildung", year: 2030 })).map((e) => e.id)).toEqual([part.id]);
    expect((await listLibrary({ type: "flyer", year: 2030 })).map((e) => e.id)).toEqual([]);
    expect((await listLibrary({ type: "flyer", year: 2030, includeDrafts: true })).map((e) => e.id)).toEqual([
      draft.id,
    ]);
    const tree = asTree(year);
    expect(tree.find((e) => e.id === report.id)!.parts.map((p) => p.id)).toEqual([part.id]);
    // The organisers' list: a part right after its report, even where it sorts before it ("1. …" < "I…").
    const first = await createLibraryEntry(
      { ...base, title: "1. Beiträge 2030", type: "zahlen", year: 2030, parentId: report.id },
      null,
    );
    const plain = (await listLibrary({ includeDrafts: true, year: 2030 })).map((e) => e.id);
    expect(plain.indexOf(first.id)).toBeLessThan(plain.indexOf(report.id));
    const listed = inTreeOrder(await listLibrary({ includeDrafts: true, year: 2030 })).map((e) => e.id);
    expect(listed.slice(listed.indexOf(report.id), listed.indexOf(report.id) + 3)).toEqual([
      report.id,
      first.id,
      part.id,
    ]);

    // Only one level of parts: a part cannot become a parent.
    await expect(
      createLibraryEntry({ ...base, title: "Tiefer", type: "zahlen", parentId: part.id }, null),
    ).rejects.toBeInstanceOf(LibraryError);
  });

  it("stores the PDF's text at upload and makes the file public only while the entry is published", async () => {
    const entry = await createLibraryEntry({ ...base, title: "Konzept", type: "konzept", published: false }, null);
    const saved = (await attachLibraryFile({
      entryId: entry.id,
      upload: await pdfUpload("Konzept", ["Ganzheitliches Sprachförderkonzept der Stadt"]),
      uploadedBy: null,
    }))!;
    const [row] = await db.select().from(libraryEntries).where(eq(libraryEntries.id, entry.id));
    expect(row!.fileText).toContain("Sprachförderkonzept");
    const isPublic = async () =>
      (await db.select({ p: files.public }).from(files).where(eq(files.id, saved.fileId)))[0]!.p;
    expect(await isPublic()).toBe(false);
    await updateLibraryEntry(entry.id, { ...base, title: "Konzept", type: "konzept", published: true }, null);
    expect(await isPublic()).toBe(true);
    // A new version replaces the text and stays public.
    const v2 = await attachLibraryFile({
      entryId: entry.id,
      upload: await pdfUpload("Konzept", ["Neue Fassung mit Integrationsmonitoring"]),
      uploadedBy: null,
    });
    expect(v2).toEqual({ fileId: saved.fileId, version: 2 });
    const [after] = await db.select().from(libraryEntries).where(eq(libraryEntries.id, entry.id));
    expect(after!.fileText).toContain("Integrationsmonitoring");
    expect(after!.fileText).not.toContain("Sprachförderkonzept");
    expect(await isPublic()).toBe(true);
    await updateLibraryEntry(entry.id, { ...base, title: "Konzept", type: "konzept", published: false }, null);
    expect(await isPublic()).toBe(false);
    await updateLibraryEntry(entry.id, { ...base, title: "Konzept", type: "konzept", published: true }, null);
    await deleteLibraryEntry(entry.id, null);
    expect(await isPublic()).toBe(false);
    const actions = (await db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
    expect(actions).toEqual(
      expect.arrayContaining(["library.create", "library.publish", "library.unpublish", "library.delete"]),
    );
  });

  it("loads the domain page's library as demo content", async () => {
    await seedLibraryDemo({ now: new Date() });
    const all = await listLibrary();
    const titles = all.map((e) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Teil I: Konzept",
        "Teil II: Vertiefungen",
        "Integrationsbericht 2013",
        "Integrationsbericht 2019",
        "Flyer des Integrationsrates",
        "Sprich mit mir",
        "Integrationsprofil Bottrop",
      ]),
    );
    expect((await listLibrary({ year: 2019, area: "gesundheit" })).map((e) => e.title)).toEqual([
      "2. Zahlen, Daten und Fakten 2019: Gesundheit von Schulkindern",
    ]);
    const profile = all.find((e) => e.title === "Integrationsprofil Bottrop")!;
    expect(profile.url).toMatch(/^https:\/\//);
    expect(all.filter((e) => e.fileId).length).toBeGreaterThan(50);
  });
});

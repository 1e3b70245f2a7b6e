import { mkdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, publications } from "~/db/schema";
import { seedDemo } from "~/modules/demo/seed.server";
import { run } from "~/modules/renditions/tools.server";
import { inspectUpload, tempName } from "~/modules/uploads/inspect.server";
import { storage, uploadsTmpDir } from "~/modules/uploads/storage.server";
import { addPhotos, ensureDocumentation, getDocumentation, saveSettings, updatePhotos } from "./documentation.server";
import { generatePublication, getPublication, publicationsDue, refreshPublications } from "./publication.server";

async function photoUpload() {
  mkdirSync(uploadsTmpDir(), { recursive: true });
  const file = tempName(uploadsTmpDir());
  await writeFile(
    file,
    await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 200, g: 120, b: 30 } } })
      .jpeg()
      .toBuffer(),
  );
  return inspectUpload({ field: "datei", originalName: "podium.jpg", path: file });
}

// One LibreOffice run (5–30 s, by the machine's load); the rest is the database. LibreOffice's run
// does not depend on the database: on the PostgreSQL pass (TEST_DB=postgres) only the quick test runs.
it.skipIf(process.env.TEST_DB === "postgres")(
  "the publication of last year's documentation: a tagged PDF with title, contents and every section; made again only when the content changes",
  { timeout: 180_000 },
  async () => {
    const now = new Date();
    await seedDemo({ now });
    const [last] = await db.select().from(conferences).where(eq(conferences.status, "documented"));
    const year = last!.year;
    const doc = await ensureDocumentation(last!.id);
    const [photo, hidden] = await addPhotos({
      documentationId: doc.id,
      conferenceId: last!.id,
      uploads: [await photoUpload(), await photoUpload()],
      uploadedBy: null,
    });
    const preview = (await getDocumentation(year, { preview: true }))!;
    const byFile = (id: string) => preview.photos.find((p) => p.fileId === id)!.id;
    await updatePhotos({
      documentationId: doc.id,
      actor: null,
      photos: [
        {
          id: byFile(photo!),
          altText: "Podium mit drei Personen vor einem Plakat",
          caption: "Das Podium am Vormittag",
          cleared: true,
        },
        { id: byFile(hidden!), altText: "Nicht freigegeben", caption: "Nicht freigegebenes Foto", cleared: false },
      ],
    });

    expect(await publicationsDue(now)).toEqual([year]);
    expect(await refreshPublications(now)).toBe(1);
    const view = (await getDocumentation(year))!;
    const publication = (await getPublication(view))!;
    expect(publication.fileName).toBe(`Dokumentation-Integrationskonferenz-${year}.pdf`);
    expect(publication.size).toBeGreaterThan(5000);
    expect(await publicationsDue(now)).toEqual([]);

    const work = await mkdtemp(path.join(tmpdir(), "ikon-publication-test-"));
    try {
      const pdf = path.join(work, "p.pdf");
      await pipeline(storage().read(publication.storageKey), createWriteStream(pdf));
      const info = (await run("pdfinfo", [pdf], { timeoutMs: 30_000 })).stdout.toString();
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(new RegExp(`^Title:\\s+Dokumentation der Integrationskonferenz ${year}$`, "m"));
      const text = (await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { timeoutMs: 30_000 })).stdout.toString();
      for (const heading of [
        `Dokumentation der Integrationskonferenz ${year}`,
        "Inhalt",
        "Einleitung",
        "Redebeiträge",
        "Begrüßung",
        "Fachinput und Diskussion",
        "Ergebnis der Diskussion",
        "Ergebnisse der Arbeitskreise",
        "Vereinbarte Ziele und Handlungsempfehlungen",
        "Handlungsempfehlung",
        "Fotodokumentation",
        "Foto 1: Das Podium am Vormittag",
      ]) {
        expect(text, heading).toContain(heading);
      }
      expect(text).not.toContain("Nicht freigegeben");
      // The cleared photo is in it (one image), the other one is not.
      const images = (await run("pdfimages", ["-list", pdf], { timeoutMs: 30_000 })).stdout
        .toString()
        .trim()
        .split("\n")
        .slice(2);
      expect(images).toHaveLength(1);
      // Tagged with the document's language, the photo with its alt text (UTF-16 in the structure tree).
      const raw = (await readFile(pdf)).toString("latin1");
      expect(raw).toContain("/Lang(de-DE)");
      const altHex = Buffer.from("\uFEFFPodium mit drei Personen vor einem Plakat", "utf16le")
        .swap16()
        .toString("hex")
        .toUpperCase();
      expect(raw).toContain(`/Alt<${altHex}>`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }

    // A change of the documentation makes it due again, and the older PDF is no longer served.
    await saveSettings(doc.id, {
      intro: "Neue Einleitung.",
      includeReports: true,
      includeDiscussion: true,
      includeGoals: true,
    });
    expect(await publicationsDue(now)).toEqual([year]);
    expect(await getPublication((await getDocumentation(year))!)).toBeNull();
  },
);

it("without LibreOffice no publication is made, and it says why", async () => {
  const { env } = await import("~/utils/env.server");
  const [c] = await db
    .insert(conferences)
    .values({
      year: 2041,
      title: "Integrationskonferenz 2041",
      startsAt: new Date("2041-11-12T09:00:00Z"),
      endsAt: new Date("2041-11-12T15:00:00Z"),
      venueName: "V",
      venueAddress: "A",
      capacity: 10,
      status: "documented",
    })
    .returning();
  const doc = await ensureDocumentation(c!.id);
  const { setPublished } = await import("./documentation.server");
  await setPublished({ documentationId: doc.id, publish: true, publishEarly: true, actor: null });
  expect(await generatePublication(2040)).toBe("notPublished");
  const original = env.SOFFICE_PATH;
  env.SOFFICE_PATH = "/nonexistent/soffice-publication";
  try {
    expect(await generatePublication(2041)).toBe("unavailable");
  } finally {
    env.SOFFICE_PATH = original;
  }
  const [row] = await db.select().from(publications).where(eq(publications.conferenceId, c!.id));
  expect(row).toMatchObject({ status: "unavailable", reason: "noConverter", storageKey: null });
});

import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { inArray } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, files } from "~/db/schema";
import { inspectUpload, tempName } from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";
import {
  addPhotos,
  ensureDocumentation,
  getDocumentation,
  plainText,
  sanitizeSpeech,
  saveSpeech,
  setPublished,
  updatePhotos,
} from "./documentation.server";
import { zipSafeName } from "./zip.server";

async function photoUpload(n: number) {
  mkdirSync(uploadsTmpDir(), { recursive: true });
  const path = tempName(uploadsTmpDir());
  await writeFile(
    path,
    await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: n * 40, g: 10, b: 10 } } })
      .jpeg()
      .toBuffer(),
  );
  return inspectUpload({ field: "datei", originalName: `foto-${n}.jpg`, path });
}

describe("speeches", () => {
  it("keeps simple formatting and removes scripts, handlers and javascript: links", () => {
    const html = sanitizeSpeech(
      '<p onclick="x()">Liebe <strong>Gäste</strong>,</p><script>alert(1)</script><a href="javascript:alert(1)">a</a><a href="https://www.bottrop.de" rel="opener">b</a><img src=x onerror=alert(2)><iframe src="https://evil.example"></iframe><style>*{}</style>',
    );
    expect(html).toBe(
      '<p>Liebe <strong>Gäste</strong>,</p><a rel="noopener noreferrer">a</a><a href="https://www.bottrop.de" rel="noopener noreferrer">b</a>',
    );
    expect(plainText("<p>Eins &amp; zwei</p><ul><li>drei</li></ul>")).toBe("Eins & zwei drei");
  });
});

describe("names inside the ZIP", () => {
  it("carry no path, no control or bidi characters and are never empty", () => {
    expect(zipSafeName("../../etc/passwd")).not.toMatch(/\.\.|\//);
    expect(zipSafeName("..\\..\\boot.ini")).not.toMatch(/\.\.|\\/);
    expect(zipSafeName("\u202Efdp.exe")).toBe("fdp.exe");
    expect(zipSafeName("a\u0000b\nc.pdf")).toBe("abc.pdf");
    expect(zipSafeName('Bericht: "2025" <final>?.pdf')).toBe("Bericht_ _2025_ _final__.pdf");
    expect(zipSafeName("...")).toBe("datei");
    expect(zipSafeName(`${"x".repeat(300)}.pdf`)).toHaveLength(100);
  });
});

describe("photo documentation", () => {
  it("publishes a photo only with alt text and clearance, and only while the documentation is published", async () => {
    const [conference] = await db
      .insert(conferences)
      .values({
        year: 2040,
        title: "Integrationskonferenz 2040",
        startsAt: new Date("2040-11-12T09:00:00Z"),
        endsAt: new Date("2040-11-12T15:00:00Z"),
        venueName: "V",
        venueAddress: "A",
        capacity: 10,
        status: "held",
      })
      .returning();
    const doc = await ensureDocumentation(conference!.id);
    await saveSpeech({
      documentationId: doc.id,
      title: "Grußwort",
      speaker: "Bürgermeisterin",
      html: "<p>Hallo</p><script>x</script>",
    });
    const fileIds = await addPhotos({
      documentationId: doc.id,
      conferenceId: conference!.id,
      uploads: [await photoUpload(1), await photoUpload(2), await photoUpload(3)],
      uploadedBy: null,
    });
    expect(fileIds).toHaveLength(3);
    const preview = await getDocumentation(2040, { preview: true });
    const [a, b, c] = preview!.photos;
    const { altMissing } = await updatePhotos({
      documentationId: doc.id,
      actor: null,
      photos: [
        { id: a!.id, altText: "Podium mit drei Personen", caption: "", cleared: true },
        { id: b!.id, altText: "  ", caption: "", cleared: true },
        { id: c!.id, altText: "Gruppe am Stehtisch", caption: "", cleared: false },
      ],
    });
    expect(altMissing).toEqual([b!.id]);
    const publicIds = async () =>
      (await db.select({ id: files.id, p: files.public }).from(files).where(inArray(files.id, fileIds)))
        .filter((f) => f.p)
        .map((f) => f.id);
    expect(await publicIds()).toEqual([]);
    expect(await getDocumentation(2040)).toBeNull();

    await setPublished({ documentationId: doc.id, publish: true, actor: null });
    const live = await getDocumentation(2040);
    expect(live!.photos.map((p) => p.id)).toEqual([a!.id]);
    expect(live!.speeches[0]!.html).toBe("<p>Hallo</p>");
    expect(await publicIds()).toEqual([a!.fileId]);

    // Clearing later publishes at once; withdrawing the clearance hides again.
    await updatePhotos({
      documentationId: doc.id,
      actor: null,
      photos: [{ id: c!.id, altText: "Gruppe am Stehtisch", caption: "", cleared: true }],
    });
    expect((await publicIds()).sort()).toEqual([a!.fileId, c!.fileId].sort());
    await updatePhotos({
      documentationId: doc.id,
      actor: null,
      photos: [{ id: a!.id, altText: "Podium mit drei Personen", caption: "", cleared: false }],
    });
    expect(await publicIds()).toEqual([c!.fileId]);

    // A publish date in the future is not possible: the files are public now, so the date is now.
    const { publishedAt } = (await setPublished({
      documentationId: doc.id,
      publish: true,
      publishAt: new Date(Date.now() + 10 * 86_400_000),
      actor: null,
    }))!;
    expect(publishedAt!.getTime()).toBeLessThanOrEqual(Date.now());

    await setPublished({ documentationId: doc.id, publish: false, actor: null });
    expect(await publicIds()).toEqual([]);
    expect(await getDocumentation(2040)).toBeNull();
  });
});

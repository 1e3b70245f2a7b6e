import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, documentationSpeeches, files } from "~/db/schema";
import { inspectUpload, tempName } from "~/modules/uploads/inspect.server";
import { uploadsTmpDir } from "~/modules/uploads/storage.server";
import {
  addPhotos,
  ensureDocumentation,
  getDocumentation,
  conferenceNotOverYet,
  convertLegacySpeeches,
  plainText,
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

async function conferenceOf(year: number, startsAt: string) {
  const [conference] = await db
    .insert(conferences)
    .values({
      year,
      title: `Integrationskonferenz ${year}`,
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + 6 * 3600_000),
      venueName: "V",
      venueAddress: "A",
      capacity: 10,
      status: "held",
    })
    .returning();
  return conference!;
}

describe("speeches", () => {
  it("are written as Markdown and stored with their safe rendering and plain text", async () => {
    const doc = await ensureDocumentation((await conferenceOf(2041, "2041-11-12T09:00:00Z")).id);
    const id = await saveSpeech({
      documentationId: doc.id,
      title: "Grußwort",
      speaker: "",
      markdown: "Liebe Gäste,\r\n\r\nwillkommen!\n\n- eins\n- zwei\n\n[weg](javascript:alert(1)) <script>x</script>",
    });
    const [row] = await db.select().from(documentationSpeeches).where(eq(documentationSpeeches.id, id));
    expect(row!.markdown).toBe(
      "Liebe Gäste,\n\nwillkommen!\n\n- eins\n- zwei\n\n[weg](javascript:alert(1)) <script>x</script>",
    );
    expect(row!.html).toBe(
      "<p>Liebe Gäste,</p>\n<p>willkommen!</p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n<p>weg &lt;script&gt;x&lt;/script&gt;</p>",
    );
    expect(row!.plainText).toBe("Liebe Gäste, willkommen! eins zwei weg <script>x</script>");
    expect(plainText("<p>Eins &amp; zwei</p><ul><li>drei</li></ul>")).toBe("Eins & zwei drei");
  });

  it("from before Markdown are converted once, at start, and stay as they are on a second run", async () => {
    const doc = await ensureDocumentation((await conferenceOf(2042, "2042-11-12T09:00:00Z")).id);
    const [old] = await db
      .insert(documentationSpeeches)
      .values({
        documentationId: doc.id,
        title: "Alt",
        html: '<p>Liebe <strong>Gäste</strong>,</p><p>mehr: <a href="https://www.bottrop.de" rel="noopener noreferrer">Stadt</a></p><ul><li>eins</li></ul>',
      })
      .returning();
    expect(await convertLegacySpeeches()).toBe(1);
    const [row] = await db.select().from(documentationSpeeches).where(eq(documentationSpeeches.id, old!.id));
    expect(row!.markdown).toBe("Liebe **Gäste**,\n\nmehr: [Stadt](https://www.bottrop.de)\n\n-   eins");
    expect(row!.html).toBe(
      '<p>Liebe <strong>Gäste</strong>,</p>\n<p>mehr: <a href="https://www.bottrop.de" rel="noopener noreferrer">Stadt</a></p>\n<ul>\n<li>eins</li>\n</ul>',
    );
    expect(await convertLegacySpeeches()).toBe(0);
    const [again] = await db.select().from(documentationSpeeches).where(eq(documentationSpeeches.id, old!.id));
    expect(again).toEqual(row);
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
      markdown: "Hallo",
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

    // Guard rail: the conference (2040) has not taken place, so publishing waits for a confirmation.
    expect(await setPublished({ documentationId: doc.id, publish: true, actor: null })).toEqual({
      publishedAt: null,
      notified: 0,
      refused: "beforeConference",
    });
    expect(await getDocumentation(2040)).toBeNull();
    expect(await publicIds()).toEqual([]);
    // After it, no confirmation is needed.
    const after = new Date("2040-11-13T09:00:00Z");
    expect(await conferenceNotOverYet(doc.id, after)).toBe(false);
    expect(await conferenceNotOverYet(doc.id, new Date("2040-11-12T10:00:00Z"))).toBe(true);

    await setPublished({ documentationId: doc.id, publish: true, publishEarly: true, actor: null });
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
      publishEarly: true,
      publishAt: new Date(Date.now() + 10 * 86_400_000),
      actor: null,
    }))!;
    expect(publishedAt!.getTime()).toBeLessThanOrEqual(Date.now());

    await setPublished({ documentationId: doc.id, publish: false, actor: null });
    expect(await publicIds()).toEqual([]);
    expect(await getDocumentation(2040)).toBeNull();
  });
});

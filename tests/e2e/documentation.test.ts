import { createHash } from "node:crypto";
import JSZip from "jszip";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser, signInAsOrganiser } from "../support/browser";

const PHOTOS = 20;
const NOT_CLEARED = [19, 20];

let app: RunningApp;
let browser: Browser;
let orga: BrowserContext;
let visitor: BrowserContext;
let year = 0;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  orga = await browser.newContext();
  visitor = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(): Promise<Page> {
  const page = await orga.newPage();
  await signInAsOrganiser(page, app.url);
  return page;
}

/** A photo with a distinct colour and EXIF data (camera owner, which must not reach the public). */
function photo(n: number) {
  return sharp({
    create: {
      width: 640,
      height: 480,
      channels: 3,
      background: { r: (n * 37) % 256, g: (n * 91) % 256, b: (n * 53) % 256 },
    },
  })
    .jpeg({ quality: 80 })
    .withExif({ IFD0: { Artist: `Kamera-Besitzerin ${n}`, ImageDescription: `GPS-Geheimnis ${n}` } })
    .toBuffer();
}

const sha = (b: Buffer | Uint8Array) => createHash("sha256").update(b).digest("hex");
const altOf = (n: number) =>
  NOT_CLEARED.includes(n) ? `Verborgenes Gesicht Nummer ${n}` : `Blick in den Saal, Bild ${n}`;

describe("conference documentation with a photo documentation", () => {
  const hiddenIds: string[] = [];
  const shownIds: string[] = [];

  it("an organiser uploads 20 photos at once with progress, writes alt texts and clears 18", async () => {
    const page = await signIn();
    await page.goto(`${app.url}/konferenzen`);
    const link = page.getByRole("link", { name: /Gemeinsam im Stadtteil/ });
    year = Number(/\/konferenzen\/(\d{4})/.exec((await link.getAttribute("href")) ?? "")![1]);
    expect(year).toBeGreaterThan(2000);

    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Verwaltung" }).click();
    await page.getByRole("link", { name: "Dokumentationen" }).click();
    await page.getByRole("link", { name: `Dokumentation ${year} bearbeiten` }).click();
    await page.getByRole("heading", { name: `Dokumentation ${year} bearbeiten`, level: 1 }).waitFor();

    // The demo has published last year's documentation: withdraw it, then nobody but organisers sees it.
    await page.getByRole("button", { name: "Veröffentlichung zurücknehmen" }).click();
    await page.getByRole("status").filter({ hasText: "Die Dokumentation ist nicht mehr öffentlich." }).waitFor();
    expect((await visitor.request.get(`${app.url}/konferenzen/${year}/dokumentation`)).status()).toBe(404);
    expect((await visitor.request.get(`${app.url}/konferenzen/${year}/dokumentation.zip`)).status()).toBe(404);

    // A speech in Markdown with hostile parts: the preview shows the rendering without saving, then it is saved.
    await page
      .getByLabel(/^Titel/)
      .last()
      .fill("Grußwort des Oberbürgermeisters");
    await page
      .getByLabel(/^Rednerin oder Redner/)
      .last()
      .fill("Oberbürgermeister");
    await page
      .getByLabel(/^Text/)
      .last()
      .fill(
        'Willkommen zur **Integrationskonferenz**.\n\nZweiter Absatz.\n\n<script>alert("x")</script>\n\n[Klick](javascript:alert(1))',
      );
    await page.getByRole("button", { name: "Vorschau" }).last().click();
    const preview = page.getByRole("status").filter({ hasText: "Vorschau (noch nicht gespeichert)" });
    await preview.waitFor();
    expect(await preview.locator("p").allTextContents()).toEqual([
      "Willkommen zur Integrationskonferenz.",
      "Zweiter Absatz.",
      '<script>alert("x")</script>',
      "Klick",
    ]);
    expect(await preview.locator("a, script").count()).toBe(0);
    expect(
      await page
        .getByLabel(/^Titel/)
        .last()
        .inputValue(),
    ).toBe("Grußwort des Oberbürgermeisters");
    await page.getByRole("button", { name: "Redebeitrag hinzufügen" }).click();
    await page.getByRole("status").filter({ hasText: "Gespeichert." }).waitFor();

    const files = await Promise.all(
      Array.from({ length: PHOTOS }, async (_, i) => ({
        name: `IMG_${String(i + 1).padStart(4, "0")}.jpg`,
        mimeType: "image/jpeg",
        buffer: await photo(i + 1),
      })),
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 128 * 1024,
    });
    await page.getByLabel("Fotos hochladen (mehrere auf einmal möglich)").setInputFiles(files);
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector("form.file-upload progress");
        if (bar) seen.push(Number((bar as HTMLProgressElement).value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole("button", { name: "Ausgewählte Fotos hochladen" }).click();
    await page.getByRole("status").filter({ hasText: "Die Datei wurde hochgeladen." }).waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByRole("status").filter({ hasText: "20 Fotos, davon 0 zur Veröffentlichung freigegeben." }).waitFor();

    // Clearing without an alt text does not publish the photo.
    await page.getByLabel("Foto 1 freigegeben (alle erkennbaren Personen haben zugestimmt)").check();
    await page.getByRole("button", { name: "Fotos speichern" }).click();
    await page.getByRole("status").filter({ hasText: "1 Foto hat keinen Alternativtext" }).waitFor();
    await page.getByRole("status").filter({ hasText: "20 Fotos, davon 0 zur Veröffentlichung freigegeben." }).waitFor();
    // The box shows what the server stored, not what was ticked.
    expect(await page.getByLabel("Foto 1 freigegeben (alle erkennbaren Personen haben zugestimmt)").isChecked()).toBe(
      false,
    );
    // Each photo carries its own remove button.
    await page.locator(".photo-admin > li").nth(1).getByRole("button", { name: "Foto 2 entfernen" }).waitFor();

    for (let n = 1; n <= PHOTOS; n += 1) {
      await page.getByLabel(`Alternativtext zu Foto ${n}`, { exact: true }).fill(altOf(n));
      const box = page.getByLabel(`Foto ${n} freigegeben (alle erkennbaren Personen haben zugestimmt)`);
      if (NOT_CLEARED.includes(n)) await box.uncheck();
      else await box.check();
    }
    await page.getByRole("button", { name: "Fotos speichern" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "20 Fotos, davon 18 zur Veröffentlichung freigegeben." })
      .waitFor();

    const srcs = await page
      .locator(".photo-admin img")
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute("src") ?? ""));
    expect(srcs).toHaveLength(PHOTOS);
    srcs.forEach((src, i) => {
      const id = /\/dateien\/([0-9a-f-]{36})/.exec(src)![1]!;
      (NOT_CLEARED.includes(i + 1) ? hiddenIds : shownIds).push(id);
    });

    // Preview before publishing: organisers see everything, the two marked.
    await page.goto(`${app.url}/konferenzen/${year}/dokumentation`);
    await page.getByText("Vorschau: Diese Dokumentation ist noch nicht veröffentlicht.").waitFor();
    expect(await page.getByText("Nicht veröffentlicht (keine Freigabe oder kein Alternativtext)").count()).toBe(2);

    await page.goto(`${app.url}/verwaltung/dokumentation/${year}`);
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await page.getByRole("status").filter({ hasText: "Die Dokumentation ist veröffentlicht." }).waitFor();
  });

  it("the public sees the 18 cleared photos in an accessible gallery, the 2 others nowhere", async () => {
    const page = await visitor.newPage();
    await page.goto(`${app.url}/konferenzen`);
    await page.getByRole("link", { name: `Dokumentation der Konferenz ${year}` }).click();
    await page.getByRole("heading", { level: 1, name: /^Dokumentation:/ }).waitFor();
    const gallery = page.locator("ul.gallery");
    const imgs = gallery.locator("img");
    expect(await imgs.count()).toBe(18);
    const alts = await imgs.evaluateAll((list) => list.map((i) => i.getAttribute("alt") ?? ""));
    expect(alts.every((a) => /^Blick in den Saal, Bild \d+$/.test(a))).toBe(true);
    // Keyboard: every photo is a link in the tab order with a name that includes its alt text.
    const first = gallery.getByRole("link").first();
    await first.focus();
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")).toMatch(
      /^Blick in den Saal, Bild \d+ \(Foto in voller Größe öffnen\)$/,
    );

    // The speech: sanitised, the script and the javascript: link gone.
    await page.getByRole("heading", { name: "Grußwort des Oberbürgermeisters" }).waitFor();
    const html = await page.content();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("onerror");

    const pages = [html];
    for (const path of [
      `/konferenzen/${year}`,
      "/konferenzen",
      "/feed.xml",
      "/suche?q=Verborgenes+Gesicht",
      "/suche?q=Gesicht",
      `/suche?q=Saal&jahr=${year}`,
      "/dokumente",
    ]) {
      const res = await visitor.request.get(`${app.url}${path}`);
      expect(res.status(), path).toBe(200);
      pages.push(await res.text());
    }
    const all = pages.join("\n");
    for (const id of hiddenIds) expect(all).not.toContain(id);
    expect(all).not.toContain("Verborgenes Gesicht Nummer");
    for (const id of shownIds) expect(pages[0]).toContain(id);
    // The feed announces the documentation.
    expect(pages[3]).toContain(`/konferenzen/${year}/dokumentation`);

    // Files: the cleared photos are public, the others are not, not even their thumbnails.
    for (const id of hiddenIds) {
      expect((await visitor.request.get(`${app.url}/dateien/${id}`)).status()).toBe(404);
      expect((await visitor.request.get(`${app.url}/dateien/${id}?vorschau=1`)).status()).toBe(404);
    }
    const shown = await visitor.request.get(`${app.url}/dateien/${shownIds[0]}`);
    expect(shown.status()).toBe(200);
    const shownBytes = await shown.body();
    // Re-encoded without EXIF: the camera owner's name is gone.
    expect(shownBytes.includes(Buffer.from("Kamera-Besitzerin"))).toBe(false);
    expect((await sharp(shownBytes).metadata()).exif).toBeUndefined();

    // The ZIP: streamed, 18 photos, none of the hidden ones (compared by content), names clean.
    const zipRes = await visitor.request.get(`${app.url}/konferenzen/${year}/dokumentation.zip`);
    expect(zipRes.status()).toBe(200);
    expect(zipRes.headers()["content-type"]).toBe("application/zip");
    expect(zipRes.headers()["content-disposition"]).toMatch(/^attachment;/);
    const zip = await JSZip.loadAsync(await zipRes.body());
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const photoNames = names.filter((n) => n.startsWith("Fotos/"));
    expect(photoNames).toHaveLength(18);
    for (const n of names) expect(n).not.toMatch(/\.\.|\\|^\//);
    const hiddenHashes = new Set<string>();
    const orgaPage = await orga.newPage();
    for (const id of hiddenIds) {
      const res = await orgaPage.request.get(`${app.url}/dateien/${id}`);
      expect(res.status()).toBe(200);
      hiddenHashes.add(sha(await res.body()));
    }
    const zipHashes = await Promise.all(names.map(async (n) => sha(await zip.files[n]!.async("uint8array"))));
    for (const h of zipHashes) expect(hiddenHashes.has(h)).toBe(false);
    expect(zipHashes).toContain(sha(shownBytes));
    const text = await zip.files["Inhalt.txt"]!.async("string");
    expect(text).toContain("Blick in den Saal");
    expect(text).not.toContain("Verborgenes Gesicht");
    const speech = names.find((n) => n.startsWith("Redebeitraege/") && n.includes("Grußwort"))!;
    expect(await zip.files[speech]!.async("string")).toContain("Willkommen zur Integrationskonferenz.");
  });
});

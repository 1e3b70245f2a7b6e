import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext, textOf } from "../support/browser";
import { makePagedPdf, makeRealPptx } from "../support/files";

// The Done-when of issue #18: a group's report with a 3-page PDF and a PPTX, presented page by page
// in the projector view with the keyboard only, and without JavaScript (server-rendered page images).

let app: RunningApp;
let browser: Browser;
let orga: BrowserContext;
let presentation = "";
const PDF_PAGES = [
  "Welheim Seite eins: Sprachcafé",
  "Welheim Seite zwei: Elternberatung",
  "Welheim Seite drei: Ausblick",
];
const PPTX_SLIDES = ["Folie A: Quartiersfest", "Folie B: Sprachpaten"];

beforeAll(async () => {
  app = await startApp({ readyMs: 240_000, env: { CONVERSIONS: "true" } }); // the demo seed takes long on a busy machine
  browser = await launchBrowser();
  orga = await signedInContext(browser, app.url);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel(/^Neue Datei anhängen/).setInputFiles(file);
  await page.getByRole("button", { name: "Datei hochladen" }).click();
  await page.getByRole("link", { name: file.name, exact: true }).waitFor();
}

/** The slide counter's total, once every file has its pages (conversion runs in the background). */
async function waitForPages(page: Page, total: number) {
  for (;;) {
    const counter = await textOf(page.getByText(/^Folie \d+ von \d+$/));
    if (Number(/von (\d+)/.exec(counter)![1]) === total) return;
    await page.getByRole("link", { name: "Weiter" }).waitFor(); // the page is complete before reloading
    await page.reload();
  }
}

describe("projector view: PDF and PPTX page by page", () => {
  it("the organiser uploads a 3-page PDF and a real PPTX and publishes the report", async () => {
    const page = await orga.newPage();
    await page.goto(`${app.url}/verwaltung/arbeitskreise`);
    await page.getByRole("link", { name: "Stadtteilnetzwerk Welheim" }).click();
    // Organisers attach files and take the workflow steps (the text is the group's).
    await page.getByRole("button", { name: /^Bericht für \d{4} schreiben$/ }).click();
    await page
      .getByRole("heading", { name: /^Umsetzungsbericht \d{4}: Stadtteilnetzwerk Welheim$/, level: 1 })
      .waitFor();
    await upload(page, {
      name: "Ergebnisse Welheim.pdf",
      mimeType: "application/pdf",
      buffer: await makePagedPdf(PDF_PAGES),
    });
    await upload(page, {
      name: "Folien Welheim.pptx",
      mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      buffer: await makeRealPptx(PPTX_SLIDES),
    });
    await page.getByRole("button", { name: "Bericht einreichen" }).click();
    await page.getByText("Der Bericht wurde eingereicht.").waitFor();
    await page.getByRole("button", { name: "Freigeben" }).click();
    await page.getByText("Der Bericht ist freigegeben.").waitFor();
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await page.getByText("Der Bericht ist veröffentlicht.").waitFor();
    presentation = `${app.url}/praesentation/${page.url().split("/").pop()}`;
    await page.close();
  });

  it("with the keyboard only: arrow keys go through the PDF's pages and on into the PPTX's pages (PDF.js)", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(presentation);
    // Title, 3 PDF pages, 2 PPTX pages.
    await waitForPages(page, 6);
    await page.getByRole("button", { name: "Vollbild" }).waitFor();
    await page.keyboard.press("Home");
    await page.getByText("Folie 1 von 6").waitFor();
    await page.getByRole("heading", { name: "Stadtteilnetzwerk Welheim", level: 1 }).waitFor();
    const expected = [
      ...PDF_PAGES.map((text, i) => ({ heading: `Ergebnisse Welheim.pdf – Seite ${i + 1} von 3`, text })),
      ...PPTX_SLIDES.map((text, i) => ({ heading: `Folien Welheim.pptx – Seite ${i + 1} von 2`, text })),
    ];
    for (const [i, slide] of expected.entries()) {
      await page.keyboard.press("ArrowRight");
      await page.getByText(`Folie ${i + 2} von 6`).waitFor();
      await page.getByRole("heading", { name: slide.heading }).waitFor();
      // PDF.js drew the page: the canvas replaces the server image, labelled like it.
      const canvas = page.getByRole("img", {
        name: `Seite ${/Seite (\d+)/.exec(slide.heading)![1]} von ${i < 3 ? 3 : 2} aus ${i < 3 ? "Ergebnisse Welheim.pdf" : "Folien Welheim.pptx"}`,
        exact: false,
      });
      await canvas.and(page.locator("canvas")).waitFor();
      // Fitted to the screen.
      const box = (await page.locator("canvas").boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      // The page's text is the text alternative.
      await page.getByText("Text dieser Seite").click();
      expect(await textOf(page.locator(".present__text p"))).toContain(slide.text.split(":")[0]);
      await page.locator(".present__slide").focus(); // back from the disclosure, as after a click
      if (i === 0) await page.screenshot({ path: "/tmp/ikon-present-pdf.png" });
      if (i === 3) await page.screenshot({ path: "/tmp/ikon-present-pptx.png" });
    }
    await page.keyboard.press("ArrowLeft");
    await page.getByRole("heading", { name: "Folien Welheim.pptx – Seite 1 von 2" }).waitFor();
    await page.keyboard.press("Escape");
    await page.waitForURL(/\/arbeitskreise\/welheim$/);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("without JavaScript: every page is an image rendered on the server, Weiter/Zurück are links", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    await page.goto(`${presentation}?folie=2`);
    await page.getByRole("heading", { name: "Ergebnisse Welheim.pdf – Seite 1 von 3" }).waitFor();
    for (const [n, name] of [
      [1, "Ergebnisse Welheim.pdf"],
      [2, "Ergebnisse Welheim.pdf"],
      [3, "Ergebnisse Welheim.pdf"],
      [1, "Folien Welheim.pptx"],
    ] as const) {
      const img = page.getByRole("img", { name: new RegExp(`^Seite ${n} von \\d aus ${name.replace(".", "\\.")}`) });
      await img.waitFor();
      expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
      const res = await fetch(new URL((await img.getAttribute("src"))!, app.url));
      expect(res.headers.get("content-type")).toBe("image/png");
      if (n === 1 && name.endsWith(".pptx"))
        await page.screenshot({ path: "/tmp/ikon-present-nojs-320.png", fullPage: true });
      // No horizontal scrolling at 320 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await page.getByRole("link", { name: "Weiter" }).click();
    }
    await page.getByRole("heading", { name: "Folien Welheim.pptx – Seite 2 von 2" }).waitFor();
    expect(await page.getByRole("link", { name: "Weiter" }).count()).toBe(0);
    // Full screen needs JavaScript: no button that would do nothing.
    expect(await page.getByRole("button", { name: "Vollbild" }).count()).toBe(0);
    // The derived PDF of the PPTX is there for the archive and the download.
    const src = (await page.getByRole("img").first().getAttribute("src"))!;
    const pdf = await fetch(new URL(src.replace(/\?seite=\d+$/, "?pdf=1"), app.url));
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain("Folien Welheim.pdf");
    await ctx.close();
  });
});

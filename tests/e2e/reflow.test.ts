import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext } from "../support/browser";

// WCAG 1.4.10 / 1.4.4: at 320 CSS px and at 200 % zoom (a 1280 px window zoomed to 200 % lays out
// 640 CSS px at device scale 2) nothing scrolls sideways. Screenshots go to SCREENSHOT_DIR for a
// person to look at (German and Arabic).
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp/ikon-a11y-shots";
let app: RunningApp;
let browser: Browser;
let year: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  const html = await (await fetch(app.url)).text();
  year = /\/konferenzen\/(\d{4})/.exec(html)![1]!;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const sizes = [
  { name: "320", viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: "zoom200", viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
];

describe("zoom and reflow", () => {
  for (const size of sizes) {
    for (const lang of ["de", "ar"]) {
      it(`${size.name} px, ${lang}: no horizontal scrolling on the main pages`, async () => {
        const context = await browser.newContext({
          viewport: size.viewport,
          deviceScaleFactor: size.deviceScaleFactor,
        });
        const page = await context.newPage();
        await page.goto(`${app.url}/sprache?lang=${lang}&to=/`);
        const paths = [
          "/",
          `/konferenzen/${year}`,
          `/konferenzen/${year}/anmeldung`,
          "/live",
          "/ziele/mitmachen",
          "/leichte-sprache",
          "/barrierefreiheit",
          "/ziele",
          "/arbeitskreise",
          "/login",
        ];
        const overflowing: string[] = [];
        for (const path of paths) {
          await page.goto(`${app.url}${path}`);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} > ${innerWidth}`);
          const file = path === "/" ? "start" : path.replace(/^\//, "").replace(/\//g, "_");
          await page.screenshot({ path: `${SHOTS}/reflow-${size.name}-${lang}-${file}.png`, fullPage: true });
        }
        expect(overflowing).toEqual([]);
        await context.close();
      });
    }
  }

  it("320 px: no horizontal scrolling in the organisers' area (wide tables scroll inside their box)", async () => {
    const context = await signedInContext(browser, app.url, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const base = `/verwaltung/konferenzen/${year}`;
    const paths = [
      "/verwaltung",
      "/verwaltung/konferenzen",
      base,
      `${base}/teilnehmende`,
      `${base}/teilnehmende/neu`,
      `${base}/statistik`,
      `${base}/einlass`,
      "/verwaltung/arbeitskreise",
      "/verwaltung/berichte",
      "/verwaltung/fachinputs",
      "/verwaltung/ziele",
      "/verwaltung/ziele/vorschlaege",
      "/verwaltung/dokumente",
      "/verwaltung/dokumente/neu",
      "/verwaltung/dokumentation",
      `/verwaltung/dokumentation/${year}`,
      "/verwaltung/postausgang",
      "/verwaltung/protokoll",
      "/verwaltung/barrierefreiheit",
    ];
    const overflowing: string[] = [];
    for (const path of paths) {
      await page.goto(`${app.url}${path}`);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} > ${innerWidth}`);
      await page.screenshot({
        path: `${SHOTS}/reflow-320-admin-${path.replace(/^\//, "").replace(/\//g, "_")}.png`,
        fullPage: true,
      });
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });

  it("long German words break at a syllable with a hyphen: the page's language is set and text hyphenates", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/ziele`);
    const style = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      text: getComputedStyle(document.querySelector("main p") ?? document.body).hyphens,
      cell: getComputedStyle(document.querySelector("main td, main li") ?? document.body).hyphens,
    }));
    expect(style).toEqual({ lang: "de", text: "auto", cell: "auto" });
    await context.close();
  });
});

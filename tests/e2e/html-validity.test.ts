import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext } from "../support/browser";
import { crawlHtml, vnuErrors, type VnuMessage } from "../support/vnu";

// The HTML validity gate: the W3C Nu HTML checker over the server-rendered pages, public and
// organisers', in German, English and Arabic. Zero errors, except the ones listed here, each caused
// upstream and each with its reason. One app, one browser (only for signing in), one JVM.
const UPSTREAM: { message: RegExp; reason: string }[] = [];

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function crawlIn(context: BrowserContext, lang: "de" | "en" | "ar", starts: string[], limit: number) {
  await context.request.get(`${app.url}/sprache?lang=${lang}&to=/`);
  const pages = await crawlHtml(context.request, app.url, starts, { limit });
  return new Map([...pages].map(([p, html]) => [`${lang} ${p}`, html]));
}

function report(errors: VnuMessage[]) {
  return errors.map((e) => `${e.page}:${e.line ?? "?"}: ${e.message}  «${e.extract.slice(0, 120)}»`).join("\n");
}

describe("HTML validity (vnu)", () => {
  it("public and organisers' pages in de, en and ar have no errors other than the listed upstream ones", async () => {
    const pages = new Map<string, string>();
    const visitor = await browser.newContext();
    for (const lang of ["de", "en", "ar"] as const) {
      for (const [k, v] of await crawlIn(visitor, lang, ["/", "/konferenzen", "/ziele", "/arbeitskreise", "/dokumente", "/login", "/live", "/suche?q=Sprache", "/gibt-es-nicht"], lang === "de" ? 80 : 40)) pages.set(k, v);
    }
    await visitor.close();
    const organiser = await signedInContext(browser, app.url);
    for (const lang of ["de", "en", "ar"] as const) {
      for (const [k, v] of await crawlIn(organiser, lang, ["/verwaltung"], lang === "de" ? 80 : 30)) pages.set(`${k} (signed in)`, v);
    }
    await organiser.close();
    expect(pages.size).toBeGreaterThan(60);
    expect([...pages.keys()].some((k) => k.startsWith("ar /verwaltung/konferenzen/"))).toBe(true);

    const errors = await vnuErrors(pages);
    const left = errors.filter((e) => !UPSTREAM.some((u) => u.message.test(e.message)));
    expect(report(left)).toBe("");
  });

  it("the checker finds a fault when there is one (the gate cannot pass vacuously)", async () => {
    const errors = await vnuErrors(new Map([["broken", "<!DOCTYPE html><html lang=de><title>x</title><p id='a b'>x</p><span aria-label=x>y</span>"]]));
    expect(errors.map((e) => e.message).join("\n")).toMatch(/id.*whitespace/i);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { axeCheck, crawl } from "../support/a11y";
import { runCli, startApp, type RunningApp } from "../support/app";
import { DEMO_ORGANISER, launchBrowser } from "../support/browser";
import { conferenceYear } from "../support/http";

// The automated BITV / WCAG 2.1 AA gate: every page reachable from "/" (public) and from
// "/verwaltung" (as organiser and as coordinator), in German and English (public pages in Arabic too), error pages and forms
// in their error state: zero axe violations.
let app: RunningApp;
let browser: Browser;
// A crawl visits up to 150 pages and runs axe on each: more than the browser tests' 300 s on a busy machine.
const CRAWL_TIMEOUT = 900_000;
const ORGANISER = DEMO_ORGANISER;
const COORDINATOR = { email: "a11y-koordination@ikon.example", password: "barrierefrei-pruefen" };

beforeAll(async () => {
  const first = await startApp();
  await first.stop();
  const created = await runCli(
    [
      "scripts/user-create.ts",
      "--email",
      COORDINATOR.email,
      "--name",
      "Koordination Test",
      "--role",
      "coordinator",
      "--password",
      COORDINATOR.password,
      "--group",
      "welheim",
    ],
    { DATA_DIR: first.dataDir },
  );
  if (created.code !== 0) throw new Error(created.output);
  app = await startApp({ dataDir: first.dataDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(who: { email: string; password: string }, locale = "de"): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.url}/sprache?lang=${locale}&to=/login`);
  await page.locator("#field-email").fill(who.email);
  await page.locator("#field-password").fill(who.password);
  await page
    .locator("form")
    .filter({ has: page.locator("#field-password") })
    .locator("button[type=submit]")
    .click();
  await page.waitForURL(/\/verwaltung/);
  await page.close();
  return context;
}

function report(violations: Awaited<ReturnType<typeof axeCheck>>) {
  return violations.map((v) => `${v.url}: ${v.id} (${v.impact}) ${v.help} → ${v.targets.join(", ")}`).join("\n");
}

describe("accessibility gate (axe, WCAG 2.1 A/AA)", () => {
  for (const locale of ["de", "en"]) {
    it(
      `public pages in ${locale}`,
      async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${app.url}/sprache?lang=${locale}&to=/`);
        await page.close();
        const { violations, pages } = await crawl(
          context,
          app.url,
          ["/", "/login", "/impressum", "/datenschutz", "/barrierefreiheit", "/gibt-es-nicht", "/monitoring"],
          { within: /^(?!\/verwaltung)/ },
        );
        expect(pages.length).toBeGreaterThan(5);
        expect(report(violations)).toBe("");
        await context.close();
      },
      CRAWL_TIMEOUT,
    );

    it(
      `organiser area in ${locale}`,
      async () => {
        const context = await signedIn(ORGANISER, locale);
        const { violations, pages } = await crawl(context, app.url, ["/verwaltung"], { within: /^\/verwaltung/ });
        expect(pages.length).toBeGreaterThan(1);
        expect(report(violations)).toBe("");
        await context.close();
      },
      CRAWL_TIMEOUT,
    );
  }

  // Arabic: the participant pages in Arabic (rtl), every other public page in German with the note.
  it(
    "public pages in ar",
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${app.url}/sprache?lang=ar&to=/`);
      await page.close();
      const year = await conferenceYear(app.url);
      const { violations, pages } = await crawl(
        context,
        app.url,
        [
          "/",
          `/konferenzen/${year}`,
          `/konferenzen/${year}/anmeldung`,
          "/live",
          "/ziele/mitmachen",
          "/monitoring",
          "/monitoring/beschaeftigung/arbeitslosenquote",
          "/leichte-sprache",
          "/barrierefreiheit",
          "/gibt-es-nicht",
        ],
        {
          within: /^(?!\/verwaltung)/,
          limit: 40,
        },
      );
      expect(pages.length).toBeGreaterThan(5);
      expect(report(violations)).toBe("");
      await context.close();
    },
    CRAWL_TIMEOUT,
  );

  it("Arabic and English forms in their error state, and the statement's feedback form", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const year = await conferenceYear(app.url);
    for (const [lang, button] of [
      ["ar", "التسجيل"],
      ["en", "Register"],
    ] as const) {
      await page.goto(`${app.url}/sprache?lang=${lang}&to=/konferenzen/${year}/anmeldung`);
      await page.evaluate(() => document.querySelectorAll("form").forEach((f) => (f.noValidate = true)));
      await page.getByRole("button", { name: button, exact: true }).click();
      await page.getByRole("alert").first().waitFor();
      expect(report(await axeCheck(page, `/konferenzen/${year}/anmeldung (${lang}, errors)`))).toBe("");
    }
    await page.goto(`${app.url}/sprache?lang=de&to=/barrierefreiheit`);
    await page.evaluate(() => document.querySelectorAll("form").forEach((f) => (f.noValidate = true)));
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(report(await axeCheck(page, "/barrierefreiheit (errors)"))).toBe("");
    await context.close();
  });

  it(
    "coordinator area",
    async () => {
      const context = await signedIn(COORDINATOR);
      const { violations } = await crawl(context, app.url, ["/verwaltung"], { within: /^\/verwaltung/ });
      expect(report(violations)).toBe("");
      await context.close();
    },
    CRAWL_TIMEOUT,
  );

  it("forms in their error state", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    // Skip the browser's own checks to get the server's error state, as without JavaScript.
    await page.evaluate(() => document.querySelectorAll("form").forEach((f) => (f.noValidate = true)));
    await page.locator("#field-email").fill("kein-at-zeichen");
    await page
      .locator("form")
      .filter({ has: page.locator("#field-password") })
      .locator("button[type=submit]")
      .click();
    await page.getByRole("alert").first().waitFor();
    expect(await page.locator("[aria-invalid=true]").count()).toBeGreaterThan(0);
    expect(report(await axeCheck(page, "/login (errors)"))).toBe("");
    await context.close();
  });
});

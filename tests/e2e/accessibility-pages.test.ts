import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeCheck } from "../support/a11y";
import { startApp, waitForMail, type RunningApp } from "../support/app";
import { DEMO_ORGANISER, isFocused, launchBrowser, signInAsOrganiser, textOf } from "../support/browser";

// Leichte Sprache (linked from every header, DGS video place) and the accessibility statement
// (required parts, organiser editing, feedback mailed through the outbox, rate limit).
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp/ikon-a11y-shots";
const ORGANISER = DEMO_ORGANISER;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function report(violations: Awaited<ReturnType<typeof axeCheck>>) {
  return violations.map((v) => `${v.url}: ${v.id} ${v.help} → ${v.targets.join(", ")}`).join("\n");
}

async function noHorizontalScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("Leichte Sprache and the accessibility statement", () => {
  it("every page's header links to Leichte Sprache, in every language", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const [lang, path] of [
      ["de", "/"],
      ["de", "/ziele"],
      ["de", "/login"],
      ["en", "/konferenzen"],
      ["ar", "/"],
      ["de", "/gibt-es-nicht"],
    ] as const) {
      await page.goto(`${app.url}/sprache?lang=${lang}&to=${encodeURIComponent(path)}`);
      const link = page.locator("header").getByRole("link", { name: "Leichte Sprache" });
      expect(await link.count(), `${lang} ${path}`).toBe(1);
      expect(await link.getAttribute("lang")).toBe(lang === "de" ? null : "de");
    }
    await page.locator("header").getByRole("link", { name: "Leichte Sprache" }).click();
    await page.getByRole("heading", { name: "Leichte Sprache", level: 1 }).waitFor();
    expect(await page.locator("h1").evaluate((h) => h.closest("[lang]")?.getAttribute("lang"))).toBe("de");
    expect(await textOf(page.locator("main"))).toContain("Die Integrations-Konferenz ist ein Treffen.");
    expect(await textOf(page.locator("main"))).toContain("Das Video in Gebärdensprache kommt bald.");
    await context.close();
  });

  it("statement: required parts; feedback error state, mail to the organisers, rate limit", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/barrierefreiheit`);
    for (const heading of [
      "Stand der Vereinbarkeit mit den Anforderungen",
      "Nicht barrierefreie Inhalte",
      "Erstellung und Überprüfung dieser Erklärung",
      "Barriere melden (Feedback)",
      "Durchsetzungsverfahren",
    ]) {
      await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
    }
    expect(await textOf(page.locator("main"))).toContain(
      "Ombudsstelle für barrierefreie Informationstechnik des Landes NRW",
    );
    expect(report(await axeCheck(page, "/barrierefreiheit"))).toBe("");
    // The honeypot is in the form but out of sight.
    expect((await page.locator("#a11y-website").boundingBox())!.x).toBeLessThan(0);

    await page.evaluate(() => document.querySelectorAll("form").forEach((f) => (f.noValidate = true)));
    await page.getByLabel(/^Ihre Nachricht/).fill("kurz");
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    const summary = page.getByRole("alert");
    expect(await textOf(summary)).toContain("Bitte beschreiben Sie die Barriere in mindestens 10 Zeichen.");
    expect(await isFocused(summary)).toBe(true);
    expect(await page.getByLabel(/^Ihre Nachricht/).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel(/^Ihre Nachricht/).inputValue()).toBe("kurz");
    expect(report(await axeCheck(page, "/barrierefreiheit (errors)"))).toBe("");
    await page.screenshot({ path: `${SHOTS}/statement-errors-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/statement-errors-320.png`, fullPage: true });

    await page.getByLabel(/^Ihre Nachricht/).fill("Die Tabelle im Programm ist mit dem Screenreader schwer zu lesen.");
    await page.getByLabel(/^Ihre E-Mail-Adresse/).fill("leserin@example.org");
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    await page.getByRole("status").filter({ hasText: "Danke! Ihre Nachricht ist bei uns angekommen." }).waitFor();
    const mail = await waitForMail(app.dataDir, ORGANISER.email, /^Barrierefreiheit: neue Rückmeldung$/);
    expect(mail.text).toContain("Die Tabelle im Programm ist mit dem Screenreader schwer zu lesen.");
    expect(mail.text).toContain("leserin@example.org");

    // 5 per hour and address: the 6th gets the German "too many" message, the text is kept.
    for (let i = 0; i < 4; i++) {
      await page.goto(`${app.url}/barrierefreiheit`);
      await page.getByLabel(/^Ihre Nachricht/).fill(`Noch eine Rückmeldung Nummer ${i}.`);
      await page.getByRole("button", { name: "Nachricht senden" }).click();
      await page.getByRole("status").filter({ hasText: "Danke!" }).waitFor();
    }
    await page.goto(`${app.url}/barrierefreiheit`);
    await page.getByLabel(/^Ihre Nachricht/).fill("Die sechste Rückmeldung in einer Stunde.");
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Zu viele Versuche");
    expect(await page.getByLabel(/^Ihre Nachricht/).inputValue()).toBe("Die sechste Rückmeldung in einer Stunde.");
    await context.close();
  });

  it("organisers edit the statement and the DGS video; errors are named and linked", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAsOrganiser(page, app.url);
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Barrierefreiheit" }).click();
    await page.getByRole("heading", { name: "Barrierefreiheit", level: 1 }).waitFor();

    await page.evaluate(() => document.querySelectorAll("form").forEach((f) => (f.noValidate = true)));
    await page.getByLabel(/^Zuletzt überprüft am/).fill("31.02.2027");
    await page.getByLabel(/^Adresse des DGS-Videos/).fill("/media/dgs-konferenz.mp4");
    await page.getByRole("button", { name: "Erklärung speichern" }).click();
    const summary = page.getByRole("alert");
    expect(await textOf(summary)).toContain("Zuletzt überprüft am: Bitte geben Sie ein Datum an");
    expect(await isFocused(summary)).toBe(true);
    expect(await page.getByLabel(/^Zuletzt überprüft am/).inputValue()).toBe("31.02.2027");
    expect(report(await axeCheck(page, "/verwaltung/barrierefreiheit (errors)"))).toBe("");
    await page.screenshot({ path: `${SHOTS}/admin-statement-errors-1280.png`, fullPage: true });

    // A video on this site without captions is refused (WCAG 1.2.2).
    await page.evaluate(() => document.querySelectorAll("form").forEach((f) => (f.noValidate = true)));
    await page.getByLabel(/^Zuletzt überprüft am/).fill("01.12.2026");
    await page.getByRole("button", { name: "Erklärung speichern" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Adresse der Untertitel (WebVTT): Ein Video auf dieser Website braucht Untertitel" })
      .waitFor();
    expect(await textOf(page.getByRole("alert"))).not.toContain("Zuletzt überprüft am");
    expect(await page.getByLabel(/^Adresse der Untertitel/).getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel(/^Adresse der Untertitel/).fill("/media/dgs-konferenz.vtt");
    await page.getByLabel(/^Stand der Vereinbarkeit/).selectOption("partial");
    await page.getByLabel(/^Bekannte Barrieren/).fill("Die Dokumentation 2024 ist ein PDF ohne Tags.");
    await page
      .getByLabel(/^Barrierefreie Alternativen/)
      .fill("Die Dokumentation 2024 schicken wir auf Anfrage als Word-Datei.");
    await page.getByRole("button", { name: "Erklärung speichern" }).click();
    await page.getByRole("status").filter({ hasText: "Gespeichert." }).waitFor();

    await page.goto(`${app.url}/barrierefreiheit`);
    const main = await textOf(page.locator("main"));
    expect(main).toContain("Die Dokumentation 2024 ist ein PDF ohne Tags.");
    expect(main).toContain("als Word-Datei");
    expect(main).toContain("1. Dezember 2026");
    await page.goto(`${app.url}/leichte-sprache`);
    const video = page.locator("video");
    expect(await video.locator("source").getAttribute("src")).toBe("/media/dgs-konferenz.mp4");
    expect(await video.locator("track").getAttribute("kind")).toBe("captions");
    expect(await video.getAttribute("controls")).not.toBeNull();
    await context.close();
  });
});

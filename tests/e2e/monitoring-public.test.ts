import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser } from "../support/browser";

// The public Integrationsmonitoring on the demo app (example figures 2014–2025): overview, an
// area, an indicator with its charts, table and CSV; Arabic; 320 px.
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

const INDICATOR = "/monitoring/beschaeftigung/arbeitslosenquote";

describe("public monitoring pages", () => {
  it("lead from the overview to an area and an indicator with its charts, sentence, table and CSV", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Monitoring" }).click();
    await page.waitForURL(/\/monitoring$/);
    await page.getByRole("heading", { level: 1, name: "Integrationsmonitoring" }).waitFor();
    await page.getByText(/^Beispielzahlen: Diese Werte sind für die Vorführung erfunden/).waitFor();
    // Six areas, each indicator with its sentence.
    expect(await page.getByRole("heading", { level: 3 }).count()).toBe(6);
    expect(await page.getByText(/^Der (Abstand|Wert) ist seit \d{4} /).count()).toBeGreaterThanOrEqual(12);

    await page.getByRole("link", { name: "Beschäftigung", exact: true }).click();
    await page.waitForURL(/\/monitoring\/beschaeftigung$/);
    await page.getByRole("heading", { level: 1, name: "Beschäftigung" }).waitFor();
    await page.getByText(/^Beispielzahlen:/).waitFor();
    expect(await page.getByRole("img", { name: /^Liniendiagramm: / }).count()).toBe(2);

    await page.getByRole("link", { name: "Arbeitslosenquote", exact: true }).click();
    await page.waitForURL(new RegExp(`${INDICATOR}$`));
    await page.getByRole("heading", { level: 1, name: "Arbeitslosenquote" }).waitFor();
    await page.getByText(/^Beispielzahlen:/).waitFor();
    // The sentence in Prozentpunkte (the unit is %).
    await page.getByText(/^Der Abstand ist seit \d{4} um \d+,\d Prozentpunkte (kleiner|größer) geworden\.$/).waitFor();
    // Both charts are images named by what they show and the latest values.
    const chart = page.getByRole("img", { name: /^Liniendiagramm: Arbeitslosenquote, 2014 bis 2025, in %/ });
    expect(await chart.count()).toBe(1);
    const chartName = await chart.evaluate((svg) =>
      (svg.getAttribute("aria-labelledby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent)
        .join(" "),
    );
    expect(chartName).toMatch(/Zuletzt \(2025\): Deutsche \d+,\d %, Ausländerinnen und Ausländer \d+,\d %\./);
    expect(await page.getByRole("img", { name: /^Liniendiagramm: Abstand bei Arbeitslosenquote/ }).count()).toBe(1);
    expect(await chart.locator("path[fill=none]").count()).toBe(2);
    await page.getByText(/^Arbeitslose in Prozent aller zivilen Erwerbspersonen/).waitFor();

    // The table: years × groups + gap.
    const table = page.getByRole("table");
    const headers = await table.locator("thead th").allTextContents();
    expect(headers).toEqual(["Jahr", "Deutsche", "Ausländerinnen und Ausländer", "Abstand (Prozentpunkte)"]);
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
    expect(rows).toHaveLength(12);
    expect(rows[0]![0]).toBe("2014");
    expect(rows[11]![0]).toBe("2025");
    for (const row of rows) {
      expect(
        row.slice(1).every((cell) => /^-?\d+,\d$/.test(cell)),
        row.join(" "),
      ).toBe(true);
      const [, german, foreign, gap] = row.map((c) => Number(c.replace(",", ".")));
      expect(gap).toBeCloseTo(foreign! - german!, 5);
    }

    // The CSV: the same numbers for German Excel.
    const href = await page.getByRole("link", { name: /^Zahlen herunterladen/ }).getAttribute("href");
    expect(href).toBe(`${INDICATOR}.csv`);
    const res = await context.request.get(`${app.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["content-disposition"]).toBe(
      'attachment; filename="monitoring-beschaeftigung-arbeitslosenquote.csv"',
    );
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Jahr;Deutsche;Ausländerinnen und Ausländer;Abstand");
    expect(lines.slice(1)).toEqual(rows.map((r) => r.join(";")));
    await context.close();
  });

  it("answers 404 for an unknown area, an unknown indicator and an indicator under another area", async () => {
    for (const path of [
      "/monitoring/gibt-es-nicht",
      "/monitoring/beschaeftigung/gibt-es-nicht",
      "/monitoring/bildung/arbeitslosenquote",
      "/monitoring/beschaeftigung/gibt-es-nicht.csv",
    ]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it("is in Arabic, right to left, with the German data marked as German", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/sprache?lang=ar&to=${INDICATOR}`);
    await page.waitForURL(new RegExp(`${INDICATOR}$`));
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    await page.getByText(/^أرقام للتوضيح:/).waitFor();
    expect(await page.locator("h1 bdi").getAttribute("lang")).toBe("de");
    await page.getByRole("heading", { level: 1, name: "Arbeitslosenquote" }).waitFor();
    expect(await page.getByRole("img", { name: /^رسم بياني خطي/ }).count()).toBe(2);
    expect(await page.locator(".lang-note").count()).toBe(0);
    await context.close();
  });

  it("reflows at 320 px in German and Arabic: nothing scrolls sideways", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const lang of ["de", "ar"]) {
      await page.goto(`${app.url}/sprache?lang=${lang}&to=/monitoring`);
      for (const path of ["/monitoring", "/monitoring/beschaeftigung", INDICATOR]) {
        await page.goto(`${app.url}${path}`);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        if (scrollWidth > innerWidth) overflowing.push(`${lang} ${path}: ${scrollWidth} > ${innerWidth}`);
      }
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeCheck, type Violation } from "../support/a11y";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser, signInAsOrganiser } from "../support/browser";
import { vnuErrors } from "../support/vnu";

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
  await signInAsOrganiser(page, app.url);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const NAME = "Einbürgerungsquote Testbezirk";
const SLUG = "einbuergerungsquote-testbezirk";
const csv = (rows: string[]) => ({
  name: "werte.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFFindikator;jahr;gruppe;wert\n${rows.join("\n")}\n`),
});
const cell = (label: string) => page.getByLabel(label, { exact: true });

// Every state the crawls do not reach (refused input, the preview) is checked with axe and vnu too.
const violations: Violation[] = [];
const pages = new Map<string, string>();
async function check(label: string) {
  violations.push(...(await axeCheck(page, label)));
  pages.set(label, await page.content());
}

describe("monitoring for organisers", () => {
  let indicatorUrl = "";

  it("creates an indicator and enters a value by hand (a bad number is refused at its cell)", async () => {
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Monitoring" }).click();
    await page.getByRole("heading", { name: "Integrationsmonitoring verwalten", level: 1 }).waitFor();
    // The demo's indicators are listed with their mark.
    expect(await page.getByText("Beispielzahlen").count()).toBeGreaterThan(0);
    await check("list");

    await page.getByRole("link", { name: "Neuer Indikator" }).click();
    await page.getByLabel(/^Name/).fill(NAME);
    await page.getByLabel(/^Bereich/).selectOption({ label: "Rechtliche Situation" });
    await page.getByLabel(/^Einheit/).fill("%");
    await page.getByRole("button", { name: "Indikator anlegen" }).click();
    await page.getByRole("heading", { name: NAME, level: 1 }).waitFor();
    indicatorUrl = page.url().replace(/\?.*$/, "");

    await cell("Neues Jahr").fill("2023");
    await cell("Deutsche, neues Jahr").fill("12,x");
    await page.getByRole("button", { name: "Werte speichern" }).click();
    await page.getByText("Das ist keine Zahl.", { exact: false }).first().waitFor();
    expect(await cell("Deutsche, neues Jahr").inputValue()).toBe("12,x");
    expect(await cell("Deutsche, 2023").count()).toBe(0);
    await check("value table with an error");

    await cell("Deutsche, neues Jahr").fill("12,5");
    await page.getByRole("button", { name: "Werte speichern" }).click();
    await page.getByText("Die Werte wurden gespeichert.").waitFor();
    expect(await cell("Deutsche, 2023").inputValue()).toBe("12,5");
    expect(await cell("Neues Jahr").inputValue()).toBe("");
  });

  it("imports a CSV: a broken row shows its error and saves nothing; fixed, it is taken over", async () => {
    await page.goto(`${app.url}/verwaltung/monitoring/import`);
    await page
      .getByLabel("Datei (CSV oder Excel)")
      .setInputFiles(csv([`${SLUG};2024;Deutsche;13,1`, `${SLUG};2024;Ausländer;4,x`, `${SLUG};2023;Deutsche;12,5`]));
    await page.getByRole("button", { name: "Datei prüfen" }).click();
    await page.getByText("Zeile 3: „4,x“ ist keine Zahl.").waitFor();
    expect(await page.getByRole("button", { name: "Übernehmen" }).count()).toBe(0);
    await check("import with errors");
    await page.goto(indicatorUrl);
    await cell("Deutsche, 2023").waitFor();
    expect(await cell("Deutsche, 2024").count()).toBe(0);

    await page.goto(`${app.url}/verwaltung/monitoring/import`);
    await page
      .getByLabel("Datei (CSV oder Excel)")
      .setInputFiles(csv([`${SLUG};2024;Deutsche;13,1`, `${SLUG};2024;Ausländer;4,2`, `${SLUG};2023;Deutsche;12,5`]));
    await page.getByRole("button", { name: "Datei prüfen" }).click();
    await page.getByText("2 neu, 0 geändert, 1 unverändert").waitFor();
    await check("import preview");
    await page.getByRole("button", { name: "Übernehmen" }).click();
    await page.getByText("Übernommen: 2 Werte bei 1 Indikator.").waitFor();

    await page.getByRole("link", { name: NAME }).click();
    expect(await cell("Deutsche, 2024").inputValue()).toBe("13,1");
    expect(await cell("Ausländerinnen und Ausländer, 2024").inputValue()).toBe("4,2");
    expect(await cell("Deutsche, 2023").inputValue()).toBe("12,5");
    await check("indicator page");
  });

  it("imports without JavaScript too (the wide format, Excel's Windows-1252)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await signInAsOrganiser(plain, app.url);
    await plain.goto(`${app.url}/verwaltung/monitoring/import`);
    await plain.getByLabel("Datei (CSV oder Excel)").setInputFiles({
      name: "breit.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`indikator;jahr;Deutsche;Ausländer;Alle\r\n${NAME};2025;14;5,5;-\r\n`, "latin1"),
    });
    await plain.getByRole("button", { name: "Datei prüfen" }).click();
    await plain.getByText("2 neu, 0 geändert, 0 unverändert").waitFor();
    await plain.getByRole("button", { name: "Übernehmen" }).click();
    await plain.getByText("Übernommen: 2 Werte bei 1 Indikator.").waitFor();
    await plain.goto(indicatorUrl);
    expect(await plain.getByLabel("Ausländerinnen und Ausländer, 2025", { exact: true }).inputValue()).toBe("5,5");
    await context.close();
  });

  it("passes axe and the HTML checker in every state seen", async () => {
    expect(pages.size).toBe(5);
    expect(violations.map((v) => `${v.url}: ${v.id} ${v.targets.join(", ")}`)).toEqual([]);
    expect((await vnuErrors(pages)).map((e) => `${e.page}: ${e.message} ${e.extract}`)).toEqual([]);
  });
});

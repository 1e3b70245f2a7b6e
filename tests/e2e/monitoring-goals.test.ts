import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startApp, type RunningApp } from "../support/app";
import { axeCheck, type Violation } from "../support/a11y";
import { launchBrowser, signInAsOrganiser, textOf } from "../support/browser";
import { conferenceYear } from "../support/http";

// Goals meet data on the demo: the goal page's "Daten zum Ziel", the organisers' indicator links,
// the coverage per Handlungsfeld, "Daten zum Handlungsfeld" while voting, the yearly report.
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

const GOAL = "Nachbarschaftstreff im Stadtteilzentrum Welheim";
const report = (violations: Violation[]) =>
  violations.map((v) => `${v.url}: ${v.id} (${v.impact}) ${v.help} → ${v.targets.join(", ")}`).join("\n");

describe("goals meet data", () => {
  it("the goal page shows its linked indicators' trend; organisers link another one without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/ziele`);
    await page.getByRole("link", { name: GOAL }).first().click();
    const data = page.locator("section.goal-data");
    await data.getByRole("heading", { name: "Daten zum Ziel" }).waitFor();
    await data.getByRole("link", { name: "Wohnfläche je Person" }).waitFor();
    expect(await textOf(data)).toMatch(/seit \d{4}/);
    expect(await textOf(data)).toContain("Beispielzahlen");
    expect(await data.getByRole("link", { name: "Arbeitslosenquote" }).count()).toBe(0);
    const goalUrl = page.url();
    const id = /\/ziele\/(\d+)$/.exec(goalUrl)![1];

    await signInAsOrganiser(page, app.url);
    await page.goto(`${app.url}/verwaltung/ziele/${id}`);
    const links = page.locator("section", {
      has: page.getByRole("heading", { name: "Kennzahlen aus dem Integrationsmonitoring" }),
    });
    expect(await links.getByRole("checkbox", { name: "Wohnfläche je Person" }).isChecked()).toBe(true);
    await links
      .getByRole("group", { name: "Beschäftigung" })
      .getByRole("checkbox", { name: "Arbeitslosenquote" })
      .check();
    await links.getByRole("button", { name: "Kennzahlen speichern" }).click();
    await page.getByRole("status").filter({ hasText: "Die Kennzahlen des Ziels sind gespeichert." }).waitFor();
    expect(await links.getByRole("checkbox", { name: "Arbeitslosenquote" }).isChecked()).toBe(true);

    await page.goto(goalUrl);
    await page.locator("section.goal-data").getByRole("link", { name: "Arbeitslosenquote" }).waitFor();
    await context.close();
  });

  it("the coverage view and the voting page show data per Handlungsfeld (and pass axe, also in Arabic)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/ziele`);
    await page.getByRole("link", { name: GOAL }).first().click();
    await page.locator("section.goal-data").waitFor();
    expect(report(await axeCheck(page, "goal page"))).toBe("");
    await page.goto(`${app.url}/ziele/abdeckung`);
    const table = page.locator("table.field-coverage");
    const row = table.getByRole("row", { name: /Wohnen, Zusammenleben im Stadtteil/ });
    expect(await textOf(row)).toContain("beides");
    expect(await textOf(page.locator(".coverage-summary"))).toMatch(/\d+ mit Kennzahlen und Zielen/);
    expect(report(await axeCheck(page, "/ziele/abdeckung"))).toBe("");

    const year = await conferenceYear(app.url);
    await page.goto(`${app.url}/ziele/mitmachen/IK${year}`);
    const block = page.locator("section.field-data");
    await block.getByRole("heading", { name: "Daten zum Handlungsfeld" }).waitFor();
    await block.getByRole("heading", { name: "Gesundheit" }).waitFor();
    await block.getByRole("link", { name: "Vollständiger Impfschutz bei der Einschulung" }).waitFor();
    expect(report(await axeCheck(page, "/ziele/mitmachen (de)"))).toBe("");
    await page.goto(`${app.url}/sprache?lang=ar&to=/ziele/mitmachen/IK${year}`);
    await block.getByRole("heading", { name: "بيانات عن مجال العمل" }).waitFor();
    expect(await block.getByRole("heading", { name: "Gesundheit" }).getAttribute("lang")).toBe("de");
    expect(report(await axeCheck(page, "/ziele/mitmachen (ar)"))).toBe("");
    await context.close();
  });

  it("organisers download the yearly report as DOCX and as PDF", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signInAsOrganiser(page, app.url);
    await page.goto(`${app.url}/verwaltung/ziele`);
    await page.getByRole("link", { name: "Jahresbericht (Word, PDF)" }).click();
    await page.getByRole("heading", { name: "Jahresbericht", level: 1 }).waitFor();
    expect(report(await axeCheck(page, "/verwaltung/jahresbericht"))).toBe("");
    const year = await page.getByLabel("Konferenzjahr").inputValue();

    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Als Word-Datei (DOCX) herunterladen" }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe(`jahresbericht-${year}.docx`);
    const docxBytes = await readFile((await docx.path())!);
    expect(docxBytes.subarray(0, 2).toString("latin1")).toBe("PK");

    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Als PDF herunterladen" }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`jahresbericht-${year}.pdf`);
    const pdfBytes = await readFile((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await context.close();
  });
});

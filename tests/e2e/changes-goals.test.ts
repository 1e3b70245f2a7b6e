import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeCheck, type Violation } from "../support/a11y";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext, textOf } from "../support/browser";
import { conferenceYear } from "../support/http";

// Issue #16, points 3 and 4 on the goals side: bulk actions clear their ticks and say what they
// changed, add forms start empty, proposals can be reworded, the vote can be ended at once, and a
// goal's status entry per year can be corrected or deleted (with a confirm page) — each in the log.
let app: RunningApp;
let browser: Browser;
let year: number;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  year = Number(await conferenceYear(app.url));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const organiser = (options: { javaScriptEnabled?: boolean } = {}) =>
  signedInContext(browser, app.url, { viewport: { width: 1280, height: 900 }, ...options });

const violations: Violation[] = [];

const item = (page: Page, title: string) => page.locator(".goal-list > li", { hasText: title });

describe("bulk actions on the proposals", () => {
  it("clears the ticks and says what changed, so a second theme changes only the newly ticked one", async () => {
    const context = await organiser();
    const page = await context.newPage();
    await page.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    const box = (title: string) => page.getByRole("checkbox", { name: title, exact: true });
    const theme = page.getByLabel("Thema", { exact: true });

    await box("Berufsorientierung mit Eltern ab Klasse 8").check();
    await box("Sportvereine: kostenloses Schnuppertraining").check();
    await theme.fill("Bildung");
    await page.getByRole("button", { name: "Markierte zuordnen" }).click();
    await page.getByRole("status").filter({ hasText: "2 Vorschläge dem Thema „Bildung“ zugeordnet." }).waitFor();
    expect(await box("Berufsorientierung mit Eltern ab Klasse 8").isChecked()).toBe(false);
    expect(await box("Sportvereine: kostenloses Schnuppertraining").isChecked()).toBe(false);
    expect(await theme.inputValue()).toBe("");

    await box("Gesundheitslotsinnen in jedem Stadtteil").check();
    await theme.fill("Gesundheit");
    await page.getByRole("button", { name: "Markierte zuordnen" }).click();
    await page.getByRole("status").filter({ hasText: "1 Vorschlag dem Thema „Gesundheit“ zugeordnet." }).waitFor();
    expect(await textOf(item(page, "Berufsorientierung mit Eltern ab Klasse 8"))).toContain("Thema: Bildung");
    expect(await textOf(item(page, "Sportvereine: kostenloses Schnuppertraining"))).toContain("Thema: Bildung");
    expect(await textOf(item(page, "Gesundheitslotsinnen in jedem Stadtteil"))).toContain("Thema: Gesundheit");
    expect(await box("Gesundheitslotsinnen in jedem Stadtteil").isChecked()).toBe(false);
    violations.push(...(await axeCheck(page, "proposals after a bulk action")));

    // Nothing ticked: refused, and the typed theme stays.
    await theme.fill("Sport");
    await page.getByRole("button", { name: "Markierte zuordnen" }).click();
    await page.getByRole("alert").filter({ hasText: "Bitte markieren Sie mindestens einen Vorschlag." }).waitFor();
    expect(await theme.inputValue()).toBe("Sport");
    await context.close();
  });

  it("works without JavaScript too, and the add form is empty after an add but keeps input it refused", async () => {
    const context = await organiser({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    await page.getByRole("checkbox", { name: "Sportvereine: kostenloses Schnuppertraining", exact: true }).check();
    await page.getByLabel("Thema", { exact: true }).fill("Sport");
    await page.getByRole("button", { name: "Markierte zuordnen" }).click();
    await page.getByRole("status").filter({ hasText: "1 Vorschlag dem Thema „Sport“ zugeordnet." }).waitFor();
    expect(
      await page
        .getByRole("checkbox", { name: "Sportvereine: kostenloses Schnuppertraining", exact: true })
        .isChecked(),
    ).toBe(false);
    expect(await textOf(item(page, "Berufsorientierung mit Eltern ab Klasse 8"))).toContain("Thema: Bildung");

    const title = page.getByLabel(/^Ihr Ziel in einem Satz/);
    await title.fill("Ab");
    await page.getByLabel(/^Was soll passieren/).fill("Kurz gesagt");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await title.inputValue()).toBe("Ab");
    expect(await page.getByLabel(/^Was soll passieren/).inputValue()).toBe("Kurz gesagt");
    await title.fill("Lesepatenschaften in Kitas");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await page.getByRole("status").filter({ hasText: "Der Vorschlag ist gespeichert" }).waitFor();
    expect(await title.inputValue()).toBe("");
    expect(await page.getByLabel(/^Was soll passieren/).inputValue()).toBe("");
    await item(page, "Lesepatenschaften in Kitas").waitFor();
    await context.close();
  });

  it("with JavaScript, the add form is emptied after an add as well", async () => {
    const context = await organiser();
    const page = await context.newPage();
    await page.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    const title = page.getByLabel(/^Ihr Ziel in einem Satz/);
    await title.fill("Ab");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await title.inputValue()).toBe("Ab");
    await title.fill("Mehrsprachige Spielplatzfeste");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await page.getByRole("status").filter({ hasText: "Der Vorschlag ist gespeichert" }).waitFor();
    await item(page, "Mehrsprachige Spielplatzfeste").waitFor();
    expect(await title.inputValue()).toBe("");

    // The catalogue's "new version" form: kept when refused, empty after it was added.
    await page.goto(`${app.url}/verwaltung/ziele/katalog`);
    const version = page.getByRole("textbox", { name: /^Neue Fassung/ });
    await version.fill("!");
    await page.getByRole("button", { name: "Fassung anlegen" }).click();
    await page.getByRole("alert").filter({ hasText: "Bitte geben Sie 2 bis 40 Zeichen an" }).waitFor();
    expect(await version.inputValue()).toBe("!");
    await version.fill("Fassung 2040");
    await page.getByRole("button", { name: "Fassung anlegen" }).click();
    await page.getByRole("status").filter({ hasText: "Die Fassung ist angelegt." }).waitFor();
    expect(await version.inputValue()).toBe("");

    // The new pages pass the accessibility check too.
    await page.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    await page.getByRole("link", { name: "„Mehrsprachige Spielplatzfeste“ umformulieren" }).click();
    await page.getByRole("heading", { name: "Vorschlag umformulieren", level: 1 }).waitFor();
    violations.push(...(await axeCheck(page, "reword a proposal")));
    await page.goto(`${app.url}/verwaltung/ziele/vorschlaege/beenden?jahr=${year}`);
    await page.getByRole("button", { name: "Abstimmung beenden", exact: true }).waitFor();
    violations.push(...(await axeCheck(page, "end the vote?")));
    await context.close();
  });
});

describe("changing proposals and the vote", () => {
  it("rewords a participant's proposal (the author stays) and ends the vote after asking, without JavaScript", async () => {
    const context = await organiser({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    await page.getByRole("link", { name: "„Frauencafé mit Kinderbetreuung in der Innenstadt“ umformulieren" }).click();
    await page.getByRole("heading", { name: "Vorschlag umformulieren", level: 1 }).waitFor();
    expect(await textOf(page.locator("main"))).toContain("Wer den Vorschlag gemacht hat (Teilnehmende)");
    const title = page.getByLabel(/^Ihr Ziel in einem Satz/);
    expect(await title.inputValue()).toBe("Frauencafé mit Kinderbetreuung in der Innenstadt");
    await title.fill("F");
    await page.getByRole("button", { name: "Änderung speichern" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await title.inputValue()).toBe("F");
    await title.fill("Frauencafé mit Kinderbetreuung am Samstag");
    await page.getByRole("button", { name: "Änderung speichern" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Der Vorschlag „Frauencafé mit Kinderbetreuung am Samstag“ ist geändert." })
      .waitFor();
    const changed = await textOf(item(page, "Frauencafé mit Kinderbetreuung am Samstag"));
    expect(changed).toContain("Teilnehmende");
    expect(await item(page, "in der Innenstadt").count()).toBe(0);

    // Ending the vote: one button, a confirm page, and the vote is over.
    await page.getByRole("button", { name: "Abstimmung jetzt beenden" }).click();
    await page.getByRole("heading", { name: "Abstimmung jetzt beenden?", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Zurück zu den Vorschlägen" }).last().click();
    expect(await textOf(page.locator("#round-title + p"))).toContain("Die Abstimmung läuft.");
    await page.getByRole("button", { name: "Abstimmung jetzt beenden" }).click();
    await page.getByRole("button", { name: "Abstimmung beenden", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Die Abstimmung ist beendet." }).waitFor();
    expect(await textOf(page.locator("#round-title + p"))).toContain("Die Abstimmung ist beendet.");
    expect(await page.getByRole("button", { name: "Abstimmung jetzt beenden" }).count()).toBe(0);
    await context.close();
  });
});

describe("a goal's status per year", () => {
  it("moves, refuses a second entry for a year (said at the field), and deletes after asking", async () => {
    const context = await organiser();
    const page = await context.newPage();
    await page.goto(`${app.url}/verwaltung/ziele`);
    await page
      .getByRole("row", { name: /Sprachcafés für Eltern an drei Grundschulen/ })
      .getByRole("link", { name: "Sachstand eintragen" })
      .click();
    const entries = page.locator("section", {
      has: page.getByRole("heading", { name: "Stand in den einzelnen Jahren" }),
    });
    await entries.waitFor();
    expect(await entries.locator("tbody tr").count()).toBe(2);

    // The current year's entry cannot move onto last year's: the message stands at the field.
    await page.getByRole("link", { name: `Stand ${year} bearbeiten` }).click();
    const yearField = page.getByLabel(/^Jahr/);
    await yearField.selectOption(String(year - 1));
    await page.getByRole("button", { name: "Stand speichern" }).click();
    const field = page.locator(".field", { has: yearField });
    await field.getByText("Für dieses Jahr hat das Ziel schon einen Stand.").waitFor();
    violations.push(...(await axeCheck(page, "status entry with an error")));
    expect(await yearField.inputValue()).toBe(String(year - 1));
    await yearField.selectOption(String(year));
    await page.getByLabel("erreicht", { exact: true }).check();
    await page.getByLabel(/^Sachstand/).fill("Alle drei Sprachcafés laufen.");
    await page.getByRole("button", { name: "Stand speichern" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Der Stand für ${year} ist gespeichert.` })
      .waitFor();
    expect(await textOf(entries.getByRole("row", { name: new RegExp(`^${year}`) }))).toContain(
      "Alle drei Sprachcafés laufen.",
    );

    // Deleting last year's entry asks first.
    await page.getByRole("link", { name: `Stand ${year - 1} löschen` }).click();
    await page.getByRole("heading", { name: new RegExp(`Stand ${year - 1} von Ziel \\d+ löschen\\?`) }).waitFor();
    violations.push(...(await axeCheck(page, "delete a status entry?")));
    await page.getByRole("button", { name: "Ja, Stand löschen" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Der Stand für ${year - 1} ist gelöscht.` })
      .waitFor();
    expect(await entries.locator("tbody tr").count()).toBe(1);
    violations.push(...(await axeCheck(page, "goal page with its status entries")));
    // On a phone the table scrolls inside its box, the page does not.
    await page.setViewportSize({ width: 320, height: 640 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    // The only entry left cannot be deleted.
    expect(await page.getByRole("link", { name: `Stand ${year} löschen` }).count()).toBe(0);

    // Every change is a sentence in the log.
    await page.goto(`${app.url}/verwaltung/protokoll?bereich=goal`);
    const log = await textOf(page.locator("main"));
    for (const sentence of [
      "hat Zielvorschläge einem Thema zugeordnet.",
      "hat einen Zielvorschlag umformuliert.",
      "hat die Abstimmung über die Ziele beendet.",
      "hat den Stand eines Ziels für ein Jahr geändert.",
      "hat den Stand eines Ziels für ein Jahr gelöscht.",
    ])
      expect(log).toContain(sentence);
    await context.close();
  });
});

describe("accessibility", () => {
  it("finds no violations on the pages above", () => {
    expect(violations.map((v) => `${v.url}: ${v.id} ${v.help} → ${v.targets.join(", ")}`).join("\n")).toBe("");
  });
});

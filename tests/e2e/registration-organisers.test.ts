import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeCheck } from "../support/a11y";
import { linkIn, startApp, waitForMail, type RunningApp } from "../support/app";
import { isFocused, launchBrowser, signedInContext, textOf } from "../support/browser";
import { conferenceYear } from "../support/http";

// Organisers register a caller by hand, correct the registration, cancel it, and read the
// statistics page (issue #4, point 7). The demo has 6 registrations: 4 confirmed, 1 held, 1 cancelled.
let app: RunningApp;
let browser: Browser;
let year: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  year = await conferenceYear(app.url);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const organiser = (options: { javaScriptEnabled?: boolean } = {}) =>
  signedInContext(browser, app.url, { viewport: { width: 1280, height: 900 }, ...options });

function report(violations: Awaited<ReturnType<typeof axeCheck>>) {
  return violations.map((v) => `${v.url}: ${v.id} ${v.help} → ${v.targets.join(", ")}`).join("\n");
}

async function fillPerson(page: Page, email: string) {
  await page.getByLabel(/^Vorname/).fill("Hatice");
  await page.getByLabel(/^Nachname/).fill("Demir");
  await page.getByLabel(/^E-Mail-Adresse/).fill(email);
  await page.getByLabel(/^Organisation \(/).fill("Elternverein Batenbrock");
  await page.getByLabel(/^Art der Organisation/).selectOption({ label: "Ehrenamt" });
  await page.getByLabel(/^Sprache der E-Mails/).selectOption({ label: "Deutsch" });
  await page.getByLabel(/^Essen und Trinken/).fill("halal");
  await page.getByLabel(/^Die Person hat ausdrücklich eingewilligt/).check();
  await page.getByLabel(/^Nein, die Person möchte nicht/).check();
  await page.getByLabel(/^Die Person hat den Datenschutzhinweisen zugestimmt/).check();
}

/** The number in a table row (row header → cell in the given column, counting the header as 0). */
async function cell(page: Page, caption: string, row: string, column = 1): Promise<string> {
  const table = page.getByRole("table", { name: caption });
  return (
    (await table
      .getByRole("row", { name: new RegExp(`^${row}\\b`) })
      .locator("th, td")
      .nth(column)
      .textContent()) ?? ""
  );
}

describe("organisers: registrations by hand and statistics", () => {
  it("adds a caller by hand (error state first, a known address refused), edits and cancels the registration; every step is in the audit log", async () => {
    const orga = await organiser();
    const page = await orga.newPage();
    const list = `${app.url}/verwaltung/konferenzen/${year}/teilnehmende`;
    await page.goto(list);
    await page.getByRole("link", { name: "Person von Hand anmelden" }).click();
    await page.getByRole("heading", { name: "Person von Hand anmelden", level: 1 }).waitFor();
    expect(report(await axeCheck(page, "teilnehmende/neu"))).toBe("");

    // Bad input: German messages next to the fields, the input kept, the summary focused.
    await page.getByLabel(/^Vorname/).fill("Hatice");
    await page.getByLabel(/^Essen und Trinken/).fill("halal");
    // Leaving the changed form asks first; staying keeps what was typed.
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Arbeitskreise" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("noch nicht gespeichert");
    expect(page.url()).toContain("/teilnehmende/neu");
    expect(await page.getByLabel(/^Vorname/).inputValue()).toBe("Hatice");
    await page.getByRole("button", { name: "Person anmelden" }).click();
    const summary = page.getByRole("alert");
    expect(await textOf(summary)).toContain("Bitte prüfen Sie Ihre Eingaben");
    expect(await isFocused(summary)).toBe(true);
    expect(await page.getByLabel(/^Vorname/).inputValue()).toBe("Hatice");
    expect(await page.getByLabel(/^Essen und Trinken/).inputValue()).toBe("halal");
    expect(await textOf(page.locator("#field-lastName-error"))).toBe("Bitte füllen Sie dieses Feld aus.");
    expect(await textOf(page.locator("#field-specialConsent-error"))).toContain(
      "Ohne ausdrückliche Einwilligung der Person",
    );
    expect(await textOf(page.locator("#field-privacyConsent-error"))).toContain(
      "Ohne Zustimmung der Person zu den Datenschutzhinweisen",
    );
    expect(report(await axeCheck(page, "teilnehmende/neu (Fehler)"))).toBe("");

    // An address that is already registered (the demo's Markus Schulte): organisers are told so.
    await fillPerson(page, "markus.schulte@beispiel.example");
    await page.getByRole("button", { name: "Person anmelden" }).click();
    await page
      .locator("#field-email-error")
      .filter({ hasText: "Mit dieser E-Mail-Adresse ist schon jemand zu dieser Konferenz angemeldet." })
      .waitFor();
    expect(await page.getByRole("alert").locator("li").count()).toBe(1);
    expect(await page.getByLabel(/^Organisation \(/).inputValue()).toBe("Elternverein Batenbrock");

    await page.getByLabel(/^E-Mail-Adresse/).fill("hatice.demir@example.org");
    await page.getByRole("button", { name: "Person anmelden" }).click();
    expect(await textOf(page.getByRole("status").filter({ hasText: "angemeldet und bestätigt" }))).toContain(
      "Hatice Demir ist angemeldet und bestätigt.",
    );
    expect(await textOf(page.locator(".reg-dl"))).toContain("bestätigt");

    // The person's mail: confirmed, with the calendar file and a manage link that works.
    const mail = await waitForMail(app.dataDir, "hatice.demir@example.org", /Anmeldung bestätigt/);
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual([
      "einlass-qr-code.png",
      "integrationskonferenz.ics",
    ]);
    const manage = linkIn(mail.text, "meine-anmeldung");
    const person = await browser.newContext();
    const own = await person.newPage();
    await own.goto(manage);
    await own.getByText("Angemeldet und bestätigt.").waitFor();
    expect(await textOf(own.locator("main"))).toContain("halal");

    // A correction: the last name and a forum; the list shows the new name.
    expect(report(await axeCheck(page, "teilnehmende/<id>"))).toBe("");
    await page.getByLabel(/^Nachname/).fill("Demir-Yıldız");
    await page.getByRole("radio", { name: /^Forum B/ }).check();
    await page.getByLabel(/^Organisation \(/).fill("");
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    expect(await isFocused(page.getByRole("alert"))).toBe(true);
    expect(await page.getByLabel(/^Nachname/).inputValue()).toBe("Demir-Yıldız");
    expect(report(await axeCheck(page, "teilnehmende/<id> (Fehler)"))).toBe("");
    await page.getByLabel(/^Organisation \(/).fill("Elternverein Batenbrock e. V.");
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    await page.getByRole("status").filter({ hasText: "Gespeichert." }).waitFor();
    expect(await page.getByRole("radio", { name: /^Forum B/ }).isChecked()).toBe(true);
    await own.reload();
    expect(await textOf(own.locator("main"))).toContain("Demir-Yıldız");
    await page.getByRole("link", { name: "Zurück zur Liste der Teilnehmenden" }).click();
    await page
      .getByRole("rowheader", { name: /Demir-Yıldız, Hatice/ })
      .getByRole("link")
      .click();

    // Cancel through its own confirm page; the person is mailed.
    await page.getByRole("link", { name: "Von der Konferenz abmelden" }).click();
    await page.getByRole("heading", { name: "Hatice Demir-Yıldız von der Konferenz abmelden?" }).waitFor();
    expect(report(await axeCheck(page, "teilnehmende/<id>/abmelden"))).toBe("");
    await page.getByRole("button", { name: "Ja, abmelden" }).click();
    await page.getByRole("status").filter({ hasText: "abgemeldet" }).waitFor();
    expect(await textOf(page.locator(".reg-dl"))).toContain("abgemeldet");
    await waitForMail(app.dataDir, "hatice.demir@example.org", /Abmeldung bestätigt/);

    await page.goto(`${app.url}/verwaltung/protokoll`);
    const log = await textOf(page.locator("main table"));
    for (const sentence of [
      "hat eine Anmeldung eingetragen.",
      "hat eine Anmeldung geändert.",
      "hat eine Anmeldung storniert.",
    ])
      expect(log).toContain(sentence);
    // Filtered by kind: registrations only; the filter is kept in the form.
    await page.getByLabel(/^Bereich/).selectOption({ label: "Anmeldungen" });
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await page.waitForURL(/bereich=registration/);
    expect(await page.getByLabel(/^Bereich/).inputValue()).toBe("registration");
    expect(log).toContain("Geändert: Nachname, Organisation, Forum");
    expect(log).not.toContain("Demir");
    await person.close();
    await orga.close();
  });

  it("works without JavaScript: the form posts, the registration is confirmed and mailed", async () => {
    const orga = await organiser({ javaScriptEnabled: false });
    const page = await orga.newPage();
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}/teilnehmende/neu`);
    await fillPerson(page, "ohne-js@example.org");
    await page.getByRole("button", { name: "Person anmelden" }).click();
    await page.getByText("Hatice Demir ist angemeldet und bestätigt.").waitFor();
    await waitForMail(app.dataDir, "ohne-js@example.org", /Anmeldung bestätigt/);
    await orga.close();
  });

  it("shows the statistics (linked from the conference admin): charts as images with a name, the same numbers in tables, fine at 320 px", async () => {
    const orga = await organiser();
    const page = await orga.newPage();
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}`);
    await page.getByRole("link", { name: "Statistik" }).click();
    await page.getByRole("heading", { name: /^Statistik: /, level: 1 }).waitFor();
    // Demo (4 confirmed, 1 held, 1 cancelled) + the two hand-added people of the tests above (one cancelled).
    expect(await cell(page, "Nach Stand", "bestätigt")).toBe("5");
    expect(await cell(page, "Nach Stand", "reserviert, nicht bestätigt")).toBe("1");
    expect(await cell(page, "Nach Stand", "abgemeldet")).toBe("2");
    expect(await cell(page, "Nach Stand", "Warteliste")).toBe("0");
    expect(await cell(page, "Nach Art der Organisation", "Ehrenamt")).toBe("2");
    const total = await page
      .getByRole("table", { name: "Anmeldungen im Zeitverlauf" })
      .locator("tbody tr:last-child td")
      .last()
      .textContent();
    expect(total).toBe("8");
    const charts = page.getByRole("img");
    expect(await charts.count()).toBe(5);
    for (let i = 0; i < 5; i++)
      expect((await charts.nth(i).getAttribute("aria-labelledby"))?.split(" ")).toHaveLength(2);
    await page.getByRole("img", { name: /^Nach Stand/ }).waitFor();
    expect(
      await page
        .getByRole("img", { name: /^Nach Stand/ })
        .locator("desc")
        .textContent(),
    ).toContain("bestätigt: 5");
    expect(await textOf(page.locator("main"))).not.toMatch(/Demir|Schulte|@/);
    expect(report(await axeCheck(page, "statistik"))).toBe("");
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await orga.close();
  });
});

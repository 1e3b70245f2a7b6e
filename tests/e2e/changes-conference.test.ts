import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { linkIn, startApp, waitForMail, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext, textOf } from "../support/browser";
import { makePdf } from "../support/files";
import { conferenceYear } from "../support/http";

// Issue #16, points 3 and 4 (conference side): what was created can be changed, deleting asks first,
// add forms are empty after a successful add — with and without JavaScript. One app for the file.
let app: RunningApp;
let browser: Browser;
let orga: BrowserContext;
let noJs: BrowserContext;
let year: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  year = await conferenceYear(app.url);
  orga = await signedInContext(browser, app.url);
  noJs = await signedInContext(browser, app.url, { javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const agendaForm = (page: Page, name = "Programmpunkt hinzufügen") => page.getByRole("form", { name });
const agendaRow = (page: Page, title: string) =>
  page
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader", { name: "Titel des Programmpunkts" }) })
    .getByRole("row")
    .filter({ hasText: title });
/** "Löschen: Podium" (the title is visually hidden, so the browser may put a space before the colon). */
const named = (action: string, what: string) =>
  new RegExp(`^${action}\\s?: ${what.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

async function addAgendaItem(page: Page, item: { title: string; speakers?: string; forum?: string }) {
  const form = agendaForm(page);
  await form.getByLabel(/^Titel des Programmpunkts/).fill(item.title);
  await form.getByLabel(/^Art/).selectOption({ label: "Diskussion" });
  if (item.speakers) await form.getByLabel(/^Mitwirkende/).fill(item.speakers);
  if (item.forum) await form.getByLabel(/^Forum/).selectOption({ label: item.forum });
  await form.getByRole("button", { name: "Programmpunkt hinzufügen" }).click();
  await agendaRow(page, item.title).waitFor();
}

async function expectEmptyAgendaForm(page: Page) {
  const form = agendaForm(page);
  await expect.poll(() => form.getByLabel(/^Titel des Programmpunkts/).inputValue()).toBe("");
  expect(await form.getByLabel(/^Mitwirkende/).inputValue()).toBe("");
  expect(await form.getByLabel(/^Forum/).inputValue()).toBe("");
}

describe("conference set-up: agenda items and forums", () => {
  it("adds a forum and two agenda items; each add form comes back empty, a refused one keeps its input", async () => {
    const page = await orga.newPage();
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}`);
    await page.locator("#new-forum-title").fill("Forum Sprache");
    await page.locator("#new-forum-capacity").fill("30");
    await page.getByRole("button", { name: "Forum hinzufügen" }).click();
    await page.getByRole("form", { name: "Forum Sprache" }).waitFor();
    await expect.poll(() => page.locator("#new-forum-title").inputValue()).toBe("");
    expect(await page.locator("#new-forum-capacity").inputValue()).toBe("");

    await addAgendaItem(page, { title: "Grußwort", speakers: "Dr. Petra Muster", forum: "Forum Sprache" });
    // The table shows the forum; the form is empty again (no speaker carried into the next item).
    await agendaRow(page, "Grußwort").getByRole("cell", { name: "Forum Sprache" }).waitFor();
    await expectEmptyAgendaForm(page);

    // Refused (no title): the input stays.
    const form = agendaForm(page);
    await form.getByLabel(/^Mitwirkende/).fill("Jan Beispiel");
    await form.getByRole("button", { name: "Programmpunkt hinzufügen" }).click();
    await page.getByRole("alert").filter({ hasText: "Titel des Programmpunkts" }).waitFor();
    expect(await form.getByLabel(/^Mitwirkende/).inputValue()).toBe("Jan Beispiel");
    await form.getByLabel(/^Titel des Programmpunkts/).fill("Podium");
    await form.getByRole("button", { name: "Programmpunkt hinzufügen" }).click();
    await agendaRow(page, "Podium").waitFor();
    expect(await agendaRow(page, "Podium").textContent()).toContain("Jan Beispiel");
    await expectEmptyAgendaForm(page);
    await page.close();
  });

  it("edits an agenda item in a form prefilled with its values", async () => {
    const page = await orga.newPage();
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}`);
    await page.getByRole("link", { name: named("Bearbeiten", "Grußwort") }).click();
    const form = agendaForm(page, "Programmpunkt bearbeiten");
    await expect.poll(() => form.getByLabel(/^Titel des Programmpunkts/).inputValue()).toBe("Grußwort");
    expect(await form.getByLabel(/^Mitwirkende/).inputValue()).toBe("Dr. Petra Muster");
    expect(
      await form
        .getByLabel(/^Forum/)
        .locator("option:checked")
        .textContent(),
    ).toBe("Forum Sprache");
    await form.getByLabel(/^Titel des Programmpunkts/).fill("Grußwort der Oberbürgermeisterin");
    await form.getByLabel(/^Forum/).selectOption({ label: "kein Forum" });
    await form.getByRole("button", { name: "Programmpunkt speichern" }).click();
    const row = agendaRow(page, "Grußwort der Oberbürgermeisterin");
    await row.waitFor();
    expect(await row.getByRole("cell").nth(3).textContent()).toBe("–");
    // Back to an empty add form.
    await agendaForm(page).waitFor();
    await expectEmptyAgendaForm(page);
    await page.close();
  });

  it("deletes an agenda item and a forum only after a confirm page", async () => {
    const page = await orga.newPage();
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}`);
    await page.getByRole("link", { name: named("Löschen", "Podium") }).click();
    await page.getByRole("heading", { name: "Programmpunkt „Podium“ löschen?", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Abbrechen" }).click();
    await agendaRow(page, "Podium").waitFor();
    await page.getByRole("link", { name: named("Löschen", "Podium") }).click();
    await page.getByRole("button", { name: "Löschen" }).click();
    await page.getByRole("status").filter({ hasText: "Der Programmpunkt ist gelöscht." }).waitFor();
    expect(await agendaRow(page, "Podium").count()).toBe(0);

    await page.getByRole("link", { name: named("Forum löschen", "Forum Sprache") }).click();
    await page.getByRole("heading", { name: "Forum „Forum Sprache“ löschen?", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Löschen" }).click();
    await page.getByRole("status").filter({ hasText: "Das Forum ist gelöscht." }).waitFor();
    expect(await page.getByRole("form", { name: "Forum Sprache" }).count()).toBe(0);
    await page.close();
  });

  it("works without JavaScript: add (form empty after), edit, delete after confirming", async () => {
    const page = await noJs.newPage();
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}`);
    await addAgendaItem(page, { title: "Ohne Skript", speakers: "Rita Rand" });
    await expectEmptyAgendaForm(page);
    await page.getByRole("link", { name: named("Bearbeiten", "Ohne Skript") }).click();
    const form = agendaForm(page, "Programmpunkt bearbeiten");
    expect(await form.getByLabel(/^Mitwirkende/).inputValue()).toBe("Rita Rand");
    await form.getByLabel(/^Mitwirkende/).fill("Rita Rand, Tom Tal");
    await form.getByRole("button", { name: "Programmpunkt speichern" }).click();
    await agendaRow(page, "Rita Rand, Tom Tal").waitFor();
    await page.getByRole("link", { name: named("Löschen", "Ohne Skript") }).click();
    await page.getByRole("button", { name: "Löschen" }).click();
    await page.getByRole("status").filter({ hasText: "Der Programmpunkt ist gelöscht." }).waitFor();
    expect(await agendaRow(page, "Ohne Skript").count()).toBe(0);
    await page.close();
  });
});

describe("coordinator invitations", () => {
  it("shows the status of each invitation; a withdrawn invitation's link no longer signs in", async () => {
    const page = await orga.newPage();
    await page.goto(`${app.url}/verwaltung/arbeitskreise`);
    await page.getByRole("link", { name: "Stadtteilnetzwerk Welheim" }).click();
    await page.getByRole("heading", { name: "Stadtteilnetzwerk Welheim", level: 1 }).waitFor();
    const name = page.getByLabel(/^Name \(Pflichtfeld\)/).first();
    const email = page.getByLabel(/^E-Mail-Adresse/).first();
    await name.fill("Wanda Weg");
    await email.fill("wanda.weg@example.org");
    await page.getByRole("button", { name: "Einladung senden" }).click();
    await page.getByText("Die Einladung wurde an wanda.weg@example.org gesendet.").waitFor();
    // The form is empty again for the next invitation.
    await expect.poll(() => name.inputValue()).toBe("");
    expect(await email.inputValue()).toBe("");
    const invitations = page.getByRole("table", { name: "Einladungen" });
    const row = invitations.getByRole("row").filter({ hasText: "Wanda Weg" });
    await row.filter({ hasText: /offen \(gültig bis/ }).waitFor();

    await page.getByRole("link", { name: named("Zurückziehen", "Wanda Weg") }).click();
    await page.getByRole("heading", { name: "Einladung an Wanda Weg zurückziehen?", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Zurückziehen" }).click();
    await page.getByRole("status").filter({ hasText: "Die Einladung ist zurückgezogen." }).waitFor();
    await row.filter({ hasText: "zurückgezogen" }).waitFor();
    expect(await page.getByRole("link", { name: named("Zurückziehen", "Wanda Weg") }).count()).toBe(0);

    const mail = await waitForMail(app.dataDir, "wanda.weg@example.org", /^Einladung: Koordination/);
    const invited = await browser.newContext();
    const ipage = await invited.newPage();
    await ipage.goto(linkIn(mail.text, "login/link"));
    await ipage.getByRole("button", { name: "Jetzt anmelden" }).click();
    await ipage.getByText("Dieser Anmelde-Link ist abgelaufen oder wurde schon benutzt.").waitFor();
    await ipage.goto(`${app.url}/verwaltung`);
    expect(new URL(ipage.url()).pathname).toBe("/login");
    await invited.close();
    await page.close();
  });

  it("without JavaScript the invitation is sent by post-redirect-get and the form is empty", async () => {
    const page = await noJs.newPage();
    await page.goto(`${app.url}/verwaltung/arbeitskreise`);
    await page.getByRole("link", { name: "Stadtteilnetzwerk Welheim" }).click();
    await page
      .getByLabel(/^Name \(Pflichtfeld\)/)
      .first()
      .fill("Nora Ohne");
    await page
      .getByLabel(/^E-Mail-Adresse/)
      .first()
      .fill("nora.ohne@example.org");
    await page.getByRole("button", { name: "Einladung senden" }).click();
    await page.getByText("Die Einladung wurde an nora.ohne@example.org gesendet.").waitFor();
    expect(new URL(page.url()).searchParams.has("eingeladen")).toBe(true);
    expect(
      await page
        .getByLabel(/^Name \(Pflichtfeld\)/)
        .first()
        .inputValue(),
    ).toBe("");
    expect(
      await page
        .getByLabel(/^E-Mail-Adresse/)
        .first()
        .inputValue(),
    ).toBe("");
    await page
      .getByRole("table", { name: "Einladungen" })
      .getByRole("row")
      .filter({ hasText: "Nora Ohne" })
      .filter({ hasText: /offen/ })
      .waitFor();
    await page.close();
  });
});

describe("report attachments and a published report", () => {
  it("the organiser removes an attachment and withdraws the publication; the public page no longer shows it", async () => {
    const page = await orga.newPage();
    const group = "Facharbeitskreis Bildung und Ausbildung";
    await page.goto(`${app.url}/arbeitskreise/bildung-und-ausbildung`);
    await page
      .getByRole("heading", { name: `Umsetzungsbericht zur Integrationskonferenz ${Number(year) - 1}` })
      .waitFor();

    await page.goto(`${app.url}/verwaltung/arbeitskreise`);
    await page.getByRole("link", { name: group }).click();
    await page.getByRole("link", { name: `Bericht ${Number(year) - 1} öffnen` }).click();
    const file = page.getByRole("link", { name: "Ergebnisse.pdf", exact: true });
    const href = (await file.getAttribute("href"))!;
    expect((await page.request.get(app.url + href)).status()).toBe(200);
    await page.getByRole("link", { name: named("Entfernen", "Ergebnisse.pdf") }).click();
    await page.getByRole("heading", { name: "Anhang „Ergebnisse.pdf“ entfernen?", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Entfernen" }).click();
    await page.getByRole("status").filter({ hasText: "Der Anhang ist entfernt." }).waitFor();
    expect(await file.count()).toBe(0);
    expect((await page.request.get(app.url + href)).status()).toBe(404);

    await page.getByRole("link", { name: "Veröffentlichung zurückziehen" }).click();
    await page.getByRole("heading", { name: /^Veröffentlichung des Berichts .* zurückziehen\?$/, level: 1 }).waitFor();
    await page.getByRole("button", { name: "Zurückziehen" }).click();
    await page.getByRole("status").filter({ hasText: "Der Bericht ist nicht mehr veröffentlicht" }).waitFor();
    await page.getByText("Freigegeben", { exact: true }).first().waitFor();

    await page.goto(`${app.url}/arbeitskreise/bildung-und-ausbildung`);
    await page.getByText("Für diese Gruppe sind noch keine Ergebnisse veröffentlicht.").waitFor();
    await page.close();
  });

  it("the coordinator removes an attachment of her draft", async () => {
    const coordinator = await browser.newContext();
    const page = await coordinator.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-Mail-Adresse").first().fill("ebel@ikon.example");
    await page.getByLabel(/^Passwort/).fill("Netzwerk-Demo-2026");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    await page.goto(`${app.url}/verwaltung/arbeitskreise`);
    await page.getByRole("heading", { name: "Stadtteilnetzwerk Ebel", level: 1 }).waitFor();
    await page.getByRole("button", { name: `Bericht für ${year} schreiben` }).click();
    await page.getByRole("heading", { name: `Umsetzungsbericht ${year}: Stadtteilnetzwerk Ebel`, level: 1 }).waitFor();
    await page
      .getByLabel(/^Neue Datei anhängen/)
      .setInputFiles({ name: "Entwurf.pdf", mimeType: "application/pdf", buffer: await makePdf("Entwurf") });
    await page.getByRole("button", { name: "Datei hochladen" }).click();
    const file = page.getByRole("link", { name: "Entwurf.pdf", exact: true });
    await file.waitFor();
    await page.getByRole("link", { name: named("Entfernen", "Entwurf.pdf") }).click();
    await page.getByRole("heading", { name: "Anhang „Entwurf.pdf“ entfernen?", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Entfernen" }).click();
    await page.getByRole("status").filter({ hasText: "Der Anhang ist entfernt." }).waitFor();
    expect(await file.count()).toBe(0);
    expect(await textOf(page.locator("table.history"))).toContain("Datei entfernt: Entwurf.pdf");
    await coordinator.close();
  });

  it("every change above is in the audit log as a German sentence", async () => {
    const page = await orga.newPage();
    await page.goto(`${app.url}/verwaltung/protokoll`);
    for (const sentence of [
      "hat einen Programmpunkt hinzugefügt.",
      "hat einen Programmpunkt geändert.",
      "hat einen Programmpunkt gelöscht.",
      "hat ein Forum gelöscht.",
      "hat eine Einladung zur Koordination zurückgezogen.",
      "hat einen Anhang eines Umsetzungsberichts entfernt.",
      "hat die Veröffentlichung eines Umsetzungsberichts zurückgezogen.",
    ])
      await page.getByRole("cell").filter({ hasText: sentence }).first().waitFor();
    await page.close();
  });
});

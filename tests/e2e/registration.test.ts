import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readMailbox, startApp, waitForMail, type RunningApp, linkIn } from "../support/app";
import { isFocused, launchBrowser, signInAsOrganiser, textOf } from "../support/browser";

let app: RunningApp;
let browser: Browser;
let year: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const html = await (await fetch(app.url)).text();
  year = /\/konferenzen\/(\d{4})/.exec(html)![1]!;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function fillRegistration(page: Page, person: { first: string; last: string; email: string }) {
  await page.getByLabel(/^Vorname/).fill(person.first);
  await page.getByLabel(/^Nachname/).fill(person.last);
  await page.getByLabel(/^E-Mail-Adresse/).fill(person.email);
  await page.getByLabel(/^Organisation \(/).fill("Stadtteilzentrum Welheim");
  await page.getByLabel(/^Art der Organisation/).selectOption({ label: "Freier Träger" });
  await page.getByLabel(/^Nein, ich möchte nicht/).check();
  await page.getByLabel(/^Ich habe die Datenschutzhinweise gelesen/).check();
}

describe("conference registration end to end", () => {
  it("register → confirm via the mailed link → manage page → cancel → the first waitlisted person is promoted and mailed", async () => {
    // The organiser leaves exactly one free seat (the demo has 5 seats taken).
    const orga = await browser.newContext();
    const admin = await orga.newPage();
    await signInAsOrganiser(admin, app.url);
    await admin.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Konferenzen" }).click();
    await admin.getByRole("link", { name: new RegExp(`Integrationskonferenz ${year}`) }).click();
    await admin.getByLabel(/^Plätze insgesamt/).fill("6");
    await admin.getByRole("button", { name: "Konferenz speichern" }).click();
    await admin.getByText("Gespeichert.").waitFor();
    await orga.close();

    // Anna finds the conference, sees the state in words, and fixes a form error first.
    const annaCtx = await browser.newContext();
    const anna = await annaCtx.newPage();
    await anna.goto(`${app.url}/konferenzen/${year}`);
    expect(await textOf(anna.locator(".reg-state"))).toBe("Noch 1 Platz frei.");
    await anna.getByRole("link", { name: "Zur Anmeldung" }).click();
    expect(await anna.locator("h1").count()).toBe(1);
    await anna.getByLabel(/^Vorname/).fill("Anna");
    await anna.getByRole("button", { name: "Verbindlich anmelden" }).click();
    expect(await textOf(anna.getByRole("alert"))).toContain("Bitte prüfen Sie Ihre Eingaben");
    expect(await isFocused(anna.getByRole("alert"))).toBe(true);
    expect(await anna.getByLabel(/^Vorname/).inputValue()).toBe("Anna");
    const lastName = anna.getByLabel(/^Nachname/);
    expect(await lastName.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await lastName.getAttribute("aria-describedby"))!;
    expect(await textOf(anna.locator(`#${describedBy}`))).toBe("Bitte füllen Sie dieses Feld aus.");
    expect(await textOf(anna.locator("#field-privacyConsent-error"))).toContain("Ohne Ihr Einverständnis");

    await fillRegistration(anna, { first: "Anna", last: "Adler", email: "anna@example.org" });
    await anna.getByRole("button", { name: "Verbindlich anmelden" }).click();
    await anna.getByRole("heading", { name: "Bitte sehen Sie in Ihr E-Mail-Postfach" }).waitFor();

    // Double opt-in: the mailed link only shows a page; the button confirms.
    const held = await waitForMail(app.dataDir, "anna@example.org", /Bitte bestätigen Sie Ihre Anmeldung/);
    const confirmLink = linkIn(held.text, "anmeldung-bestaetigen");
    await fetch(confirmLink); // a mail scanner
    await anna.goto(confirmLink);
    await anna.getByRole("button", { name: "Anmeldung jetzt bestätigen" }).click();
    await anna.getByText("Angemeldet und bestätigt.").waitFor();
    const confirmed = await waitForMail(app.dataDir, "anna@example.org", /Anmeldung bestätigt/);
    const ics = confirmed.attachments.find((a) => a.filename?.endsWith(".ics"))!;
    expect(ics.content.toString()).toContain("BEGIN:VTIMEZONE");
    expect(ics.content.toString()).toContain("METHOD:PUBLISH");
    const manageLink = linkIn(confirmed.text, "meine-anmeldung");

    // Bert comes too late: the same neutral answer, the waitlist, and a mail with his place.
    const bertCtx = await browser.newContext();
    const bert = await bertCtx.newPage();
    await bert.goto(`${app.url}/konferenzen/${year}`);
    expect(await textOf(bert.locator(".reg-state"))).toContain("Alle Plätze sind vergeben");
    await bert.goto(`${app.url}/konferenzen/${year}/anmeldung`);
    await fillRegistration(bert, { first: "Bert", last: "Brandt", email: "bert@example.org" });
    await bert.getByRole("button", { name: "Auf die Warteliste setzen" }).click();
    await bert.getByRole("heading", { name: "Bitte sehen Sie in Ihr E-Mail-Postfach" }).waitFor();
    const waitlisted = await waitForMail(app.dataDir, "bert@example.org", /Warteliste/);
    expect(waitlisted.text).toContain("auf Platz 1");

    // Anna's manage page: calendar file and own data, then cancel through a confirm page.
    await anna.goto(manageLink);
    const icsRes = await anna.request.get(`${manageLink}/kalender.ics`);
    expect(icsRes.headers()["content-type"]).toContain("text/calendar");
    const own = await (await anna.request.get(`${manageLink}/daten.json`)).json();
    expect(own.registration.email).toBe("anna@example.org");
    await anna.getByRole("link", { name: "Von der Konferenz abmelden" }).click();
    await anna.getByRole("heading", { name: "Von der Konferenz abmelden?" }).waitFor();
    await anna.getByRole("button", { name: "Ja, ich melde mich ab" }).click();
    await anna.getByText("Sie sind abgemeldet.").waitFor();
    const cancelMail = await waitForMail(app.dataDir, "anna@example.org", /Abmeldung bestätigt/);
    expect(cancelMail.attachments.find((a) => a.filename?.endsWith(".ics"))!.content.toString()).toContain(
      "METHOD:CANCEL",
    );

    // Bert moves up at once, is mailed, and confirms.
    const promoted = await waitForMail(app.dataDir, "bert@example.org", /Ein Platz ist frei geworden/);
    await bert.goto(linkIn(promoted.text, "anmeldung-bestaetigen"));
    await bert.getByRole("button", { name: "Anmeldung jetzt bestätigen" }).click();
    await bert.getByText("Angemeldet und bestätigt.").waitFor();

    // Registering the same address again reveals nothing and mails a fresh link.
    await bert.goto(`${app.url}/konferenzen/${year}/anmeldung`);
    await fillRegistration(bert, { first: "Bert", last: "Brandt", email: "bert@example.org" });
    await bert.getByRole("button", { name: /anmelden|Warteliste/ }).click();
    await bert.getByRole("heading", { name: "Bitte sehen Sie in Ihr E-Mail-Postfach" }).waitFor();
    await waitForMail(app.dataDir, "bert@example.org", /Ihr Link zur Anmeldung/);
    const toBert = (await readMailbox(app.dataDir)).filter((m) =>
      [m.to].flat().some((a) => a?.text.includes("bert@example.org")),
    );
    expect(toBert.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Sie stehen auf der Warteliste/),
      expect.stringMatching(/^Ein Platz ist frei geworden/),
      expect.stringMatching(/^Anmeldung bestätigt/),
      expect.stringMatching(/^Ihr Link zur Anmeldung/),
    ]);
    await annaCtx.close();
    await bertCtx.close();
  });

  it("lets a person delete all their data through the manage link (GET asks, POST deletes)", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${app.url}/konferenzen/${year}/anmeldung`);
    await fillRegistration(page, { first: "Dora", last: "Dahl", email: "dora@example.org" });
    await page.getByRole("button", { name: /anmelden|Warteliste/ }).click();
    await page.getByRole("heading", { name: "Bitte sehen Sie in Ihr E-Mail-Postfach" }).waitFor();
    const mail = await waitForMail(app.dataDir, "dora@example.org", /Dora|Warteliste|bestätigen/);
    const manage = linkIn(mail.text, "meine-anmeldung");
    await page.goto(manage);
    await page.getByRole("link", { name: "Meine Daten löschen" }).click();
    await page.getByRole("button", { name: "Ja, endgültig löschen" }).click();
    await page.getByRole("heading", { name: "Ihre Daten sind gelöscht." }).waitFor();
    const gone = await fetch(manage);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain("nicht (mehr) gültig");
    await ctx.close();
  });

  it("gives organisers a searchable participant list, a CSV export and needs as counts only", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signInAsOrganiser(page, app.url);
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}/teilnehmende`);
    await page.getByLabel(/^Suche \(Name/).fill("Schulte");
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await page.waitForURL(/q=Schulte/);
    expect(await textOf(page.getByText(/Anmeldung(en)? gefunden/))).toBe("1 Anmeldung gefunden.");
    await page.getByRole("rowheader", { name: /Schulte, Markus/ }).waitFor();
    const csv = await (
      await page.request.get(`${app.url}/verwaltung/konferenzen/${year}/teilnehmende.csv?status=confirmed`)
    ).text();
    // The demo: Markus Schulte confirmed, Samir Haddad cancelled.
    expect(csv).toContain("markus.schulte@beispiel.example");
    expect(csv).not.toContain("samir.haddad@beispiel.example");
    // Counts for the caterer, without any name.
    const needs = page.locator("section", { has: page.getByRole("heading", { name: /nur Zahlen/ }) });
    expect(await textOf(needs)).toContain("Rollstuhlgerechter Platz: 1");
    expect(await needs.textContent()).not.toMatch(/Schulte|Kaya/);
    // Without a session the export is closed.
    const anonymous = await fetch(`${app.url}/verwaltung/konferenzen/${year}/teilnehmende.csv`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);

    // A forum keeps its description when organisers save it, and the conference page shows it.
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}`);
    const forumForm = page.locator("form", { has: page.getByRole("button", { name: "Forum speichern" }) }).first();
    const description = forumForm.getByLabel(/^Worum es im Forum geht/);
    expect(await description.inputValue()).toContain("Kita, Schule und Ausbildungsbetrieb");
    await description.fill("Sprachbildung <b>gemeinsam</b> planen");
    await forumForm.getByRole("button", { name: "Forum speichern" }).click();
    await page.waitForLoadState("networkidle");
    const publicPage = await (await fetch(`${app.url}/konferenzen/${year}`)).text();
    expect(publicPage).toContain("Sprachbildung &lt;b&gt;gemeinsam&lt;/b&gt; planen");
    await ctx.close();
  });
});

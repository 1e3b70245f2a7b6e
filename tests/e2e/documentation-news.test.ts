import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { linkIn, readMailbox, startApp, waitForMail, type RunningApp } from "../support/app";
import { launchBrowser, signInAsOrganiser } from "../support/browser";

// Issue #8.6 "Telling people": a participant ticks the optional box at registration, confirms,
// and gets one mail in their language when the organisers publish the documentation.
const NEWS = /^Die Dokumentation ist veröffentlicht/;

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

async function registerAndConfirm(page: Page, person: { first: string; email: string; news: boolean }) {
  await page.goto(`${app.url}/konferenzen/${year}/anmeldung`);
  await page.getByLabel(/^Vorname/).fill(person.first);
  await page.getByLabel(/^Nachname/).fill("Neumann");
  await page.getByLabel(/^E-Mail-Adresse/).fill(person.email);
  await page.getByLabel(/^Organisation \(/).fill("Stadtteilzentrum Welheim");
  await page.getByLabel(/^Art der Organisation/).selectOption({ label: "Freier Träger" });
  await page.getByLabel(/^Nein, ich möchte nicht/).check();
  const box = page.getByLabel("Bitte informieren Sie mich per E-Mail, wenn die Dokumentation veröffentlicht ist.");
  expect(await box.isChecked()).toBe(false);
  if (person.news) await box.check();
  await page.getByLabel(/^Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
  await page.getByRole("heading", { name: "Bitte sehen Sie in Ihr E-Mail-Postfach" }).waitFor();
  const held = await waitForMail(app.dataDir, person.email, /Bitte bestätigen Sie Ihre Anmeldung/);
  await page.goto(linkIn(held.text, "anmeldung-bestaetigen"));
  await page.getByRole("button", { name: "Anmeldung jetzt bestätigen" }).click();
  await page.getByText("Angemeldet und bestätigt.").waitFor();
}

const newsTo = async (email: string) =>
  (await readMailbox(app.dataDir)).filter(
    (m) => m.to && [m.to].flat().some((a) => a.text.includes(email)) && NEWS.test(m.subject ?? ""),
  );

describe("a mail when the documentation is published", () => {
  it("register with the box ticked → confirm → the organiser publishes → one mail with the link; withdrawn on the manage page", async () => {
    const people = await browser.newContext();
    const page = await people.newPage();
    await registerAndConfirm(page, { first: "Nora", email: "nora@example.org", news: true });
    await registerAndConfirm(page, { first: "Otto", email: "otto@example.org", news: false });

    const orga = await browser.newContext();
    const admin = await orga.newPage();
    await signInAsOrganiser(admin, app.url);
    await admin.goto(`${app.url}/verwaltung/dokumentation/${year}`);
    // The demo's conference lies ahead: publishing (and mailing) before it took place asks first.
    await admin.getByLabel(/^Trotzdem veröffentlichen/).check();
    await admin.getByRole("button", { name: "Veröffentlichen" }).click();
    await admin
      .getByRole("status")
      .filter({ hasText: "Die Dokumentation ist veröffentlicht. E-Mails an Teilnehmende, die darum gebeten haben: 1." })
      .waitFor();

    const mail = await waitForMail(app.dataDir, "nora@example.org", NEWS);
    const docUrl = `${app.url}/konferenzen/${year}/dokumentation`;
    expect(mail.text).toContain(docUrl);
    expect((await fetch(docUrl)).status).toBe(200);
    const manage = linkIn(mail.text, "meine-anmeldung");

    // Publishing again sends nothing new (and asks nothing); Otto did not ask and gets nothing.
    await admin.getByRole("button", { name: "Veröffentlichen" }).click();
    await admin.getByRole("status").filter({ hasText: "darum gebeten haben: 0." }).waitFor();
    expect(await newsTo("nora@example.org")).toHaveLength(1);
    expect(await newsTo("otto@example.org")).toHaveLength(0);

    // Withdrawing is as easy as giving: untick, save.
    await page.goto(manage);
    const box = page.getByLabel("Bitte informieren Sie mich per E-Mail, wenn die Dokumentation veröffentlicht ist.");
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.getByRole("button", { name: "Angaben speichern" }).click();
    await page.getByText("Ihre Angaben wurden gespeichert.").waitFor();
    expect(await box.isChecked()).toBe(false);
    const own = (await (await page.request.get(`${manage}/daten.json`)).json()) as {
      consents: { purpose: string; granted: boolean }[];
    };
    expect(own.consents.filter((c) => c.purpose === "documentation_news").map((c) => c.granted)).toEqual([true, false]);
    await orga.close();
    await people.close();
  });
});

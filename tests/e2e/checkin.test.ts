import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { linkIn, startApp, waitForMail, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext, textOf } from "../support/browser";
import { conferenceYear } from "../support/http";

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

async function registerAndConfirm(page: Page, first: string, last: string, email: string): Promise<string> {
  await page.goto(`${app.url}/konferenzen/${year}/anmeldung`);
  await page.getByLabel(/^Vorname/).fill(first);
  await page.getByLabel(/^Nachname/).fill(last);
  await page.getByLabel(/^E-Mail-Adresse/).fill(email);
  await page.getByLabel(/^Organisation \(/).fill("Migrantenverein Welheim");
  await page.getByLabel(/^Art der Organisation/).selectOption({ label: "Migrantenorganisation" });
  await page.getByLabel(/^Nein, ich möchte nicht/).check();
  await page.getByLabel(/^Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole("button", { name: /anmelden|Warteliste/ }).click();
  const held = await waitForMail(app.dataDir, email, /Bitte bestätigen Sie Ihre Anmeldung/);
  await page.goto(linkIn(held.text, "anmeldung-bestaetigen"));
  await page.getByRole("button", { name: "Anmeldung jetzt bestätigen" }).click();
  const confirmed = await waitForMail(app.dataDir, email, /Anmeldung bestätigt/);
  return linkIn(confirmed.text, "meine-anmeldung");
}

describe("conference day", () => {
  it("checks a participant in at the desk; the certificate then comes through the manage link", async () => {
    const carlaCtx = await browser.newContext();
    const manage = await registerAndConfirm(await carlaCtx.newPage(), "Carla", "Çelik", "carla@example.org");
    expect((await fetch(`${manage}/bescheinigung.pdf`)).status).toBe(404);

    const orga = await signedInContext(browser, app.url);
    const desk = await orga.newPage();
    await desk.goto(`${app.url}/verwaltung/konferenzen/${year}/einlass`);
    const before = await textOf(desk.locator(".checkin-count"));
    await desk.getByLabel(/^Name .*oder Organisation/).fill("Çelik");
    await desk.getByRole("button", { name: "Suchen" }).click();
    await desk.getByText("Heute ist nicht der Konferenztag.", { exact: false }).waitFor();
    await desk.getByRole("button", { name: "Ist da: Carla Çelik" }).click();
    // The demo conference is weeks ahead: the guard rail asks first and checks nobody in without the confirmation.
    expect(await textOf(desk.getByRole("alert"))).toContain("Carla Çelik ist noch nicht eingecheckt");
    expect((await fetch(`${manage}/bescheinigung.pdf`)).status).toBe(404);
    await desk.getByRole("button", { name: "Trotzdem einchecken: Carla Çelik" }).click();
    expect(await textOf(desk.getByRole("status").filter({ hasText: "eingecheckt" }))).toContain(
      "Carla Çelik ist eingecheckt.",
    );
    const present = async () => Number(/^(\d+)/.exec(await textOf(desk.locator(".checkin-count")))![1]);
    await expect.poll(present, { timeout: 10_000 }).toBe(Number(/^(\d+)/.exec(before)![1]) + 1);

    const certificate = await fetch(`${manage}/bescheinigung.pdf`);
    expect(certificate.status).toBe(200);
    expect(certificate.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await certificate.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const zip = await desk.request.get(`${app.url}/verwaltung/konferenzen/${year}/bescheinigungen.zip`);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");
    const badges = await desk.request.get(`${app.url}/verwaltung/konferenzen/${year}/namensschilder.pdf`);
    expect((await badges.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await orga.close();
    await carlaCtx.close();
  });

  it("finds people whatever the case, diacritics or script (yilmaz, mujde, schaefer, an Arabic name by its Latin field) and tells the state of those not confirmed", async () => {
    const orga = await signedInContext(browser, app.url);
    const page = await orga.newPage();
    // Added by hand (confirmed at once); the demo brings Fatma Yılmaz, Olena Kovalenko (held) and Samir Haddad (cancelled).
    for (const [first, last, latin, email] of [
      ["Müjde", "Aydın", "", "muejde@example.org"],
      ["Jörg", "Schäfer", "", "joerg@example.org"],
      ["سلمى", "الحسن", "Salma Al-Hassan", "salma@example.org"],
    ]) {
      await page.goto(`${app.url}/verwaltung/konferenzen/${year}/teilnehmende/neu`);
      await page.getByLabel(/^Vorname/).fill(first!);
      await page.getByLabel(/^Nachname/).fill(last!);
      await page.getByLabel(/^Name in lateinischer Schrift/).fill(latin!);
      await page.getByLabel(/^E-Mail-Adresse/).fill(email!);
      await page.getByLabel(/^Organisation \(/).fill("Elternverein Batenbrock");
      await page.getByLabel(/^Art der Organisation/).selectOption({ label: "Ehrenamt" });
      await page.getByLabel(/^Sprache der E-Mails/).selectOption({ label: "Deutsch" });
      await page.getByLabel(/^Nein, die Person möchte nicht/).check();
      await page.getByLabel(/^Die Person hat den Datenschutzhinweisen zugestimmt/).check();
      await page.getByRole("button", { name: "Person anmelden" }).click();
      await page.getByRole("status").filter({ hasText: "angemeldet und bestätigt" }).waitFor();
    }

    const search = async (q: string) => {
      await page.goto(`${app.url}/verwaltung/konferenzen/${year}/einlass`);
      await page.getByLabel(/^Name .*oder Organisation/).fill(q);
      await page.getByRole("button", { name: "Suchen" }).click();
      await page.waitForURL(/\?q=/);
      return (await page.locator(".checkin-list__item").allTextContents()).join("\n");
    };
    for (const q of ["yilmaz", "YILMAZ"]) expect(await search(q), q).toContain("Yılmaz, Fatma");
    expect(await search("mujde")).toContain("Aydın, Müjde");
    for (const q of ["schaefer", "Schafer"]) expect(await search(q), q).toContain("Schäfer, Jörg");
    const salma = await search("salma al hassan");
    expect(salma).toContain("الحسن, سلمى");
    expect(salma).toContain("(Salma Al-Hassan)");
    await page.getByRole("button", { name: "Ist da: سلمى الحسن" }).click();
    await page.getByRole("button", { name: "Trotzdem einchecken: سلمى الحسن" }).click();
    expect(await textOf(page.getByRole("status").filter({ hasText: "eingecheckt" }))).toContain(
      "سلمى الحسن ist eingecheckt.",
    );
    // Not confirmed: found, with the state instead of a check-in button.
    expect(await search("kovalenko")).toContain("kein Einlass: reserviert, nicht bestätigt");
    expect(await page.getByRole("button", { name: /Ist da: Olena/ }).count()).toBe(0);
    expect(await search("haddad")).toContain("kein Einlass: abgemeldet");
    expect(await search("niemand-da")).toBe("");
    await page.getByText("Niemand gefunden").waitFor();
    await orga.close();
  });

  it("checks in through a scanned QR code (GET shows who it is, the POST checks in) and refuses foreign codes", async () => {
    const dariaCtx = await browser.newContext();
    await registerAndConfirm(await dariaCtx.newPage(), "Daria", "Iwanowa", "daria@example.org");
    const orga = await signedInContext(browser, app.url);
    const page = await orga.newPage();
    // The QR code on her badge carries her registration id and a MAC made with the server's secret.
    await page.goto(`${app.url}/verwaltung/konferenzen/${year}/einlass?q=Iwanowa`);
    const id = (await page.locator("input[name=registrationId]").first().getAttribute("value"))!;
    const secret = readFileSync(path.join(app.dataDir, "session-secret"), "utf8").trim();
    const code = `${id}.${createHmac("sha256", secret).update(`checkin:${id}`).digest("base64url").slice(0, 16)}`;

    await page.goto(`${app.url}/verwaltung/konferenzen/${year}/einlass/${code}`);
    expect(await textOf(page.locator(".card__title"))).toBe("Daria Iwanowa");
    await page.getByRole("button", { name: "Ist da" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Heute ist nicht der Konferenztag");
    await page.getByRole("button", { name: "Trotzdem einchecken: Daria Iwanowa" }).click();
    await page.getByText(/anwesend seit/).waitFor();

    await page.goto(`${app.url}/verwaltung/konferenzen/${year}/einlass/${id}.AAAAAAAAAAAAAAAA`);
    expect(await textOf(page.getByRole("alert"))).toContain("gehört zu keiner Anmeldung");
    // Anonymous visitors never see the desk.
    expect(
      (await fetch(`${app.url}/verwaltung/konferenzen/${year}/einlass/${code}`, { redirect: "manual" })).status,
    ).toBe(302);
    await orga.close();
    await dariaCtx.close();
  });
});

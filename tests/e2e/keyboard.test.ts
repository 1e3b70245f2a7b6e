import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { startApp, waitForMail, type RunningApp, linkIn } from "../support/app";
import { isFocused, launchBrowser, signInAsOrganiser, textOf } from "../support/browser";

// Keyboard only: every step of the participant's journey is done with Tab / Shift+Tab / Enter /
// Space / arrow keys and typing — no clicks. Each focus stop must be visibly focused (outline or
// box-shadow), the way forward must be reachable (no trap), and after a failed submit the focus is
// on the error summary. Addresses are only typed into the address bar (page.goto), as a person would.
let app: RunningApp;
let browser: Browser;
let year: string;
let dayCode: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const html = await (await fetch(app.url)).text();
  year = /\/konferenzen\/(\d{4})/.exec(html)![1]!;
  // The day code is on the badges; the test reads it where the organisers see it.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsOrganiser(page, app.url);
  await page.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
  dayCode = /mit dem Code (\S+) ab/.exec(await textOf(page.getByText(/Teilnehmende stimmen mit dem Code/)))![1]!;
  await context.close();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Describes the focused element, and whether its focus is visible (outline or box-shadow). */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: "body", visible: true };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow !== "none" && s.boxShadow !== "";
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : ""} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
    return { what, visible: outline || shadow };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the target has the focus. Fails when a stop has no visible focus
 * or when the target is not reached within `max` stops (a trap or an unreachable control).
 */
async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}) {
  const stops: string[] = [];
  for (let i = 0; i < (opts.max ?? 80); i++) {
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
    const state = await focusState(page);
    stops.push(state.what);
    if (!state.visible) throw new Error(`focus not visible on ${state.what}`);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reached with the keyboard; stops: ${stops.join(" → ")}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

describe("keyboard only", () => {
  it("register (with a failed submit first), confirm from the mail, change the forum on the manage page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/konferenzen/${year}`);
    // The skip link is the first stop and moves the focus to the content.
    await page.keyboard.press("Tab");
    expect(await textOf(page.locator(":focus"))).toBe("Zum Inhalt springen");
    expect((await focusState(page)).visible).toBe(true);
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("link", { name: "Zur Anmeldung" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /Anmeldung/ }).waitFor();

    // A failed submit: the focus lands on the error summary; its links lead to the fields.
    await typeInto(page, page.getByLabel(/^Vorname/), "Kira");
    await tabTo(page, page.getByRole("button", { name: "Verbindlich anmelden" }));
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert");
    await summary.waitFor();
    await expect.poll(() => isFocused(summary)).toBe(true);
    await tabTo(page, summary.getByRole("link", { name: /^Nachname/ }));
    await page.keyboard.press("Enter");
    await expect.poll(() => isFocused(page.getByLabel(/^Nachname/))).toBe(true);
    await page.keyboard.type("Klein");

    await typeInto(page, page.getByLabel(/^E-Mail-Adresse/), "kira@example.org");
    await typeInto(page, page.getByLabel(/^Organisation \(/), "Jugendmigrationsdienst");
    await tabTo(page, page.getByLabel(/^Art der Organisation/));
    await page.keyboard.type("Freier");
    expect(await page.getByLabel(/^Art der Organisation/).inputValue()).toBe("independent_provider");
    // Radio group: Tab enters it, arrow keys choose.
    await tabTo(page, page.getByLabel(/^Ja, ich bin einverstanden, dass Fotos/));
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel(/^Nein, ich möchte nicht/).isChecked()).toBe(true);
    await tabTo(page, page.getByLabel(/^Ich habe die Datenschutzhinweise gelesen/));
    await page.keyboard.press("Space");
    expect(await page.getByLabel(/^Ich habe die Datenschutzhinweise gelesen/).isChecked()).toBe(true);
    // Shift+Tab goes back (no trap in either direction), then forward to the button.
    await tabTo(page, page.getByLabel(/^Organisation \(/), { back: true });
    await tabTo(page, page.getByRole("button", { name: "Verbindlich anmelden" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Bitte sehen Sie in Ihr E-Mail-Postfach" }).waitFor();

    // Confirmation: the mailed link, then the button by keyboard.
    const held = await waitForMail(app.dataDir, "kira@example.org", /Bitte bestätigen Sie Ihre Anmeldung/);
    await page.goto(linkIn(held.text, "anmeldung-bestaetigen"));
    await tabTo(page, page.getByRole("button", { name: "Anmeldung jetzt bestätigen" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Ihre Anmeldung", level: 1 }).waitFor();

    // Manage page: choose another forum with the arrow keys and save.
    const radios = page.getByRole("radio");
    await tabTo(page, page.locator("input[name=forumId]:checked"));
    await page.keyboard.press("ArrowDown");
    const chosen = await page.locator("input[name=forumId]:checked").getAttribute("value");
    expect(chosen).not.toBe("");
    expect(await radios.count()).toBeGreaterThan(1);
    await tabTo(page, page.getByRole("button", { name: "Forum speichern" }));
    await page.keyboard.press("Enter");
    await page.getByText("Ihr Forum wurde geändert.").waitFor();
    expect(await page.locator("input[name=forumId]:checked").getAttribute("value")).toBe(chosen);
    await context.close();
  });

  it("post a question with the day code", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/live`);
    await typeInto(page, page.getByLabel(/^Tagescode/), dayCode.toLowerCase());
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Fachinputs am Konferenztag", level: 1 }).waitFor();
    await tabTo(page, page.locator("main .live-inputs a").first());
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Ihre Frage", level: 2 }).waitFor();
    await typeInto(
      page,
      page.getByLabel(/^Ihre Frage oder Ihr Beitrag/),
      "Wie erreichen wir Eltern, die noch kein Deutsch sprechen?",
    );
    await tabTo(page, page.getByRole("button", { name: "Frage senden" }));
    await page.keyboard.press("Enter");
    await page
      .getByText(/Ihre Frage (ist angekommen|ist jetzt für alle sichtbar)/)
      .first()
      .waitFor();
    await context.close();
  });

  it("spend goal points: too many first (focus on the summary), then within the budget", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/ziele/mitmachen`);
    await typeInto(page, page.getByLabel(/Code des Konferenztags/), dayCode.toLowerCase());
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Punkte verteilen" }).waitFor();
    const fields = page.locator(".ballot input");
    expect(await fields.count()).toBeGreaterThan(2);
    await typeInto(page, fields.nth(0), "3");
    await typeInto(page, fields.nth(1), "3");
    await tabTo(page, page.getByRole("button", { name: "Punkte abgeben" }));
    await page.keyboard.press("Enter");
    const alert = page.getByRole("alert").filter({ hasText: "Ihre Punkte sind nicht gespeichert" });
    await alert.waitFor();
    await expect.poll(() => isFocused(page.getByRole("alert").first())).toBe(true);
    await typeInto(page, fields.nth(1), "2");
    await tabTo(page, page.getByRole("button", { name: "Punkte abgeben" }));
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Ihre 5 von 5 Punkten sind gespeichert" }).waitFor();
    await context.close();
  });
});

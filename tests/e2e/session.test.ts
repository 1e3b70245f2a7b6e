import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser } from "../support/browser";

// WCAG 2.2.1: before the idle timeout a polite live region warns and offers "Sitzung verlängern";
// extending really keeps the session, not extending really ends it; form drafts survive a reload.
// SESSION_IDLE_MINUTES=1: the warning comes after 15 s (see warnAfterMs).
const ORGANISER = { email: "orga@ikon.example", password: "Konferenz-Demo-2026" };
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ env: { SESSION_IDLE_MINUTES: "1" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.url}/login`);
  await page.getByLabel("E-Mail-Adresse").first().fill(ORGANISER.email);
  await page.getByLabel(/^Passwort/).fill(ORGANISER.password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await page.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();
  await page.close();
  return context;
}

describe("session expiry warning and drafts", () => {
  it("warns in a live region before the timeout; extending keeps the session, waiting ends it", async () => {
    const [extending, idle] = await Promise.all([signedIn(), signedIn()]);
    const started = Date.now();
    const page = await extending.newPage();
    await page.goto(`${app.url}/verwaltung/barrierefreiheit`);
    const region = page.locator(".session-warning");
    expect(await region.getAttribute("aria-live")).toBe("polite");
    await page.waitForLoadState("networkidle");
    const loadedAt = Date.now();
    expect((await region.textContent()) ?? "").toBe("");
    await region.getByText(/Ihre Sitzung endet in etwa 1 Minuten/).waitFor({ timeout: 30_000 });
    expect(Date.now() - loadedAt).toBeGreaterThan(8_000);
    // Keyboard: Tab reaches the button; Enter extends.
    const button = region.getByRole("button", { name: "Sitzung verlängern" });
    await button.focus();
    await page.keyboard.press("Enter");
    await region.getByText("Ihre Sitzung wurde verlängert.").waitFor();

    // 65 s after signing in: the idle session is gone, the extended one is not.
    await new Promise((r) => setTimeout(r, Math.max(0, started + 65_000 - Date.now())));
    const stale = await idle.newPage();
    await stale.goto(`${app.url}/verwaltung`);
    expect(new URL(stale.url()).pathname).toBe("/login");
    await page.goto(`${app.url}/verwaltung`);
    expect(new URL(page.url()).pathname).toBe("/verwaltung");
    await extending.close();
    await idle.close();
  }, 120_000);

  it("keeps the registration form's draft across a reload (sessionStorage, this tab only)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const html = await (await fetch(app.url)).text();
    const year = /\/konferenzen\/(\d{4})/.exec(html)![1]!;
    await page.goto(`${app.url}/konferenzen/${year}/anmeldung`);
    await page.getByLabel(/^Vorname/).fill("Mara");
    await page.getByLabel(/^Organisation \(/).fill("Caritas");
    await page.getByLabel(/^Nein, ich möchte nicht/).check();
    await page.reload();
    expect(await page.getByLabel(/^Vorname/).inputValue()).toBe("Mara");
    expect(await page.getByLabel(/^Organisation \(/).inputValue()).toBe("Caritas");
    expect(await page.getByLabel(/^Nein, ich möchte nicht/).isChecked()).toBe(true);
    // Another tab does not see it.
    const other = await context.newPage();
    await other.goto(`${app.url}/konferenzen/${year}/anmeldung`);
    expect(await other.getByLabel(/^Vorname/).inputValue()).toBe("");
    await context.close();
  });
});

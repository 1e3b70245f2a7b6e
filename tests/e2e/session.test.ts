import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext } from "../support/browser";

// WCAG 2.2.1: before the idle timeout a polite live region warns and offers "Sitzung verlängern";
// extending really keeps the session, not extending really ends it; form drafts survive a reload.
// SESSION_IDLE_MINUTES=1: the warning comes after 15 s (see warnAfterMs).
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

describe("session expiry warning and drafts", () => {
  // The page's timers run on Playwright's clock (no waiting a minute); the server's side — an
  // extension restarts the idle time, a session not extended ends — is proven with explicit times
  // in app/modules/auth/auth.server.test.ts.
  it("warns in a live region before the timeout; extending keeps the session, waiting ends it", async () => {
    const [extending, idle] = await Promise.all([signedInContext(browser, app.url), signedInContext(browser, app.url)]);
    await Promise.all([extending.clock.install(), idle.clock.install()]);
    const page = await extending.newPage();
    await page.goto(`${app.url}/verwaltung/barrierefreiheit`);
    const region = page.locator(".session-warning");
    expect(await region.getAttribute("aria-live")).toBe("polite");
    await page.waitForLoadState("networkidle");
    // From here the page's time moves only when the test says so. The warning is due 15 s after
    // the page set its timer (warnAfterMs(1)), which happened before this point.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await page.clock.runFor(10_000);
    expect((await region.textContent()) ?? "").toBe("");
    await page.clock.runFor(6_000);
    await region.getByText(/Ihre Sitzung endet in etwa 1 Minuten/).waitFor();
    // Keyboard: Tab reaches the button; Enter extends (a real POST /sitzung).
    const button = region.getByRole("button", { name: "Sitzung verlängern" });
    await button.focus();
    await page.keyboard.press("Enter");
    await region.getByText("Ihre Sitzung wurde verlängert.").waitFor();
    await page.goto(`${app.url}/verwaltung`);
    expect(new URL(page.url()).pathname).toBe("/verwaltung");

    // Not extended: after the warning the region says the session has ended; the input stays.
    const stale = await idle.newPage();
    await stale.goto(`${app.url}/verwaltung/barrierefreiheit`);
    await stale.waitForLoadState("networkidle");
    await stale.clock.runFor(60_000);
    await stale
      .locator(".session-warning")
      .getByText(/Ihre Sitzung ist abgelaufen/)
      .waitFor();
    await extending.close();
    await idle.close();
  });

  it("keeps the registration form's draft across a reload (sessionStorage, this tab only)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const html = await (await fetch(app.url)).text();
    const year = /\/konferenzen\/(\d{4})/.exec(html)![1]!;
    await page.goto(`${app.url}/konferenzen/${year}/anmeldung`);
    // The draft is kept by a script that starts after hydration: type (again) until it has been saved.
    const saved = () =>
      page.evaluate(() =>
        Object.keys(sessionStorage).some(
          (k) => k.startsWith("ikon-draft:") && (sessionStorage.getItem(k) ?? "").includes("Caritas"),
        ),
      );
    await expect
      .poll(
        async () => {
          await page.getByLabel(/^Vorname/).fill("Mara");
          await page.getByLabel(/^Organisation \(/).fill("Caritas");
          await page.getByLabel(/^Nein, ich möchte nicht/).check();
          return saved();
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe(true);
    await page.reload();
    // Put back by the same script after the reload's hydration.
    await expect.poll(() => page.getByLabel(/^Vorname/).inputValue(), { timeout: 60_000 }).toBe("Mara");
    expect(await page.getByLabel(/^Organisation \(/).inputValue()).toBe("Caritas");
    expect(await page.getByLabel(/^Nein, ich möchte nicht/).isChecked()).toBe(true);
    // Another tab does not see it.
    const other = await context.newPage();
    await other.goto(`${app.url}/konferenzen/${year}/anmeldung`);
    expect(await other.getByLabel(/^Vorname/).inputValue()).toBe("");
    await context.close();
  });
});

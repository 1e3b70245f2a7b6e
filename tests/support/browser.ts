import { chromium, type Browser, type Locator, type Page } from "playwright-core";

/** The system Chromium (apt-get install chromium); never a browser downloaded by a test tool. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The text of the first match, once it is visible (waits like a person would). */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor();
  return (await locator.first().textContent()) ?? "";
}

export async function isFocused(locator: Locator): Promise<boolean> {
  await locator.first().waitFor();
  return locator.first().evaluate((el) => el === document.activeElement);
}

/** The demo organiser (app/modules/demo/seed.server.ts). */
export const DEMO_ORGANISER = { email: "orga@ikon.example", password: "Konferenz-Demo-2026" };

/** Signs the demo organiser in through the real form; `from` may carry `?redirectTo=…`. */
export async function signInAsOrganiser(page: Page, appUrl: string, from = "/login") {
  await page.goto(appUrl + from);
  await page.getByLabel("E-Mail-Adresse").first().fill(DEMO_ORGANISER.email);
  await page.getByLabel(/^Passwort/).fill(DEMO_ORGANISER.password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await page.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();
  return page;
}

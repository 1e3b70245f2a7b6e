import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from "playwright-core";
import { DEMO_ORGANISER } from "./http";

export { DEMO_ORGANISER };

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

/** Signs in through the real form (the demo organiser unless told otherwise); `from` may carry `?redirectTo=…`. */
export async function signInAsOrganiser(page: Page, appUrl: string, from = "/login", who = DEMO_ORGANISER) {
  await page.goto(appUrl + from);
  await page.getByLabel("E-Mail-Adresse").first().fill(who.email);
  await page.getByLabel(/^Passwort/).fill(who.password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await page.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();
  return page;
}

/** A browser context signed in through the password form (the demo organiser unless told otherwise). */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
  who = DEMO_ORGANISER,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signInAsOrganiser(page, baseUrl, "/login", who);
  await page.close();
  return context;
}

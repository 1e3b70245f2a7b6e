import { chromium, type Browser, type Locator } from "playwright-core";

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

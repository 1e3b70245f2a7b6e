import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startApp, waitForMail, type RunningApp, linkIn } from "../support/app";
import { launchBrowser, textOf } from "../support/browser";

// Arabic (right to left) on the participant pages, German elsewhere with a note; the language of a
// registration is the language of its mails. Screenshots (1280 px and 320 px, Arabic) go to
// SCREENSHOT_DIR for a person to look at.
const SHOTS = process.env.SCREENSHOT_DIR ?? "/tmp/ikon-a11y-shots";
let app: RunningApp;
let browser: Browser;
let year: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  const html = await (await fetch(app.url)).text();
  year = /\/konferenzen\/(\d{4})/.exec(html)![1]!;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function documentLanguage(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
  }));
}

describe("languages", () => {
  it("Arabic: the switch keeps the page, the document is rtl, pages without Arabic are German with a note", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/konferenzen/${year}`);
    await page.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "العربية" }).click();
    await page.waitForURL(new RegExp(`/konferenzen/${year}$`));
    expect(await documentLanguage(page)).toEqual({
      lang: "ar",
      dir: "rtl",
      direction: "rtl",
    });
    expect(
      await textOf(
        page.getByRole("navigation", { name: "القائمة الرئيسية" }).getByRole("link", { name: "الصفحة الرئيسية" }),
      ),
    ).toBe("الصفحة الرئيسية");
    expect(await page.getByRole("link", { name: "العربية" }).getAttribute("aria-current")).toBe("true");
    // Mirrored: the site title sits on the right, the language switch on the left.
    const title = (await page.locator(".site-title").boundingBox())!;
    const langs = (await page.locator(".lang-switch").boundingBox())!;
    expect(title.x).toBeGreaterThan(langs.x);
    await page.screenshot({
      path: `${SHOTS}/ar-conference-1280.png`,
      fullPage: true,
    });

    // The working groups have no Arabic: German page, Arabic note marked as such.
    await page.getByRole("link", { name: "مجموعات العمل" }).click();
    await page.waitForURL(/\/arbeitskreise$/);
    // The page reloads as a German document right after the client-side navigation.
    await expect
      .poll(() => documentLanguage(page).catch(() => null), { timeout: 10_000 })
      .toMatchObject({ lang: "de", dir: "ltr" });
    await page.waitForLoadState("load");
    const note = page.locator(".lang-note");
    expect(await note.getAttribute("lang")).toBe("ar");
    expect(await note.getAttribute("dir")).toBe("rtl");
    expect(await page.getByRole("link", { name: "Deutsch" }).getAttribute("aria-current")).toBeNull();
    // Back on a participant page (client-side navigation), Arabic again.
    await page.getByRole("link", { name: "Start", exact: true }).click();
    await page.waitForURL(new RegExp(`${app.url}/$`));
    await expect.poll(() => documentLanguage(page)).toMatchObject({ lang: "ar", dir: "rtl" });
    expect(await page.locator(".lang-note").count()).toBe(0);
    await context.close();
  });

  it("Arabic registration: form in error state, mails in Arabic (rtl), manage page in Arabic", async () => {
    for (const width of [1280, 320]) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(`${app.url}/sprache?lang=ar&to=/konferenzen/${year}/anmeldung`);
      await page.evaluate(() => document.querySelectorAll("form").forEach((f) => (f.noValidate = true)));
      await page.getByRole("button", { name: "التسجيل", exact: true }).click();
      const summary = page.getByRole("alert");
      expect(await textOf(summary)).toContain("يرجى مراجعة البيانات التي أدخلتها");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({
        path: `${SHOTS}/ar-registration-errors-${width}.png`,
        fullPage: true,
      });
      await context.close();
    }

    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/sprache?lang=ar&to=/konferenzen/${year}/anmeldung`);
    await page.getByLabel(/^الاسم الأول/).fill("ليلى");
    await page.getByLabel(/^اسم العائلة/).fill("حداد");
    await page.getByLabel(/^عنوان البريد الإلكتروني/).fill("laila@example.org");
    await page.getByLabel(/^المؤسسة/).fill("Stadtteilzentrum Welheim");
    await page.getByLabel(/^نوع المؤسسة/).selectOption({ label: "منظمة مهاجرين" });
    await page.getByLabel(/^لا، لا أريد/).check();
    await page.getByLabel(/^قرأت إشعار حماية البيانات/).check();
    await page.getByRole("button", { name: "التسجيل", exact: true }).click();
    await page.getByRole("heading", { name: "يرجى التحقق من بريدك الإلكتروني" }).waitFor();

    const held = await waitForMail(app.dataDir, "laila@example.org", /^يرجى تأكيد تسجيلك/);
    expect(held.html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
    expect(held.text).toContain("مرحبًا ليلى حداد");
    await page.goto(linkIn(held.text, "anmeldung-bestaetigen"));
    expect(await documentLanguage(page)).toMatchObject({
      lang: "ar",
      dir: "rtl",
    });
    await page.getByRole("button", { name: "أكّد التسجيل الآن" }).click();
    await page.getByRole("heading", { name: "تسجيلك", level: 1 }).waitFor();
    expect(await textOf(page.locator("main"))).toContain("مسجَّل ومؤكَّد.");
    expect(await page.title()).toBe("تسجيلك – مؤتمر الاندماج في بوتروب");
    await page.screenshot({
      path: `${SHOTS}/ar-manage-1280.png`,
      fullPage: true,
    });
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({
      path: `${SHOTS}/ar-manage-320.png`,
      fullPage: true,
    });
    await waitForMail(app.dataDir, "laila@example.org", /^تم تأكيد التسجيل/);
    await context.close();
  });

  it("English registration: the mail is in English", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/sprache?lang=en&to=/konferenzen/${year}/anmeldung`);
    await page.getByLabel(/^First name/).fill("Jane");
    await page.getByLabel(/^Last name/).fill("Doe");
    await page.getByLabel(/^E-mail address/).fill("jane@example.org");
    await page.getByLabel(/^Organisation \(/).fill("Welheim Community Centre");
    await page.getByLabel(/^Type of organisation/).selectOption({ label: "Volunteer" });
    await page.getByLabel(/^No, I do not want/).check();
    await page.getByLabel(/^I have read the privacy notice/).check();
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await page.getByRole("heading", { name: "Please check your inbox" }).waitFor();
    const held = await waitForMail(app.dataDir, "jane@example.org", /^Please confirm your registration/);
    expect(held.html).toMatch(/<html[^>]*lang="en"/);
    await context.close();
  });

  it("every mailed link carries the registration's language and opens in it in a fresh browser (de, en, ar)", async () => {
    const forms = {
      de: {
        first: /^Vorname/,
        last: /^Nachname/,
        email: /^E-Mail-Adresse/,
        org: /^Organisation \(/,
        type: /^Art der Organisation/,
        typeLabel: "Ehrenamt",
        photo: /^Nein, ich möchte nicht/,
        privacy: /^Ich habe die Datenschutzhinweise gelesen/,
        submit: "Verbindlich anmelden",
        confirm: "Anmeldung jetzt bestätigen",
        manage: "Ihre Anmeldung",
      },
      en: {
        first: /^First name/,
        last: /^Last name/,
        email: /^E-mail address/,
        org: /^Organisation \(/,
        type: /^Type of organisation/,
        typeLabel: "Volunteer",
        photo: /^No, I do not want/,
        privacy: /^I have read the privacy notice/,
        submit: "Register",
        confirm: "Confirm registration now",
        manage: "Your registration",
      },
      ar: {
        first: /^الاسم الأول/,
        last: /^اسم العائلة/,
        email: /^عنوان البريد الإلكتروني/,
        org: /^المؤسسة/,
        type: /^نوع المؤسسة/,
        typeLabel: "منظمة مهاجرين",
        photo: /^لا، لا أريد/,
        privacy: /^قرأت إشعار حماية البيانات/,
        submit: "التسجيل",
        confirm: "أكّد التسجيل الآن",
        manage: "تسجيلك",
      },
    } as const;
    const subjects = {
      de: [/^Bitte bestätigen/, /^Anmeldung bestätigt/],
      en: [/^Please confirm/, /^Registration confirmed/],
      ar: [/^يرجى تأكيد تسجيلك/, /^تم تأكيد التسجيل/],
    } as const;
    const mailedLink = (text: string | undefined, path: string) => {
      const m = new RegExp(`https?://\\S+/${path}/[a-z2-7]+\\?lang=\\w+`).exec(text ?? "");
      if (!m) throw new Error(`no /${path}/ link with its language in:\n${text}`);
      return m[0];
    };
    for (const locale of ["de", "en", "ar"] as const) {
      const f = forms[locale];
      const email = `links-${locale}@example.org`;
      const registering = await browser.newContext();
      const page = await registering.newPage();
      await page.goto(`${app.url}/sprache?lang=${locale}&to=/konferenzen/${year}/anmeldung`);
      await page.getByLabel(f.first).fill(`Vorname${locale}`);
      await page.getByLabel(f.last).fill("Beispiel");
      await page.getByLabel(f.email).fill(email);
      await page.getByLabel(f.org).first().fill("Stadtteilzentrum Welheim");
      await page.getByLabel(f.type).selectOption({ label: f.typeLabel });
      await page.getByLabel(f.photo).check();
      await page.getByLabel(f.privacy).check();
      await page.getByRole("button", { name: f.submit, exact: true }).click();
      const held = await waitForMail(app.dataDir, email, subjects[locale][0]);
      await registering.close();

      // A fresh browser that prefers another language: the link decides.
      const fresh = await browser.newContext({
        locale: locale === "ar" ? "de-DE" : "ar",
        extraHTTPHeaders: { "Accept-Language": locale === "ar" ? "de" : "ar" },
      });
      const own = await fresh.newPage();
      const confirmLink = mailedLink(held.text, "anmeldung-bestaetigen");
      expect(confirmLink.endsWith(`?lang=${locale}`)).toBe(true);
      await own.goto(confirmLink);
      expect((await documentLanguage(own)).lang, `${locale} confirm page`).toBe(locale);
      await own.getByRole("button", { name: f.confirm }).click();
      // The page after the form keeps the language (no ?lang= in its address).
      await own.getByRole("heading", { name: f.manage, level: 1 }).waitFor();
      expect((await documentLanguage(own)).lang, `${locale} after confirming`).toBe(locale);
      await fresh.close();

      const confirmed = await waitForMail(app.dataDir, email, subjects[locale][1]);
      const ics = confirmed.attachments
        .find((a) => a.filename?.endsWith(".ics"))!
        .content.toString("utf8")
        .replace(/\r\n[ \t]/g, "");
      expect(ics).toContain(`?lang=${locale}`);
      const manageLink = mailedLink(confirmed.text, "meine-anmeldung");
      const later = await browser.newContext();
      const again = await later.newPage();
      await again.goto(manageLink);
      await again.getByRole("heading", { name: f.manage, level: 1 }).waitFor();
      expect(await documentLanguage(again), `${locale} manage page`).toMatchObject({
        lang: locale,
        dir: locale === "ar" ? "rtl" : "ltr",
      });
      await later.close();
    }
  });

  it("no page carries U+0000 (React 18 pads streamed chunks with NUL bytes where a multibyte character meets 2 KB)", async () => {
    for (const path of [
      `/konferenzen/${year}?lang=en`,
      `/konferenzen/${year}/anmeldung?lang=ar`,
      `/konferenzen/${year}?lang=ar`,
      `/konferenzen/${year}/anmeldung?lang=de`,
      "/?lang=ar",
    ]) {
      const bytes = Buffer.from(await (await fetch(`${app.url}${path}`)).arrayBuffer());
      expect(bytes.length, path).toBeGreaterThan(2048);
      expect(bytes.includes(0), path).toBe(false);
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), path).not.toThrow();
    }
  });
});

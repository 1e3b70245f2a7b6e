import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { linkIn, runCli, startApp, waitForMail, type RunningApp } from "../support/app";
import { DEMO_ORGANISER, isFocused, launchBrowser, signInAsOrganiser, textOf } from "../support/browser";

const ORGANISER = DEMO_ORGANISER;

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the app as a newcomer starts it", () => {
  it("serves the demo: this year's conference with venue and agenda, linked from the start page", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    expect(await page.locator("h1").count()).toBe(1);
    await page.getByRole("link", { name: /Zur Konferenz \d{4}/ }).click();
    expect(await textOf(page.getByRole("heading", { level: 1 }))).toContain("Integrationskonferenz");
    await page.getByRole("heading", { name: "Programm" }).waitFor();
    await page.getByText("Kulturzentrum August Everding").waitFor();
    await page.close();
  });

  it("answers /healthz and /readyz, sends security headers and a nonce CSP", async () => {
    expect(await (await fetch(`${app.url}/healthz`)).text()).toBe("ok");
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const res = await fetch(app.url);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Every script tag carries this response's nonce.
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("shows a friendly German 404 inside the layout, without internals", async () => {
    const res = await fetch(`${app.url}/gibt-es-nicht`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Seite nicht gefunden");
    expect(html).toContain("Zum Inhalt springen");
    expect(html).not.toMatch(/at .*\.js:\d+|stack|SELECT/i);
  });

  it("prints without navigation (print styles)", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".main-nav").isVisible()).toBe(false);
    expect(await page.locator("h1").isVisible()).toBe(true);
    await page.close();
  });

  it("loads no resource from another host", async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith(app.url) && !req.url().startsWith("data:")) foreign.push(req.url());
    });
    for (const path of ["/", "/login", "/impressum", "/datenschutz", "/barrierefreiheit"])
      await page.goto(app.url + path);
    expect(foreign).toEqual([]);
    await page.close();
  });
});

describe("languages", () => {
  it("keeps the catalogue out of the pages: one cached messages script per language, hydrated without a mismatch", async () => {
    const html = await (await fetch(`${app.url}/impressum`)).text();
    // Organiser texts are not in a public page's HTML (they used to travel with every page).
    expect(html).not.toContain("Teilnehmende von Hand anmelden");
    expect(html.length).toBeLessThan(20_000);
    const src = /<script id="ikon-messages"[^>]* src="(\/i18n\/de\.[a-f0-9]{12}\.js)"/.exec(html)![1]!;
    const script = await fetch(app.url + src);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.headers.get("cache-control")).toContain("immutable");
    expect(await script.text()).toContain('"imprint.title":"Impressum"');
    expect((await fetch(`${app.url}/i18n/de.000000000000.js`)).status).toBe(404);
    for (const lang of ["de", "en", "ar"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${app.url}/sprache?lang=${lang}&to=/`);
      // A page without Arabic (German) right after the Arabic one, with its script not yet cached.
      for (const path of ["/arbeitskreise", "/ziele", "/"]) {
        await page.goto(app.url + path);
        await page.waitForFunction(() => Boolean(window.__ikonMessages));
        await page.waitForLoadState("networkidle");
      }
      expect(errors, lang).toEqual([]);
      await context.close();
    }
  });

  it("switches to English on the same page and back, with lang set on the document", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/impressum`);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${app.url}/impressum`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await textOf(page.getByRole("heading", { level: 1 }))).toBe("Legal notice");
    await page.getByRole("link", { name: "Deutsch" }).click();
    expect(await textOf(page.getByRole("heading", { level: 1 }))).toBe("Impressum");
    await page.close();
  });
});

describe("organiser sign-in", () => {
  it("issues a new session on sign-in: a session cookie planted before is not reused", async () => {
    const context = await browser.newContext();
    await context.addCookies([
      {
        name: "__Host-ikon_session",
        value: "planted-by-attacker",
        domain: "127.0.0.1",
        path: "/",
        secure: true,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    const page = await context.newPage();
    await signInAsOrganiser(page, app.url);
    const session = (await context.cookies()).find((c) => c.name === "__Host-ikon_session")!;
    expect(session.value).not.toBe("planted-by-attacker");
    // Remix cookies carry the value as base64 JSON.
    expect(JSON.parse(Buffer.from(decodeURIComponent(session.value), "base64").toString())).toMatch(/^[a-z2-7]{32}$/);
    await context.close();
  });

  it("accepts only same-origin paths as redirectTo", async () => {
    for (const target of ["https://evil.example/x", "//evil.example", "javascript:alert(1)", "/\\evil.example"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAsOrganiser(page, app.url, `/login?redirectTo=${encodeURIComponent(target)}`);
      expect(new URL(page.url()).origin).toBe(app.url);
      await context.close();
    }
  });

  it("signs in with the demo password, reaches /verwaltung, signs out; the old cookie is dead", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/verwaltung`);
    await page.waitForURL(/\/login\?redirectTo=%2Fverwaltung/);
    await page.getByLabel("E-Mail-Adresse").first().fill(ORGANISER.email);
    await page.getByLabel(/^Passwort/).fill(ORGANISER.password);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await page.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "__Host-ikon_session")!;
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });

    await page.getByRole("link", { name: "Abmelden" }).click();
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByText("Sie sind abgemeldet.").waitFor();

    // Replaying the old cookie after sign-out gets the sign-in page, not the admin area.
    const replay = await fetch(`${app.url}/verwaltung`, {
      headers: { cookie: `__Host-ikon_session=${session.value}` },
      redirect: "manual",
    });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toContain("/login");
    await context.close();
  });

  it("keeps the typed address and says what is wrong after a wrong password", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/login`);
    await page.getByLabel("E-Mail-Adresse").first().fill(ORGANISER.email);
    await page.getByLabel(/^Passwort/).fill("falsch-falsch");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("E-Mail-Adresse oder Passwort stimmen nicht");
    expect(await page.getByLabel("E-Mail-Adresse").first().inputValue()).toBe(ORGANISER.email);
    expect(await isFocused(page.getByRole("alert"))).toBe(true);
    await page.close();
  });

  it("signs in with an e-mailed link: GET only shows a confirm page, the POST signs in, once", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await page.locator("#field-linkEmail").fill(ORGANISER.email);
    await page.getByRole("button", { name: "Anmelde-Link senden" }).click();
    await page.getByText("ist ein Anmelde-Link unterwegs").waitFor();
    const mail = await waitForMail(app.dataDir, ORGANISER.email, /Anmelde-Link/);
    const link = linkIn(mail.text, "login/link");

    // A mail scanner's GET and HEAD do not use up the link.
    await fetch(link, { method: "HEAD", redirect: "manual" });
    await fetch(link, { redirect: "manual" });

    await page.goto(link);
    await page.waitForURL(`${app.url}/login/bestaetigen`);
    await page.getByRole("button", { name: "Jetzt anmelden" }).click();
    await page.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();

    // Someone else (or the same link again later) cannot use it a second time.
    const otherContext = await browser.newContext();
    const second = await otherContext.newPage();
    await second.goto(link);
    await second.getByRole("button", { name: "Jetzt anmelden" }).click();
    await second.getByText("abgelaufen oder wurde schon benutzt").waitFor();
    await otherContext.close();
    await context.close();
  });

  it("refuses a cross-origin POST (CSRF) and a POST without the form token", async () => {
    const crossOrigin = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "intent=password&email=a%40b.de&password=x",
    });
    expect(crossOrigin.status).toBe(403);
    const noToken = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" },
      body: "intent=password&email=a%40b.de&password=x",
    });
    expect(noToken.status).toBe(403);
  });
});

describe("process", () => {
  it("refuses a second process on the same PGlite directory with a clear message", async () => {
    const second = await runCli(["scripts/migrate.ts"], { DATA_DIR: app.dataDir });
    expect(second.code).not.toBe(0);
    expect(second.output).toMatch(/schon von Prozess \d+ benutzt/);
  });

  it("stops cleanly on SIGTERM and the CLI then creates a user on the same DATA_DIR", async () => {
    const other = await startApp();
    expect(await other.stop("SIGTERM")).toBe(0);
    const created = await runCli(
      [
        "scripts/user-create.ts",
        "--email",
        "koord@example.org",
        "--name",
        "Kim Koordination",
        "--role",
        "coordinator",
        "--password",
        "ein-langes-passwort",
      ],
      { DATA_DIR: other.dataDir },
    );
    expect(created.output).toContain("Konto angelegt: koord@example.org");
    expect(created.code).toBe(0);
    const restarted = await startApp({ dataDir: other.dataDir });
    const login = await browser.newPage();
    await login.goto(`${restarted.url}/login`);
    await login.getByLabel("E-Mail-Adresse").first().fill("koord@example.org");
    await login.getByLabel(/^Passwort/).fill("ein-langes-passwort");
    await login.getByRole("button", { name: "Anmelden", exact: true }).click();
    await login.getByText("Ihrem Konto ist noch kein Arbeitskreis zugeordnet.", { exact: false }).waitFor();
    await login.close();
    await restarted.stop();
  });
});

describe("without JavaScript", () => {
  it("signs in and out with plain HTML forms (a real Origin header reaches Remix's own check)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsOrganiser(page, app.url);
    await page.goto(`${app.url}/logout`);
    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByText("Sie sind abgemeldet.").waitFor();
    await context.close();
  });
});

describe("rate limits over HTTP", () => {
  it("answers the 6th wrong password for one account with 429 and Retry-After, in German, keeping the address", async () => {
    const page = await browser.newPage();
    let status = 0;
    page.on("response", (res) => {
      if (res.request().method() === "POST") status = res.status();
    });
    for (let i = 0; i < 6; i++) {
      await page.goto(`${app.url}/login`);
      await page.getByLabel("E-Mail-Adresse").first().fill("bruteforce@example.org");
      await page.getByLabel(/^Passwort/).fill(`falsch-${i}`);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await page.getByRole("alert").first().waitFor();
    }
    expect(status).toBe(429);
    expect(await textOf(page.getByRole("alert"))).toContain("Zu viele Versuche");
    expect(await page.getByLabel("E-Mail-Adresse").first().inputValue()).toBe("bruteforce@example.org");
    await page.close();
  });
});

import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startApp, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext } from "../support/browser";

// The full-page cache for anonymous visitors (app/server/page-cache.server.ts): equal to a fresh
// render apart from the tokens, invalidated by every organiser's write, on every instance, and
// never holding anything personal.

const CSRF = /name="_csrf" value="([^"]+)"/;
const NONCE = /nonce="([^"]+)"/g;

/** A page with its tokens blanked: what must be equal between a cached and a fresh render. */
function withoutTokens(html: string, tokens: { csrf?: string; nonces: string[] }): string {
  let out = html;
  for (const nonce of tokens.nonces) out = out.split(nonce).join("NONCE");
  if (tokens.csrf) out = out.split(tokens.csrf).join("CSRF");
  return out;
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers: { "user-agent": "Mozilla/5.0 ikon-test", ...headers } });
  const html = await res.text();
  const nonces = [...new Set([...html.matchAll(NONCE)].map((m) => m[1]!))];
  const csrf = CSRF.exec(html)?.[1];
  return { res, html, nonces, csrf, state: res.headers.get("x-page-cache") };
}

async function editForumDescription(browser: Browser, appUrl: string, year: string, text: string) {
  const ctx = await signedInContext(browser, appUrl);
  const page = await ctx.newPage();
  await page.goto(`${appUrl}/verwaltung/konferenzen/${year}`);
  const forumForm = page.locator("form", { has: page.getByRole("button", { name: "Forum speichern" }) }).first();
  await forumForm.getByLabel(/^Worum es im Forum geht/).fill(text);
  await forumForm.getByRole("button", { name: "Forum speichern" }).click();
  await page.waitForURL(/gespeichert=1/);
  await ctx.close();
}

describe("full-page cache (embedded database)", () => {
  let app: RunningApp;
  let browser: Browser;
  let year: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    year = /\/konferenzen\/(\d{4})/.exec(await (await fetch(app.url)).text())![1]!;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("serves anonymous visitors a cached page equal to a fresh render, with this response's nonce and CSRF token", async () => {
    const pagePath = `${app.url}/konferenzen/${year}/anmeldung`;
    const first = await get(pagePath);
    const cached = await get(pagePath, { "accept-encoding": "gzip, deflate, br" });
    expect(cached.state).toBe("hit");
    expect(cached.res.headers.get("content-encoding")).toBe("gzip");
    // Any other cookie bypasses the cache: a fresh render.
    const fresh = await get(pagePath, { cookie: "something=else" });
    expect(fresh.state).toBeNull();
    expect(withoutTokens(cached.html, cached)).toBe(withoutTokens(fresh.html, fresh));
    expect(withoutTokens(first.html, first)).toBe(withoutTokens(fresh.html, fresh));

    // Each response carries its own tokens: the nonce of its CSP header, the token of its cookie.
    expect(cached.nonces).toHaveLength(1);
    expect(cached.nonces[0]).not.toBe(first.nonces[0]);
    expect(cached.res.headers.get("content-security-policy")).toContain(`'nonce-${cached.nonces[0]}'`);
    expect(cached.res.headers.get("set-cookie")).toContain(`=${cached.csrf};`);
    // A returning visitor's own CSRF cookie is the token in the cached form.
    const cookie = cached.res.headers.get("set-cookie")!.split(";")[0]!;
    const again = await get(pagePath, { cookie });
    expect(again.state).toBe("hit");
    expect(again.csrf).toBe(cached.csrf);
  });

  it("shows an organiser's edit on the next anonymous request", async () => {
    const pagePath = `${app.url}/konferenzen/${year}`;
    await get(pagePath);
    expect((await get(pagePath)).state).toBe("hit");
    const text = `Neue Beschreibung ${randomUUID().slice(0, 8)}`;
    await editForumDescription(browser, app.url, year, text);
    const after = await get(pagePath);
    expect(after.state).toBe("miss");
    expect(after.html).toContain(text);
  });

  it("keeps signed-in visitors and personal pages out of the cache", async () => {
    const person = `Quirin${randomUUID().slice(0, 6)}`;
    const form = await get(`${app.url}/konferenzen/${year}/anmeldung`);
    const cookie = form.res.headers.get("set-cookie")!.split(";")[0]!;
    const registered = await fetch(`${app.url}/konferenzen/${year}/anmeldung`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: app.url, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        _csrf: form.csrf!,
        firstName: person,
        lastName: "Cachetest",
        email: `${person.toLowerCase()}@example.org`,
        organisation: "Verein",
        organisationType: "volunteer",
        photoConsent: "no",
        privacyConsent: "on",
      }),
    });
    // 303 to "check your inbox", itself a public page from the cache (the mails go out as data).
    expect(registered.status).toBe(303);
    expect(registered.headers.get("location")).toBe(`/konferenzen/${year}/anmeldung?gesendet=1`);
    const inbox = await get(`${app.url}/konferenzen/${year}/anmeldung?gesendet=1`);
    expect(inbox.html).toContain("Bitte sehen Sie in Ihr E-Mail-Postfach");
    expect(inbox.html).not.toContain(person);

    // The organiser sees the person in the list and the admin navigation on public pages; none of
    // it is cached, and anonymous visitors see neither.
    const ctx = await signedInContext(browser, app.url);
    const page = await ctx.newPage();
    const list = await page.goto(`${app.url}/verwaltung/konferenzen/${year}/teilnehmende`);
    expect(await list!.headerValue("x-page-cache")).toBeNull();
    expect(await page.content()).toContain(person);
    const publicSignedIn = await page.goto(`${app.url}/konferenzen/${year}`);
    expect(await publicSignedIn!.headerValue("x-page-cache")).toBeNull();
    await page.getByRole("link", { name: "Verwaltung" }).first().waitFor();
    await ctx.close();

    for (const path of [
      "/",
      "/konferenzen",
      `/konferenzen/${year}`,
      `/konferenzen/${year}/anmeldung`,
      "/impressum",
      "/suche?q=Cachetest",
    ]) {
      const anonymous = await get(app.url + path);
      expect(anonymous.state, path).not.toBeNull();
      expect(anonymous.html, path).not.toContain(person);
      expect(anonymous.html, path).not.toContain('href="/verwaltung"');
    }
  });
});

// Two instances on one PostgreSQL: a write on one is seen by the other's next request.
const url = process.env.TEST_DATABASE_URL;
describe.skipIf(!url)("full-page cache on two instances", () => {
  const apps: RunningApp[] = [];
  let admin: pg.Client | undefined;
  let browser: Browser | undefined;
  const dbName = `ikon_cache_${randomUUID().replace(/-/g, "").slice(0, 12)}`;

  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.stop();
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  it("shows an organiser's edit on one instance at the next request to the other", async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${dbName}`;
    const shared = { DATABASE_URL: dbUrl.toString(), SESSION_SECRET: "page-cache-secret-page-cache-secret-0" };
    expect((await runCli(["scripts/seed.ts"], shared)).output).toContain("Demo geladen");
    const [a, b] = await Promise.all([startApp({ env: shared }), startApp({ env: shared })]);
    apps.push(a!, b!);
    browser = await launchBrowser();
    const year = /\/konferenzen\/(\d{4})/.exec(await (await fetch(a!.url)).text())![1]!;

    for (const app of [a!, b!]) {
      await get(`${app.url}/konferenzen/${year}`);
      expect((await get(`${app.url}/konferenzen/${year}`)).state).toBe("hit");
    }
    const text = `Auf beiden Instanzen ${randomUUID().slice(0, 8)}`;
    await editForumDescription(browser, a!.url, year, text);
    const onB = await get(`${b!.url}/konferenzen/${year}`);
    expect(onB.state).toBe("miss");
    expect(onB.html).toContain(text);
    expect((await get(`${a!.url}/konferenzen/${year}`)).html).toContain(text);
  });
});

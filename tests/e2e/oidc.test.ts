import { rmSync } from "node:fs";
import type { Server } from "node:http";
import getPort from "get-port";
import Provider, { type Configuration } from "oidc-provider";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { launchBrowser } from "../support/browser";

// Staff sign-in through a real OpenID provider (oidc-provider, in this process) in Chromium:
// authorisation code with PKCE, the organiser group from the "groups" claim, password sign-in off.
const ORGANISER_GROUP = "ikon-organisation";
const people: Record<string, { email: string; name: string; groups: string[] }> = {
  anna: { email: "anna.amt@stadt.example", name: "Anna Amt", groups: ["alle", ORGANISER_GROUP] },
  otto: { email: "otto.ohne@stadt.example", name: "Otto Ohne", groups: ["alle"] },
};

let app: RunningApp;
let browser: Browser;
let idp: Server;
let callbackPath = "";

beforeAll(async () => {
  const [idpPort, appPort] = [await getPort(), await getPort()];
  const issuer = `http://127.0.0.1:${idpPort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  const config: Configuration = {
    clients: [
      {
        client_id: "ikon",
        client_secret: "ikon-client-secret",
        redirect_uris: [`${appUrl}/login/stadt/zurueck`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // The ID token carries no e-mail or groups: the app must read them from the userinfo answer.
    conformIdTokenClaims: true,
    findAccount: (_ctx, id) => {
      const person = people[id];
      if (!person) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: person.email,
          email_verified: true,
          name: person.name,
          groups: person.groups,
        }),
      };
    },
    cookies: { keys: ["oidc-test-cookie-key"] },
    // A first-party client: no consent page (as a city's directory does for its own applications).
    loadExistingGrant: async (ctx) => {
      const { client, session, result, provider } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session!.grantIdFor(client!.clientId);
      if (grantId) return provider.Grant.find(grantId);
      const grant = new provider.Grant({ clientId: client!.clientId, accountId: session!.accountId! });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  };
  const provider = new Provider(issuer, config);
  idp = provider.listen(idpPort);
  // Chromium starts while the app does; it is kept (and closed after all) even if the app fails.
  const browserStarted = launchBrowser();
  try {
    app = await startApp({
      port: appPort,
      env: {
        // No demo: a quicker start, and the directory's people are the only accounts that matter here.
        SEED_DEMO: "false",
        APP_URL: appUrl,
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: "ikon",
        OIDC_CLIENT_SECRET: "ikon-client-secret",
        OIDC_SCOPES: "openid email profile groups",
        OIDC_ORGANISER_CLAIM: "groups",
        OIDC_ORGANISER_VALUE: ORGANISER_GROUP,
        PASSWORD_LOGIN: "false",
      },
    });
  } finally {
    browser = await browserStarted;
  }
  callbackPath = `${app.url}/login/stadt/zurueck`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (app) {
    await app.stop();
    rmSync(app.dataDir, { recursive: true, force: true });
  }
  await new Promise((resolve) => (idp ? idp.close(resolve) : resolve(undefined)));
});

/** From the app's sign-in page through the provider's login, up to the redirect back. */
async function throughProvider(page: Page, login: string, beforeLogin?: () => Promise<void>) {
  await page.goto(`${app.url}/login`);
  await page.getByRole("link", { name: "Mit dem Konto der Stadt anmelden" }).click();
  await page.locator('input[name="login"]').fill(login);
  await beforeLogin?.();
  await page.locator('input[name="password"]').fill("beliebig");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/**
 * The provider's answer (the address with code and state) without the app redeeming the code: the
 * browser's sign-in cookie is put aside while it is at the provider, so the app turns the answer
 * away unused; the cookie is back in the browser afterwards.
 */
async function capturedAnswer(context: BrowserContext, login: string) {
  const page = await context.newPage();
  let answer = "";
  page.on("request", (r) => {
    if (r.url().startsWith(`${callbackPath}?`)) answer = r.url();
  });
  let cookies: Awaited<ReturnType<BrowserContext["cookies"]>> = [];
  await throughProvider(page, login, async () => {
    cookies = (await context.cookies(app.url)).filter((c) => c.name === "__Host-ikon_oidc");
    expect(cookies).toHaveLength(1);
    await context.clearCookies({ name: "__Host-ikon_oidc" });
  });
  await page.getByText("Die Anmeldung mit dem Konto der Stadt hat nicht geklappt.").waitFor();
  expect(answer).toContain("code=");
  await context.addCookies(cookies);
  return { page, answer, cookies };
}

async function signedInAs(page: Page): Promise<string | null> {
  await page.goto(`${app.url}/verwaltung`);
  if (new URL(page.url()).pathname !== "/verwaltung") return null;
  return (await page.locator("main").textContent()) ?? "";
}

describe("staff sign-in through the city's OpenID provider", () => {
  it("signs a member of the organiser group in (first sign-in creates the account); the password form is off", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    expect(await page.getByLabel(/^Passwort/).count()).toBe(0);
    // Coordinators from outside keep the e-mailed link.
    await page.getByRole("button", { name: "Anmelde-Link senden" }).waitFor();

    await throughProvider(page, "anna");
    await page.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();
    expect(await page.getByText("Willkommen, Anna Amt.").count()).toBe(1);
    const names = (await context.cookies(app.url)).map((c) => c.name);
    expect(names).toContain("__Host-ikon_session");
    // The sign-in's state cookie is gone once used.
    expect(names).not.toContain("__Host-ikon_oidc");

    // A posted password sign-in is refused outright.
    const form = await fetch(`${app.url}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const posted = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: { origin: app.url, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        _csrf: csrf,
        intent: "password",
        email: "orga@ikon.example",
        password: "Konferenz-Demo-2026",
      }),
      redirect: "manual",
    });
    expect(posted.status).toBe(404);
    await context.close();
  });

  it("refuses an answer with a wrong state", async () => {
    const context = await browser.newContext();
    const { page, answer } = await capturedAnswer(context, "anna");
    const forged = new URL(answer);
    expect(forged.searchParams.get("code")).toBeTruthy();
    forged.searchParams.set("state", "a-state-this-browser-never-sent");
    await page.goto(forged.href);
    await page.getByText("Die Anmeldung mit dem Konto der Stadt hat nicht geklappt.").waitFor();
    expect(await signedInAs(page)).toBeNull();
    await context.close();
  });

  it("refuses a replayed code, even with the original browser's state cookie", async () => {
    const first = await browser.newContext();
    const { page, answer, cookies } = await capturedAnswer(first, "anna");
    await page.goto(answer);
    await page.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto(answer);
    await replayPage.getByText("Die Anmeldung mit dem Konto der Stadt hat nicht geklappt.").waitFor();
    expect(await signedInAs(replayPage)).toBeNull();
    await Promise.all([first.close(), replay.close()]);
  });

  it("creates no account for a person without the group", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await throughProvider(page, "otto");
    await page
      .getByText("Ihr Konto der Stadt ist nicht für die Verwaltung der Integrationskonferenz freigeschaltet.")
      .waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await signedInAs(page)).toBeNull();
    await context.close();
  });

  it("removes the organiser role at the next sign-in once the group membership is gone, and ends the open sessions", async () => {
    const before = await browser.newContext();
    const beforePage = await before.newPage();
    await throughProvider(beforePage, "anna");
    await beforePage.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();

    people.anna!.groups = ["alle"];
    const after = await browser.newContext();
    const page = await after.newPage();
    await throughProvider(page, "anna");
    await page
      .getByText("Ihr Konto der Stadt ist nicht für die Verwaltung der Integrationskonferenz freigeschaltet.")
      .waitFor();
    expect(await signedInAs(page)).toBeNull();
    expect(await signedInAs(beforePage)).toBeNull();
    await Promise.all([before.close(), after.close()]);
  });
});

import { createCookie } from "@remix-run/node";
import * as client from "openid-client";
import { claimHolds, type DirectoryPerson } from "~/modules/auth/directory.server";
import { env, isProduction } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

/** Where the provider sends the browser back; register exactly this address at the provider. */
export const OIDC_CALLBACK_PATH = "/login/stadt/zurueck";

export const oidcEnabled = () => Boolean(env.OIDC_ISSUER);

// The state, nonce and PKCE verifier of one sign-in, signed, between leaving for the provider and
// coming back. SameSite=Lax: the return is a top-level GET navigation from the provider's site.
const transactionCookie = createCookie(isProduction ? "__Host-ikon_oidc" : "ikon_oidc", {
  httpOnly: true,
  sameSite: "lax",
  secure: isProduction,
  path: "/",
  maxAge: 10 * 60,
  secrets: [env.SESSION_SECRET],
});

type Transaction = { state: string; nonce: string; verifier: string; redirectTo: string };

let configuration: Promise<client.Configuration> | undefined;

/** The provider's metadata and keys, discovered once; a failed discovery is tried again next time. */
function providerConfiguration(): Promise<client.Configuration> {
  configuration ??= (async () => {
    const issuer = new URL(env.OIDC_ISSUER!);
    const auth = env.OIDC_CLIENT_SECRET ? client.ClientSecretBasic(env.OIDC_CLIENT_SECRET) : client.None();
    // env.server.ts allows http only for a provider on this machine.
    const execute = issuer.protocol === "http:" ? [client.allowInsecureRequests] : [];
    return client.discovery(issuer, env.OIDC_CLIENT_ID!, undefined, auth, { execute, timeout: 10 });
  })();
  configuration.catch(() => (configuration = undefined));
  return configuration;
}

/** The provider's sign-in address and the cookie that ties the answer to this browser. */
export async function beginOidcSignIn(redirectTo: string): Promise<{ url: string; setCookie: string }> {
  const config = await providerConfiguration();
  const transaction: Transaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: env.APP_URL + OIDC_CALLBACK_PATH,
    scope: env.OIDC_SCOPES,
    response_type: "code",
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, setCookie: await transactionCookie.serialize(transaction) };
}

export type OidcResult = { ok: true; person: DirectoryPerson; redirectTo: string } | { ok: false };

export const clearOidcCookie = () => transactionCookie.serialize("", { maxAge: 0 });

/**
 * Checks the provider's answer (state, PKCE, the ID token's signature, issuer, audience and nonce;
 * the code is exchanged once, a replayed one is refused by the provider) and reads the person.
 */
export async function completeOidcSignIn(request: Request): Promise<OidcResult> {
  const stored: unknown = await transactionCookie.parse(request.headers.get("Cookie"));
  if (!isTransaction(stored)) {
    logger.warn("oidc: answer without a sign-in in progress");
    return { ok: false };
  }
  try {
    const config = await providerConfiguration();
    // The address the provider redirected to, as registered (behind a proxy request.url may differ).
    const current = new URL(env.APP_URL + OIDC_CALLBACK_PATH + new URL(request.url).search);
    const tokens = await client.authorizationCodeGrant(config, current, {
      expectedState: stored.state,
      expectedNonce: stored.nonce,
      pkceCodeVerifier: stored.verifier,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idClaims };
    if (config.serverMetadata().userinfo_endpoint) {
      // Providers put groups and e-mail into the ID token, the userinfo answer, or both.
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...claims, ...pickDefined(info) };
    }
    const person: DirectoryPerson = {
      subject: idClaims.sub,
      email: typeof claims.email === "string" ? claims.email : null,
      emailVerified: claims.email_verified !== false,
      name:
        typeof claims.name === "string"
          ? claims.name
          : [claims.given_name, claims.family_name].filter((v) => typeof v === "string").join(" ") || null,
      isOrganiser: claimHolds(claims, env.OIDC_ORGANISER_CLAIM, env.OIDC_ORGANISER_VALUE!),
    };
    return { ok: true, person, redirectTo: stored.redirectTo };
  } catch (error) {
    const e = error as { name?: string; code?: string; error?: string; message?: string };
    // Never the code or tokens: the error's kind and OAuth error code only.
    logger.warn({ kind: e.name, code: e.code, oauthError: e.error }, "oidc: sign-in refused");
    return { ok: false };
  }
}

function pickDefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));
}

function isTransaction(value: unknown): value is Transaction {
  if (!value || typeof value !== "object") return false;
  const t = value as Record<string, unknown>;
  return ["state", "nonce", "verifier", "redirectTo"].every((k) => typeof t[k] === "string" && t[k] !== "");
}

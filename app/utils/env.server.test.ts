import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("configuration", () => {
  it("has working defaults for a local start", () => {
    const env = parseEnv({ DATA_DIR: "/tmp/ikon-env-test" });
    expect(env).toMatchObject({
      PORT: 3000,
      MAIL_TRANSPORT: "file",
      APP_URL: "http://localhost:3000",
      DATA_DIR: "/tmp/ikon-env-test",
    });
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    // Generated once, then kept.
    expect(parseEnv({ DATA_DIR: "/tmp/ikon-env-test" }).SESSION_SECRET).toBe(env.SESSION_SECRET);
  });

  it("allows several processes on PostgreSQL", () => {
    expect(
      parseEnv({ DATA_DIR: "/tmp/ikon-env-test", DATABASE_URL: "postgres://db/ikon", WEB_CONCURRENCY: "4" })
        .WEB_CONCURRENCY,
    ).toBe(4);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ APP_URL: "ftp://x" }, "APP_URL"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ MAIL_TRANSPORT: "pigeon" }, "MAIL_TRANSPORT"],
    [{ MAIL_TRANSPORT: "smtp" }, "SMTP_URL"],
    [{ MAIL_TRANSPORT: "resend" }, "RESEND_API_KEY"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET"],
    [{ NODE_ENV: "production", DATABASE_URL: "postgres://db/ikon" }, "SESSION_SECRET"],
    [{ OIDC_ISSUER: "https://sso.stadt.example/realms/ikon", OIDC_ORGANISER_VALUE: "ikon" }, "OIDC_CLIENT_ID"],
    [{ OIDC_ISSUER: "https://sso.stadt.example/realms/ikon", OIDC_CLIENT_ID: "ikon" }, "OIDC_ORGANISER_VALUE"],
    [
      { OIDC_ISSUER: "http://sso.stadt.example/realms/ikon", OIDC_CLIENT_ID: "ikon", OIDC_ORGANISER_VALUE: "ikon" },
      "OIDC_ISSUER",
    ],
    [{ PASSWORD_LOGIN: "nein" }, "PASSWORD_LOGIN"],
    [{ WEB_CONCURRENCY: "2" }, "WEB_CONCURRENCY"],
    [{ WEB_CONCURRENCY: "0", DATABASE_URL: "postgres://db/ikon" }, "WEB_CONCURRENCY"],
  ])("stops with a message naming the variable: %o", (raw, name) => {
    expect(() => parseEnv({ DATA_DIR: "/tmp/ikon-env-test", ...raw })).toThrow(EnvError);
    expect(() => parseEnv({ DATA_DIR: "/tmp/ikon-env-test", ...raw })).toThrow(new RegExp(`${name}:`));
  });

  it("accepts an OpenID provider on https, or on http only on this machine", () => {
    const oidc = { OIDC_CLIENT_ID: "ikon", OIDC_ORGANISER_VALUE: "ikon-orga", DATA_DIR: "/tmp/ikon-env-test" };
    expect(parseEnv({ ...oidc, OIDC_ISSUER: "https://sso.stadt.example/realms/ikon" })).toMatchObject({
      OIDC_ORGANISER_CLAIM: "groups",
      PASSWORD_LOGIN: true,
    });
    expect(parseEnv({ ...oidc, OIDC_ISSUER: "http://127.0.0.1:8080", PASSWORD_LOGIN: "false" })).toMatchObject({
      PASSWORD_LOGIN: false,
    });
  });
});

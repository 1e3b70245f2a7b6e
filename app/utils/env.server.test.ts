import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("configuration", () => {
  it("has working defaults for a local start", () => {
    const env = parseEnv({ DATA_DIR: "/tmp/ikon-env-test" });
    expect(env).toMatchObject({ PORT: 3000, MAIL_TRANSPORT: "file", APP_URL: "http://localhost:3000", DATA_DIR: "/tmp/ikon-env-test" });
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    // Generated once, then kept.
    expect(parseEnv({ DATA_DIR: "/tmp/ikon-env-test" }).SESSION_SECRET).toBe(env.SESSION_SECRET);
  });

  it("allows several processes on PostgreSQL", () => {
    expect(parseEnv({ DATA_DIR: "/tmp/ikon-env-test", DATABASE_URL: "postgres://db/ikon", WEB_CONCURRENCY: "4" }).WEB_CONCURRENCY).toBe(4);
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
    [{ WEB_CONCURRENCY: "2" }, "WEB_CONCURRENCY"],
    [{ WEB_CONCURRENCY: "0", DATABASE_URL: "postgres://db/ikon" }, "WEB_CONCURRENCY"],
  ])("stops with a message naming the variable: %o", (raw, name) => {
    expect(() => parseEnv({ DATA_DIR: "/tmp/ikon-env-test", ...raw })).toThrow(EnvError);
    expect(() => parseEnv({ DATA_DIR: "/tmp/ikon-env-test", ...raw })).toThrow(new RegExp(`${name}:`));
  });
});

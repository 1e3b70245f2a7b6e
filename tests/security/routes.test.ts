import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startApp, type RunningApp } from "../support/app";
import { conferenceYear, signInOverHttp } from "../support/http";

// Reads the route manifest of the built app and calls every route and every action the way an
// attacker would: without a session, cross-origin, without the form token, with made-up IDs.
// New routes are covered automatically and must fail closed.

type Route = { id: string; path: string; hasAction: boolean; hasLoader: boolean };
let routes: Route[] = [];
let year = "";

async function manifest(): Promise<Route[]> {
  const buildDir = process.env.BUILD_DIR ?? "build";
  const build = (await import(path.resolve(buildDir, "server/index.js"))) as {
    routes: Record<
      string,
      { path?: string; parentId?: string; index?: boolean; module: { action?: unknown; loader?: unknown } }
    >;
  };
  const full = (id: string): string => {
    const r = build.routes[id]!;
    const own = r.path ?? "";
    return r.parentId ? [full(r.parentId), own].filter(Boolean).join("/") : own;
  };
  return Object.entries(build.routes)
    .filter(([id]) => id !== "root")
    .map(([id, r]) => ({
      id,
      path: `/${full(id)}`.replace(/\/+/g, "/"),
      hasAction: Boolean(r.module.action),
      hasLoader: Boolean(r.module.loader),
    }));
}

/** A concrete URL for a route pattern: made-up IDs, the demo year, a demo slug. */
function concrete(pattern: string): string {
  return pattern
    .replace(/:year\??/g, year)
    .replace(/:slug\??/g, "welheim")
    .replace(/:code\??/g, "XXXX99")
    .replace(/:token\??/g, "a".repeat(32))
    .replace(/:[A-Za-z]+\??/g, randomUUID())
    .replace(/\*$/, "gibt-es-nicht");
}

const COORDINATOR = { email: "fremd-koordination@ikon.example", password: "koordination-sicher-1" };
const SECRET = "security-suite-secret-security-suite-00";

/**
 * The demo app with a coordinator of another group, on the embedded database or (with
 * TEST_DATABASE_URL) on a fresh PostgreSQL database of its own.
 */
async function startSuiteApp(
  backend: "PGlite" | "PostgreSQL",
): Promise<{ app: RunningApp; cleanup: () => Promise<void> }> {
  const coordinator = [
    "scripts/user-create.ts",
    "--email",
    COORDINATOR.email,
    "--name",
    "Koordination Ebel",
    "--role",
    "coordinator",
    "--password",
    COORDINATOR.password,
    "--group",
    "ebel",
  ];
  if (backend === "PGlite") {
    const first = await startApp();
    await first.stop();
    const created = await runCli(coordinator, { DATA_DIR: first.dataDir });
    if (created.code !== 0) throw new Error(created.output);
    const app = await startApp({ dataDir: first.dataDir });
    return { app, cleanup: async () => void (await app.stop()) };
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `ikon_security_${process.pid}`;
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), SESSION_SECRET: SECRET };
  for (const args of [["scripts/seed.ts"], coordinator]) {
    const done = await runCli(args, env);
    if (done.code !== 0) throw new Error(done.output);
  }
  const app = await startApp({ env });
  return {
    app,
    cleanup: async () => {
      await app.stop();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const backends = ["PGlite", ...(process.env.TEST_DATABASE_URL ? ["PostgreSQL"] : [])] as ("PGlite" | "PostgreSQL")[];

describe.each(backends)("every route from the manifest (%s)", (backend) => {
  let app: RunningApp;
  let cleanup = async () => {};
  beforeAll(async () => {
    ({ app, cleanup } = await startSuiteApp(backend));
    year = await conferenceYear(app.url);
    routes = await manifest();
  });
  afterAll(() => cleanup());

  it("has routes to check", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.hasAction).length).toBeGreaterThan(3);
  });

  it("refuses cross-origin POSTs (urlencoded and multipart) to every action", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.hasAction)) {
      const url = app.url + concrete(route.path);
      for (const body of [
        new URLSearchParams({ intent: "x" }),
        (() => {
          const f = new FormData();
          f.set("intent", "x");
          return f;
        })(),
      ]) {
        const attacks: Record<string, string>[] = [
          { origin: "https://evil.example" },
          { origin: "https://konferenz.evil.example" },
          { "sec-fetch-site": "cross-site" },
        ];
        for (const headers of attacks) {
          const res = await fetch(url, { method: "POST", body, headers, redirect: "manual" });
          if (res.status !== 403) failures.push(`${route.path} ${JSON.stringify(headers)} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("never performs a same-origin POST without the form token (no 2xx), and never fails with 500", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.hasAction)) {
      const url = app.url + concrete(route.path);
      for (const body of [
        new URLSearchParams({ intent: "x" }),
        (() => {
          const f = new FormData();
          f.set("intent", "x");
          return f;
        })(),
      ]) {
        const res = await fetch(url, { method: "POST", body, headers: { origin: app.url }, redirect: "manual" });
        if ((res.status >= 200 && res.status < 300) || res.status >= 500)
          failures.push(`${route.path} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("sends anonymous visitors of the organisers' area to the sign-in page", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.path.startsWith("/verwaltung") && r.hasLoader)) {
      const res = await fetch(app.url + concrete(route.path), { redirect: "manual" });
      const to = res.headers.get("location") ?? "";
      if (!(res.status === 302 && to.startsWith("/login?redirectTo=")))
        failures.push(`${route.path} → ${res.status} ${to}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers anonymous GETs with made-up IDs without a server error or internals", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.hasLoader)) {
      const res = await fetch(app.url + concrete(route.path), { redirect: "manual" });
      const body = await res.text();
      if (
        res.status >= 500 ||
        /\bat [\w.$]+ \(|node_modules|syntax error at or near/i.test(body) ||
        /\bSELECT\b[^<>]{1,200}\bFROM\b/.test(body)
      )
        failures.push(`${route.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("keeps coordinators out of organiser-only pages", async () => {
    const session = await signInOverHttp(app.url, COORDINATOR);
    for (const p of ["/verwaltung/postausgang", "/verwaltung/protokoll"]) {
      const res = await fetch(app.url + p, { headers: { cookie: session }, redirect: "manual" });
      expect(res.status, p).toBe(403);
    }
    const own = await fetch(`${app.url}/verwaltung`, { headers: { cookie: session }, redirect: "manual" });
    expect(own.status).toBe(200);
  });

  it("sends the security headers on pages, errors and redirects", async () => {
    for (const p of ["/", "/gibt-es-nicht", "/verwaltung", `/konferenzen/${year}`]) {
      const res = await fetch(app.url + p, { redirect: "manual" });
      expect(res.headers.get("content-security-policy"), p).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options"), p).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), p).toBe("same-origin");
    }
  });
});

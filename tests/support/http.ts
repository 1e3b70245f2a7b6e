// Plain-HTTP helpers for tests against the running server: a cookie-keeping client with the form
// token, raw requests (chunked, cut off mid-body), the temp-upload directory and the log's levels.
import http from "node:http";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { runCli, startApp, type RunningApp } from "./app";

export const DEMO_ORGANISER = { email: "orga@ikon.example", password: "Konferenz-Demo-2026" };

/** A visitor: keeps cookies like a browser and reads the form token from a page. */
export class Visitor {
  cookies = new Map<string, string>();
  constructor(readonly app: RunningApp) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }

  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(this.app.url + path, {
      redirect: "manual",
      ...init,
      headers: { cookie: this.cookieHeader(), ...(init.headers as Record<string, string>) },
    });
    this.remember(res);
    return res;
  }

  /** The CSRF token of this visitor (from any page with a form). */
  async csrf(from = "/login"): Promise<string> {
    const html = await (await this.get(from)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no form token on ${from}`);
    return m[1]!;
  }

  async post(path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.app.url + path, {
      method: "POST",
      redirect: "manual",
      body,
      headers: { origin: this.app.url, cookie: this.cookieHeader(), ...headers },
    });
    this.remember(res);
    return res;
  }

  /** Posts a form with the token read from `from` (the form's own page unless told otherwise). */
  async postForm(path: string, fields: Record<string, string>, from = path): Promise<Response> {
    const _csrf = await this.csrf(from);
    return this.post(path, new URLSearchParams({ _csrf, ...fields }), {
      "content-type": "application/x-www-form-urlencoded",
    });
  }

  async signIn(who = DEMO_ORGANISER): Promise<this> {
    const res = await this.postForm("/login", { intent: "password", email: who.email, password: who.password });
    if (res.status !== 302) throw new Error(`sign-in failed: ${res.status}`);
    return this;
  }
}

export type RawAnswer = {
  status: number | null;
  headers: http.IncomingHttpHeaders;
  body: string;
  error: string | null;
};

/**
 * One request over a fresh connection, body written chunk by chunk (chunked unless content-length
 * is given). `abortAfter`: the connection is cut after that many chunks (a closed tab); `hold`: the
 * body is never finished (a slow client). Resolves
 * with whatever came back: a status, or the connection error.
 */
export function rawRequest(
  url: string,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    chunks?: (Buffer | string)[] | (() => Iterable<Buffer | string>);
    abortAfter?: number;
    hold?: boolean;
  },
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const target = new URL(opts.path, url);
    let settled = false;
    const done = (a: RawAnswer) => {
      if (!settled) {
        settled = true;
        resolve(a);
      }
    };
    const req = http.request(target, {
      method: opts.method ?? "POST",
      headers: { origin: url, ...opts.headers },
      agent: false,
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c.length < 100_000 ? c : ""));
      res.on("end", () => done({ status: res.statusCode ?? null, headers: res.headers, body, error: null }));
      res.on("error", (e) => done({ status: res.statusCode ?? null, headers: res.headers, body, error: e.message }));
    });
    req.on("error", (e) => done({ status: null, headers: {}, body: "", error: e.message }));
    const chunks = typeof opts.chunks === "function" ? opts.chunks() : (opts.chunks ?? []);
    void (async () => {
      let n = 0;
      for (const chunk of chunks) {
        if (settled || req.destroyed) return;
        if (opts.abortAfter !== undefined && n >= opts.abortAfter) {
          req.destroy();
          done({ status: null, headers: {}, body: "", error: "aborted by the test" });
          return;
        }
        if (!req.write(chunk)) {
          await new Promise<void>((resolve) => {
            const go = () => {
              req.off("drain", go);
              req.off("close", go);
              resolve();
            };
            req.on("drain", go);
            req.on("close", go);
          });
        }
        n += 1;
      }
      if (opts.abortAfter !== undefined) {
        req.destroy();
        done({ status: null, headers: {}, body: "", error: "aborted by the test" });
        return;
      }
      if (!opts.hold) req.end();
    })();
  });
}

/** The upload temp files (.part and their derivatives) under DATA_DIR. */
export function uploadTempFiles(dataDir: string): string[] {
  try {
    return readdirSync(path.join(dataDir, "uploads", "tmp"));
  } catch {
    return [];
  }
}

/** Log lines at error level or above (pino: level ≥ 50), and any uncaught crash text. */
export function errorLines(output: string): string[] {
  return output.split("\n").filter((line) => {
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return /Uncaught|unhandled|Error:/i.test(line);
    }
  });
}

/** The server still answers a page. */
export async function stillServing(app: RunningApp): Promise<boolean> {
  try {
    return (await fetch(`${app.url}/healthz`)).status === 200 && (await fetch(`${app.url}/`)).status === 200;
  } catch {
    return false;
  }
}

export type Backend = "PGlite" | "PostgreSQL";
export const backends: Backend[] = ["PGlite", ...(process.env.TEST_DATABASE_URL ? (["PostgreSQL"] as const) : [])];

/** The demo app on the embedded database, or on a fresh PostgreSQL database of its own. */
export async function startDemoApp(
  backend: Backend,
  env: Record<string, string> = {},
): Promise<{ app: RunningApp; cleanup: () => Promise<void> }> {
  if (backend === "PGlite") {
    const app = await startApp({ env });
    return { app, cleanup: async () => void (await app.stop()) };
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `ikon_robust_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const dbEnv = { DATABASE_URL: url.toString(), SESSION_SECRET: "robustness-suite-secret-robustness-0000", ...env };
  const seeded = await runCli(["scripts/seed.ts"], dbEnv);
  if (seeded.code !== 0) throw new Error(seeded.output);
  const app = await startApp({ env: dbEnv });
  return {
    app,
    cleanup: async () => {
      await app.stop();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

// Form round trips over plain HTTP (the page's token and cookie, then the POST).

export type FormSession = { url: string; csrf: string; cookie: string };

/** Fetches a form page: its CSRF token and the cookies to send back (those given plus those it set). */
export async function openForm(
  url: string,
  opts: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<FormSession> {
  const page = await fetch(url, { headers: { ...opts.headers, cookie: opts.cookie ?? "" } });
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error(`no CSRF field on ${url} (${page.status})`);
  const cookie = [opts.cookie, ...page.headers.getSetCookie().map((c) => c.split(";")[0])].filter(Boolean).join("; ");
  return { url, csrf, cookie };
}

/** Posts the fields to the opened form (CSRF token and cookies included). */
export function postForm(
  form: FormSession,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(form.url, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...headers,
      origin: new URL(form.url).origin,
      cookie: form.cookie,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ _csrf: form.csrf, ...fields }),
  });
}

/** Opens the form at `url` and posts the fields to it. */
export async function submitForm(
  url: string,
  fields: Record<string, string>,
  opts: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return postForm(await openForm(url, opts), fields, opts.headers);
}

/** The `name=value` of the session cookie a response set. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-ikon_session="));
  if (!set) throw new Error(`no session cookie (${res.status})`);
  return set.split(";")[0]!;
}

/** Signs in through the password form (the demo organiser unless told otherwise): the session cookie. */
export async function signInOverHttp(appUrl: string, who = DEMO_ORGANISER): Promise<string> {
  const res = await submitForm(`${appUrl}/login`, { intent: "password", email: who.email, password: who.password });
  if (res.status !== 302) throw new Error(`sign-in as ${who.email} answered ${res.status}`);
  return sessionCookie(res);
}

/** The year of the conference the home page leads to (the demo's current one). */
export async function conferenceYear(appUrl: string): Promise<string> {
  const year = /\/konferenzen\/(\d{4})/.exec(await (await fetch(appUrl)).text())?.[1];
  if (!year) throw new Error("the home page links to no conference");
  return year;
}

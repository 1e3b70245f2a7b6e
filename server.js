// The HTTP server: Express in front of Remix. It owns what must happen before a route runs
// (security headers with a CSP nonce, the CSRF cookie, the Origin check, body limits) and the
// process lifecycle (start, graceful SIGTERM). Everything else lives in the app, reached via the build.
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";

// WEB_CONCURRENCY > 1 (PostgreSQL only: the embedded database allows one process): this process
// only starts that many workers with node:cluster (each runs everything below and shares the port),
// starts another when one dies, and passes SIGTERM/SIGINT on. The workers check the setting
// (app/utils/env.server.ts); one that fails before it listens stops the whole.
if (cluster.isPrimary && process.env.NODE_ENV !== "test" && existsSync(".env")) process.loadEnvFile(".env");
const webConcurrency = Number(process.env.WEB_CONCURRENCY ?? 1);
if (cluster.isPrimary && webConcurrency > 1) {
  let stopping = false;
  let exitCode = 0;
  const served = new WeakSet();
  const fork = () => cluster.fork().once("listening", function () {
    served.add(this);
  });
  const stopAll = (signal) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  cluster.on("exit", (worker, code, signal) => {
    // Killed (the OOM killer, an operator) or ended after it served: replace it.
    if (!stopping && (served.has(worker) || signal)) {
      console.error(`ikon worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
      fork();
      return;
    }
    // A worker that failed before it listened (configuration, database): stop, do not loop.
    if (!stopping) stopAll("SIGTERM");
    if (code) exitCode = code;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  process.on("SIGINT", () => stopAll("SIGINT"));
  for (let i = 0; i < webConcurrency; i++) fork();
  await new Promise(() => {}); // the workers serve; the primary ends in the exit handler above
}

const development = process.env.NODE_ENV === "development";
const buildDir = process.env.BUILD_DIR ?? "build";

const vite = development
  ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }))
  : undefined;

const loadBuild = () =>
  vite ? vite.ssrLoadModule("virtual:remix/server-build") : import(new URL(`./${buildDir}/server/index.js`, import.meta.url).href);

let runtime;
try {
  runtime = (await loadBuild()).entry.module.runtime;
  await runtime.start();
} catch (error) {
  // Bad configuration or a locked data directory: say what is wrong and stop.
  console.error(`\nikon could not start.\n${error?.message ?? error}\n`);
  process.exit(1);
}
const { logger } = runtime;
const appOrigin = new URL(runtime.env.appUrl).origin;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", runtime.env.trustProxyHops);

app.get("/healthz", (_req, res) => res.type("text/plain").send("ok"));
app.get("/readyz", async (_req, res) => {
  const ready = await runtime.ready();
  res.status(ready ? 200 : 503).type("text/plain").send(ready ? "ready" : "not ready");
});

app.use((req, res, next) => {
  res.locals.cspNonce = runtime.newNonce();
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`, ...(development ? ["'unsafe-inline'"] : [])],
        "style-src": ["'self'", ...(development ? ["'unsafe-inline'"] : [])],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": ["'self'"],
        ...(runtime.env.production && appOrigin.startsWith("https:") ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    // same-origin: no address of ours ever reaches another site, and browsers still send a real
    // Origin on our own form posts (under no-referrer they send "Origin: null", which Remix refuses).
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: appOrigin.startsWith("https:") ? { maxAge: 31536000 } : false,
    crossOriginEmbedderPolicy: false,
  }),
);
app.use((_req, res, next) => {
  res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), interest-cohort=()");
  next();
});
app.use(compression());

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(`${buildDir}/client`, { maxAge: "1h", index: false }));
}

// Request log: method, path without query or tokens, status, time. Never bodies or cookies.
app.use((req, res, next) => {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    logger.info({ method: req.method, path: runtime.loggablePath(req.path), status: res.statusCode, ms: Math.round(ms) }, "request");
  });
  next();
});

// While the database is unreachable: a German 503 at once, with a hint that the form input is
// still there behind the back button. The first failing request is turned into a 503 as well.
const UNAVAILABLE = (post) => `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Gerade nicht erreichbar – Integrationskonferenz</title></head><body><main><h1>Gerade nicht erreichbar</h1><p>Der Dienst ist kurz nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.</p>${post ? "<p>Ihre Eingaben wurden noch nicht gespeichert. Gehen Sie mit der Zurück-Taste Ihres Browsers zurück: Dort steht noch alles, was Sie eingegeben haben. Senden Sie das Formular dann in einer Minute erneut.</p>" : ""}<p><a href="/">Zur Startseite</a></p></main></body></html>`;
app.use((req, res, next) => {
  if (runtime.databaseDown()) {
    return res.status(503).set("Retry-After", "30").type("text/html; charset=utf-8").send(UNAVAILABLE(req.method === "POST"));
  }
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    return writeHead.call(this, status >= 500 && runtime.databaseDown() ? 503 : status, ...rest);
  };
  next();
});

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const csrfCookie = runtime.env.production ? "__Host-ikon_csrf" : "ikon_csrf";
const URLENCODED_LIMIT = 1024 * 1024;

function readCookie(header, name) {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

// CSRF, first line: a state-changing request must come from our own origin. Browsers send Origin
// on every cross-origin POST; Sec-Fetch-Site covers the rest. The form token is the second line.
app.use((req, res, next) => {
  let token = readCookie(req.headers.cookie, csrfCookie);
  if (!token || !/^[A-Za-z0-9_-]{32}$/.test(token)) {
    token = runtime.newCsrfToken();
    res.cookie(csrfCookie, token, { httpOnly: true, sameSite: "lax", secure: runtime.env.production, path: "/" });
  }
  res.locals.csrfToken = token;
  if (SAFE_METHODS.has(req.method)) return next();
  // "Origin: null" (privacy settings, some redirects): then Sec-Fetch-Site decides (sent by every
  // current browser), and the form token in any case.
  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  const ownOrigin = `${req.protocol}://${req.headers.host}`;
  const originOk =
    origin && origin !== "null" ? origin === appOrigin || origin === ownOrigin : site !== "cross-site" && site !== "same-site";
  if (!originOk) {
    logger.warn({ method: req.method, path: runtime.loggablePath(req.path) }, "cross-origin request refused");
    return res.status(403).type("text/plain; charset=utf-8").send("Anfrage abgelehnt: Sie kam nicht von dieser Website.");
  }
  const type = req.headers["content-type"] ?? "";
  const length = Number(req.headers["content-length"] ?? 0);
  if (!type.startsWith("multipart/form-data") && length > URLENCODED_LIMIT) {
    return res.status(413).type("text/plain; charset=utf-8").send("Die Anfrage ist zu groß.");
  }
  next();
});

const getLoadContext = (req, res) => ({
  // req.ip honours TRUST_PROXY_HOPS only; IPv6 counts per /64 (see clientAddress).
  clientIp: runtime.clientAddress(req.ip ?? req.socket.remoteAddress ?? "unknown"),
  cspNonce: res.locals.cspNonce,
  csrfToken: res.locals.csrfToken,
});
const build = vite ? undefined : await loadBuild();
// Public pages for anonymous visitors come from the full-page cache (app/server/page-cache.server.ts).
if (build) app.use(runtime.pageCache({ build, getLoadContext, csrfCookie }));
app.all("*", createRequestHandler({ build: build ?? (() => loadBuild()), getLoadContext }));

const server = app.listen(runtime.env.port, () => {
  logger.info(`ikon listens on ${runtime.env.appUrl} (port ${runtime.env.port})`);
});

// SIGTERM (rolling restart, Ctrl-C): take no new connections, let running requests finish,
// then stop the mail worker and close the database cleanly.
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 30_000);
  force.unref();
  server.close(async () => {
    await runtime.stop();
    await vite?.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

// The HTTP server: Express in front of Remix. It owns what must happen before a route runs
// (security headers with a CSP nonce, the CSRF cookie, the Origin check, body limits) and the
// process lifecycle (start, graceful SIGTERM). Everything else lives in the app, reached via the build.
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
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
  const fork = () =>
    cluster.fork().once("listening", function () {
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
  vite
    ? vite.ssrLoadModule("virtual:remix/server-build")
    : import(new URL(`./${buildDir}/server/index.js`, import.meta.url).href);

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

// In-flight responses, so a shutdown can tell them to close their connection when done.
const inflight = new Set();
let stopping = false;
app.use((_req, res, next) => {
  if (stopping) res.setHeader("Connection", "close");
  inflight.add(res);
  res.on("close", () => inflight.delete(res));
  next();
});

app.get("/healthz", (_req, res) => res.type("text/plain").send("ok"));
app.get("/readyz", async (_req, res) => {
  const ready = await runtime.ready();
  res
    .status(ready ? 200 : 503)
    .type("text/plain")
    .send(ready ? "ready" : "not ready");
});

// /metrics (Prometheus): on METRICS_PORT, a port of its own that the proxy does not publish, and/or
// behind METRICS_TOKEN (Authorization: Bearer …). Neither set: no /metrics at all.
const metrics =
  runtime.env.metricsPort || runtime.env.metricsToken ? runtime.createMetrics((await loadBuild()).routes) : undefined;
async function serveMetrics(req, res) {
  if (!metrics.authorised(req.headers.authorization)) {
    return res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("unauthorised");
  }
  const { contentType, body } = await metrics.render();
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Type", contentType);
  res.end(body);
}
let metricsServer;
if (metrics && runtime.env.metricsPort) {
  const metricsApp = express();
  metricsApp.disable("x-powered-by");
  metricsApp.get("/metrics", serveMetrics);
  metricsServer = metricsApp.listen(runtime.env.metricsPort, () =>
    logger.info(`metrics on port ${runtime.env.metricsPort} (/metrics)`),
  );
} else if (metrics) {
  app.get("/metrics", serveMetrics);
}

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
        "script-src": [
          "'self'",
          (_req, res) => `'nonce-${res.locals.cspNonce}'`,
          ...(development ? ["'unsafe-inline'"] : []),
        ],
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
    metrics?.observe(req.method, req.path, res.statusCode, ms / 1000);
    logger.info(
      { method: req.method, path: runtime.loggablePath(req.path), status: res.statusCode, ms: Math.round(ms) },
      "request",
    );
  });
  next();
});

// A path with control characters (%00, %0A …) or broken percent-encoding names no page of ours:
// 404 here, before it can reach a route, a database query or a log line.
app.use((req, res, next) => {
  let path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    path = "\u0000";
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(path))
    return res.status(404).type("text/plain; charset=utf-8").send("Diese Seite gibt es nicht.");
  next();
});

// While the database is unreachable: a German 503 at once, with a hint that the form input is
// still there behind the back button. The first failing request is turned into a 503 as well.
const UNAVAILABLE = (post) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Gerade nicht erreichbar – Integrationskonferenz</title></head><body><main><h1>Gerade nicht erreichbar</h1><p>Der Dienst ist kurz nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.</p>${post ? "<p>Ihre Eingaben wurden noch nicht gespeichert. Gehen Sie mit der Zurück-Taste Ihres Browsers zurück: Dort steht noch alles, was Sie eingegeben haben. Senden Sie das Formular dann in einer Minute erneut.</p>" : ""}<p><a href="/">Zur Startseite</a></p></main></body></html>`;
app.use((req, res, next) => {
  if (runtime.databaseDown()) {
    return res
      .status(503)
      .set("Retry-After", "30")
      .type("text/html; charset=utf-8")
      .send(UNAVAILABLE(req.method === "POST"));
  }
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    return writeHead.call(this, status >= 500 && runtime.databaseDown() ? 503 : status, ...rest);
  };
  next();
});

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const csrfCookie = runtime.env.production ? "__Host-ikon_csrf" : "ikon_csrf";

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
    origin && origin !== "null"
      ? origin === appOrigin || origin === ownOrigin
      : site !== "cross-site" && site !== "same-site";
  if (!originOk) {
    logger.warn({ method: req.method, path: runtime.loggablePath(req.path) }, "cross-origin request refused");
    return res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("Anfrage abgelehnt: Sie kam nicht von dieser Website.");
  }
  next();
});

// Bodies: one byte limit for every body type, counted while the body streams in (chunked or not,
// whatever Content-Length claims), and a cap on the fields of urlencoded forms. Multipart only on
// the upload routes, and only form bodies at all. Past a limit: 413 (415) at once with "Connection: close"; the rest of the body
// is read and dropped unbuffered (at most DISCARD_MAX bytes, DISCARD_MS long) and only then the
// connection closed: closing while the client still sends would reset it before it reads the answer.
const TOO_LARGE = "Die Anfrage ist zu groß.";
const DISCARD_MAX = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const policy = runtime.bodyPolicy(req.path);
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const countFields = type.startsWith("application/x-www-form-urlencoded");
  // What the parser handed over before this ran is counted too.
  let bytes = req.readableLength;
  let fields = 1;
  let refused = false;
  let discarded = 0;
  let bodyEnded = req.complete;
  let closeWanted = false;
  let lingerTimer;
  const socket = req.socket;
  const destroySoon = socket.destroySoon;
  const close = () => {
    clearTimeout(lingerTimer);
    socket.destroySoon = destroySoon;
    socket.destroySoon();
  };
  function refuse(status, text) {
    refused = true;
    res.locals.bodyRefused = true;
    // Node closes a "Connection: close" answer's socket once it is written: not before the body ended.
    socket.destroySoon = () => {
      closeWanted = true;
      if (bodyEnded) close();
    };
    lingerTimer = setTimeout(() => socket.destroy(), DISCARD_MS);
    lingerTimer.unref();
    if (!res.headersSent) res.status(status).set("Connection", "close").type("text/plain; charset=utf-8").send(text);
  }
  const push = req.push;
  // The HTTP parser hands every body chunk to req.push: counting there sees each byte exactly once,
  // before anything buffers it.
  req.push = function (chunk, encoding) {
    if (chunk === null || chunk === undefined) {
      bodyEnded = true;
      if (closeWanted) setImmediate(close);
      return push.call(this, chunk, encoding);
    }
    if (refused) {
      discarded += chunk.length;
      if (discarded > DISCARD_MAX) socket.destroy();
      return true;
    }
    bytes += chunk.length;
    if (countFields)
      for (let i = chunk.indexOf(0x26); i !== -1 && fields <= policy.fields; i = chunk.indexOf(0x26, i + 1))
        fields += 1;
    if (bytes > policy.bytes || fields > policy.fields) {
      refuse(413, TOO_LARGE);
      res.locals.abort?.abort();
      // The reader (Remix, busboy) sees an error, never a silently truncated body.
      if (req.listenerCount("error")) req.emit("error", Object.assign(new Error("body too large"), { status: 413 }));
      return true;
    }
    return push.call(this, chunk, encoding);
  };
  // Every action of ours reads a form: any other body (JSON, text, none) names no form of ours.
  const multipart = type.startsWith("multipart/form-data");
  if (multipart && !policy.multipart) return refuse(415, "Diese Adresse nimmt keine Dateien an.");
  if (!multipart && !countFields) return refuse(415, "Diese Adresse nimmt nur Formulare an.");
  if (Number(req.headers["content-length"] ?? 0) > policy.bytes) return refuse(413, TOO_LARGE);
  next();
});

/**
 * The request body for Remix. Unlike Remix's own adapter, a reader that gives up (busboy on a
 * malformed part) does not destroy the socket: the rest is drained and the client still gets its answer.
 * So is the body of a request answered without reading it (a refusal before the form is read):
 * otherwise the paused connection would sit until the keep-alive timeout resets it mid-upload.
 */
function bodyStream(req, res) {
  let done = false;
  res.on("finish", () => {
    if (req.complete) return;
    done = true;
    req.resume();
  });
  const finish = (fn) => {
    if (done) return;
    done = true;
    fn();
  };
  return new ReadableStream(
    {
      start(controller) {
        req.on("data", (chunk) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once("end", () => finish(() => controller.close()));
        req.once("error", (error) => finish(() => controller.error(error)));
        req.once("close", () => finish(() => controller.error(new Error("request closed before its body ended"))));
      },
      pull() {
        req.resume();
      },
      cancel() {
        done = true;
        req.resume();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/** The Remix request, as @remix-run/express builds it, with an abort signal the body limit can pull. */
function remixRequest(req, res) {
  // req.hostname respects "trust proxy"; the port comes from X-Forwarded-Host or Host.
  const port = [req.get("X-Forwarded-Host"), req.get("host")]
    .map((h) => Number.parseInt(h?.split(":")[1] ?? "", 10))
    .find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const controller = new AbortController();
  res.locals.abort = controller;
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = bodyStream(req, res);
    init.duplex = "half";
  }
  // Abort loaders and actions once no answer can be written (close without finish).
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => {
    if (!finished) controller.abort();
  });
  return new Request(url.href, init);
}

/** Writes Remix's answer, as @remix-run/express does. */
async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

const getLoadContext = (req, res) => ({
  // req.ip honours TRUST_PROXY_HOPS only; IPv6 counts per /64 (see clientAddress).
  clientIp: runtime.clientAddress(req.ip ?? req.socket.remoteAddress ?? "unknown"),
  cspNonce: res.locals.cspNonce,
  csrfToken: res.locals.csrfToken,
});
const build = vite ? undefined : await loadBuild();
// Public pages for anonymous visitors come from the full-page cache (app/server/page-cache.server.ts).
if (build) app.use(runtime.pageCache({ build, getLoadContext, csrfCookie }));
const handleRemix = createRequestHandler(build ?? (() => loadBuild()), process.env.NODE_ENV);
app.all("*", async (req, res, next) => {
  try {
    const response = await handleRemix(remixRequest(req, res), getLoadContext(req, res));
    // Already answered (413 while the body streamed in): the route's answer is dropped.
    if (res.locals.bodyRefused || res.headersSent) return;
    await sendRemixResponse(res, response);
  } catch (error) {
    if (res.locals.bodyRefused) return;
    next(error);
  }
});

const server = app.listen(runtime.env.port, () => {
  logger.info(`ikon listens on ${runtime.env.appUrl} (port ${runtime.env.port})`);
});

// SIGTERM (rolling restart, Ctrl-C): take no new connections; running requests finish and close
// their connection (Connection: close), idle keep-alive connections are closed at once. After the
// drain deadline every connection is closed. Then, always: stop the mail worker and the scheduler
// and close the database (the PGlite directory must be free for the next process at once).
const DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 10_000);
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, inFlight: inflight.size }, "shutting down");
  metricsServer?.close();
  // Last resort, should stopping itself hang.
  const hung = setTimeout(() => {
    logger.error("shutdown did not finish: exiting");
    process.exit(1);
  }, DRAIN_MS + 15_000);
  hung.unref();
  for (const res of inflight) if (!res.headersSent) res.setHeader("Connection", "close");
  const closed = new Promise((resolve) => server.close(() => resolve(true)));
  server.closeIdleConnections();
  // Connections that finish a response become idle: close them as they do.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  let deadline;
  const drained = await Promise.race([
    closed,
    new Promise((resolve) => (deadline = setTimeout(() => resolve(false), DRAIN_MS))),
  ]);
  clearTimeout(deadline);
  clearInterval(idle);
  if (!drained) {
    logger.warn({ inFlight: inflight.size }, "drain deadline passed: closing all connections");
    server.closeAllConnections();
  }
  let code = 0;
  try {
    await runtime.stop();
    await vite?.close();
  } catch (error) {
    logger.error({ err: String(error) }, "stopping failed");
    code = 1;
  }
  process.exit(code);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

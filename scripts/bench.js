// npm run bench — builds, starts the app like production and measures it with autocannon.
// Writes docs/benchmarks.md (figure, value, target, machine) and docs/benchmarks.json.
// On PGlite always; on PostgreSQL too when BENCH_DATABASE_URL is set. Not part of npm test.
import { execSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import getPort from "get-port";
import { roomBench } from "./bench-room.js";
import { startFlags } from "./start-flags.js";

const SKIP_BUILD = process.argv.includes("--no-build");
// --only=ladder: just the ratio ladder (quick check); the default runs every figure.
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
// What browsers send; compression is part of what a visitor costs.
const BROWSER = { "accept-encoding": "gzip, deflate, br" };
// Any cookie besides the CSRF cookie and the language makes a request bypass the page cache: what a
// signed-in visitor (or a page with a flash message) costs.
const UNCACHED = { ...BROWSER, cookie: "bench=uncached" };
const START = startFlags();
if (!SKIP_BUILD) execSync("npx remix vite:build", { stdio: "inherit" });
// The machine's load at the start and the end: figures from a busy machine are lower bounds.
const loadAtStart = os.loadavg()[0];

async function start(label, extraEnv = {}) {
  const port = await getPort();
  const dataDir = extraEnv.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "ikon-bench-"));
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [...START.args, "server.js"], {
    env: {
      ...process.env,
      ...START.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      MAIL_POLL_MS: "1000",
      ...extraEnv,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${label}: server exited`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return { url, dataDir, child, startMs: performance.now() - t0, label };
}

async function stop(app) {
  app.child.kill("SIGTERM");
  await new Promise((r) => app.child.on("exit", r));
}

/** Peak resident memory of the server process so far (VmHWM), in MB. */
function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

function load(url, opts = {}) {
  // A fixed number of requests (`amount`) replaces the duration; autocannon refuses both.
  const settings = { url, connections: 50, ...(opts.amount ? {} : { duration: 10 }), ...opts };
  if (settings.duration === undefined) delete settings.duration;
  return new Promise((resolve, reject) => {
    autocannon(settings, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/**
 * The ceiling: a bare node:http server (own process, like the app) answering every request with the
 * same bytes as the conference page. Every throughput below is also given as a share of it, measured
 * in the same run, so the figures compare across machines and loads.
 */
async function startBare(html) {
  const port = await getPort();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "ikon-bare-")), "page.html");
  writeFileSync(file, html);
  const code = `const b=require("fs").readFileSync(${JSON.stringify(file)});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":b.length});s.end(b)}).listen(${port},"127.0.0.1",()=>console.log("up"))`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => child.stdout.once("data", resolve));
  return { url: `http://127.0.0.1:${port}/`, child };
}

// Shares of the ceiling before issue #19 (2026-12-01, PGlite, browser-like Accept-Encoding).
const BEFORE = { healthz: "46 %", impressum: "1.7 %", conference: "0.25 %", spike: { pglite: 25, postgres: 38 } };

/** Ceiling ladder: bare server, /healthz, /impressum and the conference page (cached and not), in one run. */
async function ladder(db, app, year) {
  const conference = `${app.url}/konferenzen/${year}`;
  const html = await (await fetch(conference)).text();
  const bare = await startBare(html);
  const ceiling = await load(bare.url, { headers: BROWSER });
  bare.child.kill();
  const share = (r) => (r.requests.average / ceiling.requests.average) * 100;
  record(
    "ceiling: bare node:http, same bytes as the conference page",
    ceiling.requests.average,
    "req/s",
    "100 %",
    true,
    db,
    "100 %",
  );
  const steps = [
    ["/healthz (Express only)", `${app.url}/healthz`, BROWSER, "info", BEFORE.healthz],
    ["/impressum, anonymous (page cache)", `${app.url}/impressum`, BROWSER, "≥ 20 %", BEFORE.impressum],
    ["/impressum, not from the cache (rendered)", `${app.url}/impressum`, UNCACHED, "info", ""],
    ["conference page, anonymous (page cache)", conference, BROWSER, "≥ 20 %", BEFORE.conference],
    ["conference page, not from the cache (rendered)", conference, UNCACHED, "info", ""],
  ];
  let rendered = 0;
  for (const [label, url, headers, target, before] of steps) {
    const r = await load(url, { headers });
    if (url === conference && headers === UNCACHED) rendered = r.requests.average;
    if (r.non2xx) throw new Error(`${label}: ${r.non2xx} answers not 2xx`);
    const pct = share(r);
    // Requests that timed out (10 s) count against the figure: a share of nothing is no result.
    const answered = r.timeouts === 0 && r["2xx"] > 0;
    if (!answered) record(`${label}: timeouts`, r.timeouts, `of ${r.requests.sent}`, "0", false, db);
    const ok = answered && (target === "info" || pct >= 20);
    record(`${label}: throughput`, r.requests.average, "req/s", "info", true, db);
    record(`${label}: share of the ceiling`, pct, "%", target, ok, db, before);
    const p99Target = target === "info" ? "info" : "< 100";
    record(
      `${label}: p99 latency`,
      r.latency.p99,
      "ms",
      p99Target,
      answered && (p99Target === "info" || r.latency.p99 < 100),
      db,
    );
  }
  return { ceiling: ceiling.requests.average, rendered };
}

/** WEB_CONCURRENCY=2 against one process: the rendered conference page (PostgreSQL only). */
async function twoWorkers(db, env, dataDir, year, ceiling, rendered) {
  const two = await start(`${db} ×2`, { ...env, DATA_DIR: dataDir, WEB_CONCURRENCY: "2" });
  const both = await load(`${two.url}/konferenzen/${year}`, { headers: UNCACHED });
  await stop(two);
  record("WEB_CONCURRENCY=2: conference page, rendered: throughput", both.requests.average, "req/s", "info", true, db);
  record(
    "WEB_CONCURRENCY=2: conference page, rendered: share of the ceiling",
    (both.requests.average / ceiling) * 100,
    "%",
    "info",
    true,
    db,
  );
  record(
    "WEB_CONCURRENCY=2 / one process (conference page, rendered)",
    both.requests.average / rendered,
    "×",
    "info",
    true,
    db,
    "×1.36 (what-if)",
  );
}

async function jsBytesGzip(pageUrl) {
  const html = await (await fetch(pageUrl)).text();
  const srcs = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  // Remix also imports route modules from the inline manifest.
  for (const m of html.matchAll(/"(\/assets\/[^"]+\.js)"/g)) srcs.add(m[1]);
  let total = 0;
  for (const src of srcs)
    total += gzipSync(Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer()), { level: 9 }).length;
  return { bytes: total, files: srcs.size };
}

const results = [];
function record(figure, value, unit, target, ok, db, before = "") {
  results.push({ figure, value: Math.round(value * 100) / 100, unit, target, ok, db, before });
  console.log(`${ok ? "✓" : "✗"} [${db}] ${figure}: ${value.toFixed(2)} ${unit} (target ${target})`);
}

/** Opens the (stopped) app's embedded database or the PostgreSQL one for setup and checks. */
async function withDb(app, env, fn) {
  if (env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return await fn((q, p) => client.query(q, p).then((r) => r.rows));
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create(path.join(app.dataDir, "db"));
  try {
    return await fn((q, p) => client.query(q, p).then((r) => r.rows));
  } finally {
    await client.close();
  }
}

/** 1,000 registrations from 200 concurrent clients for 300 seats. */
async function registrationSpike(db, env, dataDir, year, ceiling) {
  const app = await start(db, { ...env, DATA_DIR: dataDir, TRUST_PROXY_HOPS: "1" });
  await stop(app);
  await withDb(app, env, async (q) => {
    await q("update conferences set capacity = 300 where year = $1", [Number(year)]);
    await q("delete from registrations where conference_id = (select id from conferences where year = $1)", [
      Number(year),
    ]);
  });
  const live = await start(db, { ...env, DATA_DIR: dataDir, TRUST_PROXY_HOPS: "1" });
  const formUrl = `${live.url}/konferenzen/${year}/anmeldung`;
  const page = await fetch(formUrl);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  let n = 0;
  const result = await load(formUrl, {
    connections: 200,
    amount: 1000,
    duration: undefined,
    method: "POST",
    headers: { origin: live.url, cookie, "content-type": "application/x-www-form-urlencoded" },
    requests: [
      {
        setupRequest(req) {
          const i = n++;
          return {
            ...req,
            headers: { ...req.headers, "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
            body: new URLSearchParams({
              _csrf: csrf,
              firstName: "Bench",
              lastName: `Nr ${i}`,
              email: `bench${i}@example.org`,
              organisation: "Verein",
              organisationType: "volunteer",
              photoConsent: "no",
              privacyConsent: "on",
            }).toString(),
          };
        },
      },
    ],
  });
  const rss = peakRssMb(live.child.pid);
  await stop(live);
  const seats = await withDb(live, env, (q) =>
    q(
      "select count(*)::int as n from registrations r join conferences c on c.id = r.conference_id where c.year = $1 and r.status in ('held','confirmed')",
      [Number(year)],
    ),
  );
  // The form answers 303 to "check your inbox" (before: 200 with the answer page).
  const ok2xx = result["2xx"] + result["3xx"];
  const spikeBefore = BEFORE.spike[db];
  record(
    "registration spike: throughput (1,000 from 200 clients)",
    result.requests.average,
    "req/s",
    `≥ ${2 * spikeBefore}`,
    result.requests.average >= 2 * spikeBefore,
    db,
    `${spikeBefore} req/s`,
  );
  if (ceiling)
    record(
      "registration spike: share of the ceiling",
      (result.requests.average / ceiling) * 100,
      "%",
      "info",
      true,
      db,
    );
  record("registration spike: p50 latency", result.latency.p50, "ms", "info", true, db);
  record(
    "registration spike: p95 latency",
    result.latency.p97_5 >= 0 ? percentile95(result) : 0,
    "ms",
    "< 500",
    percentile95(result) < 500,
    db,
  );
  record("registration spike: p99 latency", result.latency.p99, "ms", "info", true, db);
  record("registration spike: answered 2xx/303", ok2xx, "of 1000", "1000", ok2xx === 1000, db);
  record("registration spike: seats held or confirmed", seats[0].n, "of 300", "exactly 300", seats[0].n === 300, db);
  record("peak RSS during the registration spike", rss, "MB", "< 400", rss < 400, db);
}

async function signInOrganiser(app) {
  const page = await fetch(`${app.url}/login`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${app.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: app.url, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      _csrf: csrf,
      intent: "password",
      email: "orga@ikon.example",
      password: "Konferenz-Demo-2026",
    }),
  });
  return [
    cookie,
    res.headers
      .getSetCookie()
      .find((c) => c.includes("ikon_session="))
      .split(";")[0],
  ].join("; ");
}

/** Median of n sequential requests, in ms (server time on an otherwise idle server). */
async function medianMs(url, cookie, n = 7) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} → ${res.status}`);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

/** The organiser's list and exports with 5,000 registrations; search over 2,000 library entries. */
async function dataVolume(db, env, dataDir, year, ceiling) {
  const probe = await start(db, { ...env, DATA_DIR: dataDir });
  await stop(probe);
  await withDb(probe, env, async (q) => {
    await q(
      `insert into registrations (conference_id, email, first_name, last_name, organisation, organisation_type, status, privacy_version, privacy_consent_at, manage_token_hash, manage_salt, confirmed_at)
       select c.id, 'viele' || g || '@example.org', 'Vorname' || g, 'Nachname' || g, 'Organisation ' || (g % 50), 'volunteer', 'confirmed', 'v1', now(), 'bench-' || g, 'salt', now()
       from conferences c, generate_series(1, 5000) g where c.year = $1 on conflict do nothing`,
      [Number(year)],
    );
    await q(
      `insert into library_entries (slug, title, year, type, description, file_text, published, published_at)
       select 'bench-' || g, 'Bericht ' || g || ' zur Sprachförderung im Stadtteil', 2000 + (g % 25), 'sonstiges',
              'Maßnahmen der Integrationsarbeit, Sprachförderkonzept und Beratung, Teil ' || g, repeat('Integrationsmonitoring Bildung Beschäftigung ', 20), true, now()
       from generate_series(1, 2000) g on conflict do nothing`,
    );
  });
  const app = await start(db, { ...env, DATA_DIR: dataDir });
  const cookie = await signInOrganiser(app);
  const base = `${app.url}/verwaltung/konferenzen/${year}/teilnehmende`;
  const list = await medianMs(base, cookie);
  record("organiser participant list (5,000 registrations, page 1)", list, "ms", "< 150", list < 150, db);
  const csv = await medianMs(`${base}.csv`, cookie, 3);
  record("CSV export of 5,000 registrations", csv, "ms", "< 1000", csv < 1000, db);
  const xlsx = await medianMs(`${base}.xlsx`, cookie, 3);
  record("XLSX export of 5,000 registrations", xlsx, "ms", "info", true, db);
  // Not from the page cache: every search runs its queries. One visitor at a time (the latency of
  // one search), then ten at once (the queue on two cores).
  const single = await load(`${app.url}/suche?q=Sprachf%C3%B6rderung`, {
    connections: 1,
    duration: 10,
    headers: UNCACHED,
  });
  record(
    "search over 2,000 library entries, one visitor at a time: p95",
    percentile95(single),
    "ms",
    "< 50",
    percentile95(single) < 50,
    db,
  );
  const search = await load(`${app.url}/suche?q=Sprachf%C3%B6rderung`, {
    connections: 10,
    duration: 10,
    headers: UNCACHED,
  });
  record("search over 2,000 library entries, 10 visitors at once: p95", percentile95(search), "ms", "info", true, db);
  record("search throughput", search.requests.average, "req/s", "info", true, db);
  if (ceiling) record("search: share of the ceiling", (search.requests.average / ceiling) * 100, "%", "info", true, db);
  await stop(app);
}

/** 300 phones in the room liking one question at once while the room view follows the stream. */
async function discussionRoom(db, env, dataDir, year) {
  const probe = await start(db, { ...env, DATA_DIR: dataDir });
  await stop(probe);
  const [room] = await withDb(probe, env, (q) =>
    q(
      `select c.day_code as code, i.id as "inputId",
              (select q.id from discussion_questions q where q.input_id = i.id and q.status = 'approved' order by q.created_at limit 1) as "questionId"
       from discussion_inputs i join conferences c on c.id = i.conference_id where c.year = $1 limit 1`,
      [Number(year)],
    ),
  );
  const app = await start(db, { ...env, DATA_DIR: dataDir });
  const r = await roomBench({ url: app.url, ...room });
  const rss = peakRssMb(app.child.pid);
  await stop(app);
  const [row] = await withDb(app, env, (q) =>
    q("select like_count as n from discussion_questions where id = $1", [room.questionId]),
  );
  record(
    `room: ${r.clients} likes at once, accepted`,
    r.accepted,
    `of ${r.clients}`,
    `${r.clients}`,
    r.accepted === r.clients,
    db,
  );
  record(
    "room: likes counted in the database",
    row.n - r.countBefore,
    `of ${r.clients}`,
    `exactly ${r.clients}`,
    row.n - r.countBefore === r.clients,
    db,
  );
  record("room: whole burst answered in", r.burstMs, "ms", "info", true, db);
  record("room: like p95 latency", r.likeP95, "ms", "info", true, db);
  record("room: like p99 latency", r.likeP99, "ms", "info", true, db);
  record(
    "room view shows the final count after the last like",
    r.roomViewLagMs,
    "ms",
    "< 2000",
    r.roomViewLagMs < 2000,
    db,
  );
  record(
    `room: phones (of ${r.clients} live streams) showing the final count`,
    r.phonesCurrent,
    `of ${r.clients}`,
    `${r.clients}`,
    r.phonesCurrent === r.clients,
    db,
  );
  record("room: phones' p95 delay to the final count", r.phoneLagP95, "ms", "< 2000", r.phoneLagP95 < 2000, db);
  record("peak RSS with 301 live streams", rss, "MB", "< 400", rss < 400, db);
}

/** Runs scripts/bench-upload.js: a 100 MB upload through the real server, RSS sampled. */
function uploadMemory() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/bench-upload.js", "100"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.on("exit", (code) => {
      const line = out
        .trim()
        .split("\n")
        .reverse()
        .find((l) => l.startsWith("{"));
      if (code !== 0 || !line) return reject(new Error(`bench-upload failed (${code})`));
      resolve(JSON.parse(line));
    });
  });
}

/** autocannon reports p97.5 and p99; p95 lies between them — take the histogram's value when present. */
function percentile95(result) {
  return result.latency.p95 ?? result.latency.p97_5;
}

async function benchDatabase(db, env) {
  // The demo: npm start loads it into an empty embedded database, on PostgreSQL `npm run db:seed`.
  if (env.DATABASE_URL) execSync("npx tsx scripts/seed.ts", { stdio: "inherit", env: { ...process.env, ...env } });
  // Cold start: first start initialises the database; the second start is what a restart costs.
  const first = await start(db, env);
  const year = /\/konferenzen\/(\d{4})/.exec(await (await fetch(first.url)).text())?.[1];
  if (!year) throw new Error(`${db}: no conference on the start page (demo missing?)`);
  await stop(first);
  const app = await start(db, { ...env, DATA_DIR: first.dataDir });
  record("cold start (existing data)", app.startMs, "ms", "< 3000", app.startMs < 3000, db);
  record("first start (new data directory, demo)", first.startMs, "ms", "info", true, db);

  const { ceiling, rendered } = await ladder(db, app, year);
  if (ONLY === "ladder") {
    record("peak RSS under load", peakRssMb(app.child.pid), "MB", "< 400", peakRssMb(app.child.pid) < 400, db);
    await stop(app);
    if (env.DATABASE_URL) await twoWorkers(db, env, first.dataDir, year, ceiling, rendered);
    return;
  }

  // Rendered (not from the page cache), without compression: what the app itself costs.
  const conference = `${app.url}/konferenzen/${year}`;
  const baseline = await load(`${app.url}/impressum`, { headers: { cookie: UNCACHED.cookie } });
  const page = await load(conference, { headers: { cookie: UNCACHED.cookie } });
  const ratio = page.requests.average / baseline.requests.average;
  record("baseline static page (/impressum) throughput", baseline.requests.average, "req/s", "info", true, db);
  record("public conference page throughput", page.requests.average, "req/s", "info", true, db);
  record("public conference page / baseline", ratio * 100, "%", "≥ 50", ratio >= 0.5, db);
  record("public conference page p95 latency", percentile95(page), "ms", "info", true, db);

  const js = await jsBytesGzip(conference);
  record(
    `JavaScript on the conference page (gzip, ${js.files} files)`,
    js.bytes / 1024,
    "KB",
    "≤ 100",
    js.bytes / 1024 <= 100,
    db,
  );
  const html = await (await fetch(conference)).text();
  record("HTML of the conference page (uncompressed)", Buffer.byteLength(html) / 1024, "KB", "info", true, db);
  const messagesSrc = /<script[^>]+src="(\/i18n\/[^"]+\.js)"/.exec(html)?.[1];
  const messages = messagesSrc
    ? gzipSync(Buffer.from(await (await fetch(new URL(messagesSrc, conference))).arrayBuffer()), { level: 9 }).length
    : 0;
  record("messages of the page's language (gzip, one file cached for a year)", messages / 1024, "KB", "info", true, db);

  const rss = peakRssMb(app.child.pid);
  record("peak RSS under load", rss, "MB", "< 400", rss < 400, db);
  await stop(app);

  if (env.DATABASE_URL) await twoWorkers(db, env, first.dataDir, year, ceiling, rendered);
  await registrationSpike(db, env, first.dataDir, year, ceiling);
  await discussionRoom(db, env, first.dataDir, year);
  await dataVolume(db, env, first.dataDir, year, ceiling);
}

await benchDatabase("pglite", {});
const upload = ONLY ? undefined : await uploadMemory();
if (upload)
  record(
    "peak RSS while a 100 MB upload streams in",
    upload.rssPeakMB,
    "MB",
    "< 400",
    upload.rssPeakMB < 400 && upload.status < 300,
    "pglite",
  );
if (upload) record("RSS growth during the 100 MB upload", upload.rssGrowthMB, "MB", "info", true, "pglite");
if (process.env.BENCH_DATABASE_URL) {
  await benchDatabase("postgres", {
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0",
    SEED_DEMO: "true",
  });
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const loadNote = `Load average (1 min) at the start ${loadAtStart.toFixed(1)}, at the end ${os.loadavg()[0].toFixed(1)}.`;
// A partial run (--only) prints its figures but leaves the recorded ones alone.
if (ONLY) process.exit(0);
writeFileSync("docs/benchmarks.json", JSON.stringify({ date, machine, loadNote, results }, null, 2) + "\n");
const rows = results.map(
  (r) => `| ${r.figure} | ${r.db} | ${r.before} | ${r.value} ${r.unit} | ${r.target} | ${r.ok ? "✓" : "✗ missed"} |`,
);
writeFileSync(
  "docs/benchmarks.md",
  `# Benchmarks\n\nWritten by \`npm run bench\` on ${date}. Machine: ${machine}.\n${loadNote}\nLoad: autocannon, 50 connections, 10 s per figure, on the same machine as the server.\nShares of the ceiling: throughput divided by that of a bare \`node:http\` server sending the same bytes,\nmeasured in the same run; requests send \`Accept-Encoding: gzip, deflate, br\` like browsers. "before": issue #19.\n\n| figure | database | before | value | target | |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n`,
);
console.log("wrote docs/benchmarks.md and docs/benchmarks.json");

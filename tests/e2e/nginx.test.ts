import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import getPort from "get-port";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startApp, type RunningApp } from "../support/app";
import { makePdf } from "../support/files";

// Debian's nginx with a self-signed certificate in front of two instances on one PostgreSQL, with
// deploy/nginx.conf, the file docs/operations.md shows: only its marked values are replaced.
const databaseUrl = process.env.TEST_DATABASE_URL;
const hasNginx = spawnSync("nginx", ["-v"]).status === 0 && spawnSync("openssl", ["version"]).status === 0;

const dir = mkdtempSync(path.join(tmpdir(), "ikon-nginx-"));
const apps: RunningApp[] = [];
let nginx: ChildProcess | undefined;
let admin: pg.Client | undefined;
let db: pg.Client | undefined;
let dbName = "";
let base = "";
let plainBase = "";
let ca: Buffer;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One request through nginx over TLS (trusting only the test's certificate), from a chosen local address. */
function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const lib = u.protocol === "https:" ? https : http;
    const req = lib.request(
      u,
      { method: opts.method ?? "GET", headers: opts.headers, ca, localAddress: opts.from, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

const cookiesOf = (answer: Answer) => (answer.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);
const csrfIn = (answer: Answer) => /name="_csrf" value="([^"]+)"/.exec(answer.body.toString())![1]!;

function formPost(
  pathname: string,
  cookie: string,
  fields: Record<string, string>,
  from?: string,
  extra: Record<string, string> = {},
) {
  return request(base + pathname, {
    method: "POST",
    from,
    headers: { origin: base, cookie, "content-type": "application/x-www-form-urlencoded", ...extra },
    body: Buffer.from(new URLSearchParams(fields).toString()),
  });
}

async function startNginx(appPorts: number[], httpsPort: number) {
  const httpPort = await getPort();
  execOrThrow("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=127.0.0.1",
    "-addext",
    "subjectAltName=IP:127.0.0.1",
    "-keyout",
    `${dir}/key.pem`,
    "-out",
    `${dir}/cert.pem`,
  ]);
  ca = readFileSync(`${dir}/cert.pem`);
  const site = replaceAll(readFileSync("deploy/nginx.conf", "utf8"), [
    ["server 127.0.0.1:3000 ", `server 127.0.0.1:${appPorts[0]} `],
    ["server 127.0.0.1:3001 ", `server 127.0.0.1:${appPorts[1]} `],
    ["listen 80;", `listen 127.0.0.1:${httpPort};`],
    ["listen 443 ssl", `listen 127.0.0.1:${httpsPort} ssl`],
    ["/etc/ssl/ikon/fullchain.pem", `${dir}/cert.pem`],
    ["/etc/ssl/ikon/privkey.pem", `${dir}/key.pem`],
    ["/srv/ikon/", `${process.cwd()}/`],
  ]);
  writeFileSync(`${dir}/ikon.conf`, site);
  const temp = ["body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `${t === "body" ? "client_body" : t}_temp_path ${dir}/${t};`)
    .join(" ");
  writeFileSync(
    `${dir}/nginx.conf`,
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 256; }
http { include /etc/nginx/mime.types; default_type application/octet-stream; access_log ${dir}/access.log; ${temp} include ${dir}/ikon.conf; }\n`,
  );
  // nginx's workers drop root for an unprivileged user: they must reach the temp directories.
  chmodSync(dir, 0o755);
  execOrThrow("nginx", ["-t", "-p", dir, "-c", `${dir}/nginx.conf`, "-e", `${dir}/error.log`]);
  nginx = spawn("nginx", ["-p", dir, "-c", `${dir}/nginx.conf`, "-e", `${dir}/error.log`], { stdio: "ignore" });
  base = `https://127.0.0.1:${httpsPort}`;
  plainBase = `http://127.0.0.1:${httpPort}`;
}

function replaceAll(text: string, pairs: [string, string][]): string {
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}"`);
    text = text.split(from).join(to);
  }
  return text;
}

function execOrThrow(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  if (!databaseUrl || !hasNginx) return;
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  dbName = `ikon_nginx_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await admin.query(`create database ${dbName}`);
  const dbUrl = new URL(databaseUrl);
  dbUrl.pathname = `/${dbName}`;
  const seeded = await runCli(["scripts/seed.ts"], { DATABASE_URL: dbUrl.toString() });
  expect(seeded.output).toContain("Demo geladen");
  db = new pg.Client({ connectionString: dbUrl.toString() });
  await db.connect();

  const [portA, portB, httpsPort] = [await getPort(), await getPort(), await getPort()];
  // Both instances know their public address: https through nginx.
  const publicUrl = `https://127.0.0.1:${httpsPort}`;
  const shared = {
    DATABASE_URL: dbUrl.toString(),
    SESSION_SECRET: "nginx-test-secret-nginx-test-secret-0123",
    TRUST_PROXY_HOPS: "1",
    APP_URL: publicUrl,
  };
  const [a, b] = await Promise.all([startApp({ port: portA, env: shared }), startApp({ port: portB, env: shared })]);
  apps.push(a!, b!);
  await startNginx([portA, portB], httpsPort);
  await waitFor(async () => (await request(`${base}/healthz`)).status === 200, 30_000, "nginx answers");
}, 400_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once("exit", resolve));
    nginx.kill("SIGQUIT");
    await exited;
  }
  for (const app of apps) {
    await app.stop();
    rmSync(app.dataDir, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  await db?.end();
  if (admin) {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
});

describe.skipIf(!databaseUrl || !hasNginx)("behind nginx (deploy/nginx.conf) with TLS, two instances", () => {
  it("sends HSTS and __Host- cookies over https; plain http is redirected", async () => {
    const page = await request(`${base}/login`);
    expect(page.status).toBe(200);
    expect(page.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
    const csrfCookie = (page.headers["set-cookie"] ?? []).find((c) => c.startsWith("__Host-ikon_csrf="))!;
    expect(csrfCookie).toMatch(/; Path=\//);
    expect(csrfCookie).toMatch(/; Secure/);
    expect(csrfCookie).not.toMatch(/Domain=/i);

    const signedIn = await formPost("/login", cookiesOf(page).join("; "), {
      _csrf: csrfIn(page),
      intent: "password",
      email: "orga@ikon.example",
      password: "Konferenz-Demo-2026",
    });
    expect(signedIn.status).toBe(302);
    const session = (signedIn.headers["set-cookie"] ?? []).find((c) => c.startsWith("__Host-ikon_session="))!;
    for (const part of ["; Path=/", "; HttpOnly", "; Secure"]) expect(session).toContain(part);
    expect(session).not.toMatch(/Domain=/i);

    const plain = await request(`${plainBase}/login`);
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toMatch(/^https:\/\/127\.0\.0\.1\/login$/);
  });

  it("rate-limits by the client's address that nginx forwarded, not by nginx's own or one the client made up", async () => {
    const page = await request(`${base}/barrierefreiheit`, { from: "127.0.0.3" });
    const cookie = cookiesOf(page).join("; ");
    const send = (from: string, forged?: string) =>
      formPost(
        "/barrierefreiheit",
        cookie,
        { _csrf: csrfIn(page), message: "Die Tabelle auf der Zielseite ist schwer zu lesen." },
        from,
        forged ? { "x-forwarded-for": forged } : {},
      );
    // 5 feedback messages per client address and hour; requests alternate between both instances.
    for (let i = 1; i <= 5; i++) expect((await send("127.0.0.3")).status, `message ${i}`).toBe(200);
    expect((await send("127.0.0.3")).status).toBe(429);
    expect((await send("127.0.0.3", "203.0.113.77")).status).toBe(429);
    // Another client behind the same nginx has its own budget.
    expect((await send("127.0.0.4")).status).toBe(200);
  });

  it("passes live updates through at once (event stream unbuffered)", async () => {
    const { rows } = await db!.query(
      "select c.day_code, i.id from discussion_inputs i join conferences c on c.id = i.conference_id where c.day_code is not null limit 1",
    );
    const { day_code: code, id: inputId } = rows[0] as { day_code: string; id: string };
    let received = "";
    const stream = https.get(`${base}/live/${code}/${inputId}/stream`, { ca, headers: { "accept-encoding": "gzip" } });
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      stream.on("response", resolve);
      stream.on("error", reject);
    });
    try {
      expect(response.headers["content-type"]).toMatch(/^text\/event-stream/);
      expect(response.headers["content-encoding"]).toBeUndefined();
      response.on("data", (c: Buffer) => (received += c.toString()));
      await waitFor(async () => received.includes("event: snapshot"), 10_000, "first snapshot");
      const bumped = await db!.query(
        "update discussion_inputs set version = version + 1 where id = $1 returning version",
        [inputId],
      );
      const version = (bumped.rows[0] as { version: number }).version;
      // The change reaches the open stream through nginx within 2 s.
      await waitFor(async () => received.includes(`"version":${version}`), 2_000, "the change through the proxy");
    } finally {
      stream.destroy();
    }
  });

  it("takes a 25 MB upload and serves /assets with long caching and compression", async () => {
    const login = await request(`${base}/login`);
    const signedIn = await formPost("/login", cookiesOf(login).join("; "), {
      _csrf: csrfIn(login),
      intent: "password",
      email: "orga@ikon.example",
      password: "Konferenz-Demo-2026",
    });
    const cookie = [...cookiesOf(login), ...cookiesOf(signedIn)].join("; ");
    const list = await request(`${base}/verwaltung/dokumente`, { headers: { cookie } });
    const entry = /href="(\/verwaltung\/dokumente\/[0-9a-f-]{36})"/.exec(list.body.toString())![1]!;
    const form = await request(base + entry, { headers: { cookie } });
    const pdf = await makePdf("Integrationsbericht");
    const padded = Buffer.concat([
      pdf,
      Buffer.from("\n%"),
      Buffer.alloc(25_000_000 - pdf.length - 3, 0x78),
      Buffer.from("\n"),
    ]);
    expect(padded.length).toBe(25_000_000);
    const body = new FormData();
    body.append("_csrf", csrfIn(form));
    body.append("datei", new Blob([new Uint8Array(padded)], { type: "application/pdf" }), "Integrationsbericht.pdf");
    const encoded = new Request("http://x", { method: "POST", body });
    const uploaded = await request(`${base}${entry}/datei`, {
      method: "POST",
      headers: { origin: base, cookie, "content-type": encoded.headers.get("content-type")! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(
      uploaded.status,
      `${uploaded.body.toString().slice(0, 300)}\n${readFileSync(`${dir}/error.log`, "utf8").slice(-1000)}`,
    ).toBe(303);
    expect(uploaded.headers.location).toContain("hochgeladen=1");

    const script = /(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/.exec(list.body.toString())![1]!;
    const asset = await request(base + script, { headers: { "accept-encoding": "gzip" } });
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    expect(asset.headers["content-encoding"]).toBe("gzip");
  });

  it("skips a stopped instance", async () => {
    await apps[1]!.stop();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request(`${base}/impressum`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  });
});

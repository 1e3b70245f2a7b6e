import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startApp, type RunningApp } from "../support/app";
import { launchBrowser, signedInContext } from "../support/browser";
import { makePdf } from "../support/files";
import { postgresAvailable, privatePostgres } from "../support/postgres";
import { startS3, type TestS3 } from "../support/s3";

// Two instances on one PostgreSQL and one S3 bucket (s3rver, a real S3-protocol server): the demo's
// files go from the disk into the bucket with `npm run storage:migrate`, a file uploaded on A
// downloads on B (whole, by range, earlier versions), and a file gone from the bucket gives the
// German error page instead of a dropped connection.
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const apps: RunningApp[] = [];
let s3: TestS3 | undefined;
let admin: pg.Client | undefined;
let db: pg.Client | undefined;
let browser: Browser | undefined;
let stopPostgres: (() => void) | undefined;
let serverUrl = "";
const dbNames: string[] = [];
const tempDirs: string[] = [];

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) serverUrl = process.env.TEST_DATABASE_URL;
  else if (postgresAvailable()) {
    const own = await privatePostgres();
    serverUrl = own.url;
    stopPostgres = () => own.stop();
  } else return;
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  s3 = await startS3();
});

/** A fresh database for each attempt (the browser project retries a failed test once). */
async function freshDatabase(): Promise<string> {
  const name = `ikon_s3_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await admin!.query(`create database ${name}`);
  dbNames.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  await browser?.close();
  for (const app of apps) await app.stop();
  await db?.end();
  if (admin) {
    for (const name of dbNames) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  await s3?.stop();
  stopPostgres?.();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!process.env.TEST_DATABASE_URL && !postgresAvailable())(
  "uploads in an S3 bucket shared by two instances",
  () => {
    it("migrates the disk into the bucket, serves A's upload on B, and answers a lost file with the German page", async () => {
      // A retry starts over: the first attempt's instances stop, everything else is new.
      for (const app of apps.splice(0)) await app.stop();
      await db?.end();
      db = undefined;
      const dbUrl = await freshDatabase();
      const secret = { SESSION_SECRET: "s3-instances-secret-s3-instances-secret" };
      const seedDir = mkdtempSync(path.join(tmpdir(), "ikon-s3-seed-"));
      tempDirs.push(seedDir);
      // The demo is loaded as before S3: its files land on the disk of one machine.
      const seeded = await runCli(["scripts/seed.ts"], { DATABASE_URL: dbUrl, DATA_DIR: seedDir, ...secret });
      expect(seeded.output).toContain("Demo geladen");
      const bucketEnv = { ...s3!.env, STORAGE: "fs" };
      const migrated = await runCli(["scripts/storage-migrate.ts"], {
        DATABASE_URL: dbUrl,
        DATA_DIR: seedDir,
        ...secret,
        ...bucketEnv,
      });
      expect(migrated.code, migrated.output).toBe(0);
      const copied = Number(/Fertig: (\d+) Dateien übertragen/.exec(migrated.output)?.[1]);
      expect(copied).toBeGreaterThan(0);
      // Again: nothing left to copy.
      const again = await runCli(["scripts/storage-migrate.ts"], {
        DATABASE_URL: dbUrl,
        DATA_DIR: seedDir,
        ...secret,
        ...bucketEnv,
      });
      expect(again.output).toContain(`Fertig: 0 Dateien übertragen, ${copied} schon im Ziel`);

      const shared = { DATABASE_URL: dbUrl, ...secret, ...s3!.env };
      // A also serves /metrics on its main port behind a token (checked at the end).
      const metricsToken = "metrics-token-0123456789";
      const [a, b] = await Promise.all([
        startApp({ env: { ...shared, METRICS_TOKEN: metricsToken } }),
        startApp({ env: shared }),
      ]);
      apps.push(a!, b!);

      db = new pg.Client({ connectionString: dbUrl });
      await db.connect();
      // A demo file that came over by migration, public, read by B with no one signed in.
      const { rows: demo } = await db.query(
        "select f.id, v.sha256 from files f join file_versions v on v.file_id = f.id and v.version = f.current_version where f.public and v.kind = 'pdf' limit 1",
      );
      const demoRes = await fetch(`${b!.url}/dateien/${demo[0].id}`);
      expect(demoRes.status).toBe(200);
      expect(sha256(Buffer.from(await demoRes.arrayBuffer()))).toBe(demo[0].sha256);

      // The organiser uploads a new version of a library entry's file on A …
      browser ??= await launchBrowser();
      const orga = await signedInContext(browser, a!.url);
      const { rows: entries } = await db.query(
        "select id, file_id from library_entries where file_id is not null order by title limit 1",
      );
      const { id: entryId, file_id: fileId } = entries[0] as { id: string; file_id: string };
      const pdf = await makePdf(`Neue Fassung ${"mit etwas mehr Text ".repeat(200)}`);
      const csrf = (await orga.cookies()).find((c) => c.name.endsWith("ikon_csrf"))!.value;
      const up = await orga.request.post(`${a!.url}/verwaltung/dokumente/${entryId}/datei`, {
        headers: { Origin: a!.url, "X-Requested-With": "XMLHttpRequest" },
        multipart: { _csrf: csrf, datei: { name: "Neue Fassung.pdf", mimeType: "application/pdf", buffer: pdf } },
      });
      expect(up.status(), await up.text()).toBe(200);
      const { rows: versions } = await db.query(
        "select version, storage_key, sha256 from file_versions where file_id = $1 order by version",
        [fileId],
      );
      expect(versions).toHaveLength(2);
      expect(versions[1].sha256).toBe(sha256(pdf));
      // … and nothing of it stays on A's disk.
      expect(await fetch(`${a!.url}/dateien/${fileId}`).then((r) => r.status)).toBe(200);

      // B serves it: whole, one byte range (PDF viewers and video seek this way), and version 1.
      const whole = await orga.request.get(`${b!.url}/dateien/${fileId}`);
      expect(whole.status()).toBe(200);
      expect(whole.headers()["accept-ranges"]).toBe("bytes");
      expect(sha256(await whole.body())).toBe(sha256(pdf));
      const part = await orga.request.get(`${b!.url}/dateien/${fileId}`, { headers: { Range: "bytes=100-199" } });
      expect(part.status()).toBe(206);
      expect(part.headers()["content-range"]).toBe(`bytes 100-199/${pdf.length}`);
      expect(Buffer.compare(await part.body(), pdf.subarray(100, 200))).toBe(0);
      const tail = await orga.request.get(`${b!.url}/dateien/${fileId}`, {
        headers: { Range: `bytes=${pdf.length}-` },
      });
      expect(tail.status()).toBe(416);
      const first = await orga.request.get(`${b!.url}/dateien/${fileId}?v=1`);
      expect(first.status()).toBe(200);
      expect(sha256(await first.body())).toBe(versions[0].sha256);

      // The object disappears from the bucket behind the app's back: B answers with the German page.
      const client = new S3Client({
        endpoint: s3!.endpoint,
        region: "us-east-1",
        forcePathStyle: true,
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      });
      await client.send(new DeleteObjectCommand({ Bucket: s3!.bucket, Key: versions[1].storage_key }));
      client.destroy();
      const lost = await orga.request.get(`${b!.url}/dateien/${fileId}`);
      expect(lost.status()).toBe(404);
      expect(lost.headers()["content-type"]).toContain("text/html");
      const html = await lost.text();
      expect(html).toContain('<html lang="de">');
      expect(html).toContain("<h1>Datei nicht verfügbar</h1>");
      expect(b!.output()).toContain("stored file missing");
      // The earlier version is still there.
      expect((await orga.request.get(`${b!.url}/dateien/${fileId}?v=1`)).status()).toBe(200);
      await orga.close();

      // /metrics on A: the token is required; with a live stream open, the scrape counts it, and it
      // shows the pool, registrations per conference and request durations by route pattern.
      expect((await fetch(`${a!.url}/metrics`)).status).toBe(401);
      expect(
        (await fetch(`${a!.url}/metrics`, { headers: { Authorization: "Bearer falsch-falsch-falsch-falsch" } })).status,
      ).toBe(401);
      const { rows: live } = await db.query(
        "select c.day_code, i.id from discussion_inputs i join conferences c on c.id = i.conference_id where c.day_code is not null limit 1",
      );
      const stream = new AbortController();
      const sse = await fetch(`${a!.url}/live/${live[0].day_code}/${live[0].id}/stream`, { signal: stream.signal });
      expect(sse.headers.get("content-type")).toContain("text/event-stream");
      const scrape = await fetch(`${a!.url}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } });
      expect(scrape.status).toBe(200);
      expect(scrape.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      const metrics = await scrape.text();
      stream.abort();
      expect(metrics).toMatch(/^ikon_live_stream_clients 1$/m);
      expect(metrics).toMatch(/^ikon_db_pool_connections\{state="max"\} 10$/m);
      expect(metrics).toMatch(/^ikon_database_up 1$/m);
      expect(metrics).toMatch(/^ikon_outbox_mails\{status="dead"\} 0$/m);
      const { rows: regs } = await db.query(
        "select c.year, count(*)::int as n from registrations r join conferences c on c.id = r.conference_id where r.status = 'confirmed' group by c.year",
      );
      for (const r of regs)
        expect(metrics).toContain(`ikon_registrations{conference="${r.year}",status="confirmed"} ${r.n}\n`);
      expect(metrics).toMatch(
        /^ikon_http_request_duration_seconds_count\{method="GET",route="\/dateien\/:fileId",status="200"\} [1-9]/m,
      );
    });
  },
);

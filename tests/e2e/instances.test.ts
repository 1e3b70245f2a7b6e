import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readMailbox, runCli, startApp, type RunningApp } from "../support/app";
import { submitForm } from "../support/http";

// Two app instances on one PostgreSQL: seats, sessions, rate limits and the outbox live in the
// database, so 200 simultaneous registrations spread over both for 50 seats give exactly 50 seats
// and exactly one mail each.
const url = process.env.TEST_DATABASE_URL;
const apps: RunningApp[] = [];
let admin: pg.Client | undefined;
let dbName = "";

afterAll(async () => {
  for (const app of apps) await app.stop();
  if (admin) {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
});

async function registerOnce(app: RunningApp, year: string, i: number): Promise<number> {
  const ip = `198.51.100.${i % 250}`;
  const res = await submitForm(
    `${app.url}/konferenzen/${year}/anmeldung`,
    {
      firstName: "Teilnehmende",
      lastName: `Nummer ${i}`,
      email: `person${i}@example.org`,
      organisation: "Verein",
      organisationType: "volunteer",
      photoConsent: "no",
      privacyConsent: "on",
    },
    { headers: { "x-forwarded-for": ip } },
  );
  return res.status;
}

describe.skipIf(!url)("several instances on one PostgreSQL", () => {
  it("gives exactly 50 seats for 200 concurrent registrations across two instances, and every mail once", async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    dbName = `ikon_two_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await admin.query(`create database ${dbName}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${dbName}`;
    const shared = {
      DATABASE_URL: dbUrl.toString(),
      SESSION_SECRET: "two-instances-secret-two-instances-secret",
      TRUST_PROXY_HOPS: "1",
    };
    const seeded = await runCli(["scripts/seed.ts"], shared);
    expect(seeded.output).toContain("Demo geladen");

    const db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    const { rows } = await db.query("select id, year from conferences where status = 'registration_open'");
    const { id: conferenceId, year } = rows[0] as { id: string; year: number };
    await db.query("update conferences set capacity = 50 where id = $1", [conferenceId]);
    await db.query("delete from registrations where conference_id = $1", [conferenceId]);
    await db.query("delete from outbox");

    const [a, b] = await Promise.all([startApp({ env: shared }), startApp({ env: shared })]);
    apps.push(a!, b!);
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => registerOnce(i % 2 ? a! : b!, String(year), i)),
    );
    expect(statuses.filter((s) => s === 303)).toHaveLength(200);

    const counts = await db.query(
      "select status, count(*)::int as n from registrations where conference_id = $1 group by status",
      [conferenceId],
    );
    const byStatus = Object.fromEntries(counts.rows.map((r: { status: string; n: number }) => [r.status, r.n]));
    expect((byStatus.held ?? 0) + (byStatus.confirmed ?? 0)).toBe(50);
    expect(byStatus.waitlisted).toBe(150);
    const positions = await db.query(
      "select waitlist_position from registrations where conference_id = $1 and status = 'waitlisted'",
      [conferenceId],
    );
    expect(new Set(positions.rows.map((r: { waitlist_position: number }) => r.waitlist_position)).size).toBe(150);

    // Both workers poll the same outbox; wait until it is empty.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const pending = await db.query("select count(*)::int as n from outbox where status <> 'sent'");
      if (pending.rows[0].n === 0) break;
      if (Date.now() > deadline) throw new Error("outbox not drained");
      await new Promise((r) => setTimeout(r, 250));
    }
    const mails = [...(await readMailbox(a!.dataDir)), ...(await readMailbox(b!.dataDir))];
    expect(mails).toHaveLength(200);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(200);
    const recipients = mails.map((m) => [m.to].flat()[0]!.value[0]!.address);
    expect(new Set(recipients).size).toBe(200);
    // Both instances did part of the work.
    expect((await readMailbox(a!.dataDir)).length).toBeGreaterThan(0);
    expect((await readMailbox(b!.dataDir)).length).toBeGreaterThan(0);
    await db.end();
  });
});

/** Child processes of a process (the cluster's workers), from /proc. */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("WEB_CONCURRENCY", () => {
  it("refuses several processes on the embedded database", async () => {
    const DATA_DIR = mkdtempSync(path.join(tmpdir(), "ikon-cluster-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR,
      WEB_CONCURRENCY: "2",
      LOG_LEVEL: "warn",
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(out).toMatch(/WEB_CONCURRENCY: more than 1 needs PostgreSQL/);
  });

  it.skipIf(!url)("serves from two workers on PostgreSQL, replaces one that dies, and stops cleanly", async () => {
    // Its own empty database: the workers migrate it (one at a time, advisory lock).
    const own = new pg.Client({ connectionString: url });
    await own.connect();
    const name = `ikon_cluster_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await own.query(`create database ${name}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    const app = await startApp({
      env: {
        DATABASE_URL: dbUrl.toString(),
        SESSION_SECRET: "two-instances-secret-two-instances-secret",
        WEB_CONCURRENCY: "2",
      },
    });
    apps.push(app);
    const primary = app.process.pid!;
    const workers = await until("two workers", () =>
      childrenOf(primary).length === 2 ? childrenOf(primary) : undefined,
    );
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => fetch(`${app.url}/impressum`).then((r) => r.status)),
    );
    expect(pages.every((s) => s === 200)).toBe(true);

    // A worker killed by a signal is replaced (one that fails before it listens stops the whole).
    process.kill(workers[0]!, "SIGKILL");
    const replaced = await until("a new worker", () => {
      const now = childrenOf(primary);
      return now.length === 2 && !now.includes(workers[0]!) ? now : undefined;
    });
    expect(replaced).toContain(workers[1]);
    await until("the page from the workers", async () => ((await fetch(`${app.url}/impressum`)).ok ? true : undefined));

    expect(await app.stop("SIGTERM")).toBe(0);
    for (const pid of replaced) expect(() => process.kill(pid, 0)).toThrow();
    await own.query(`drop database ${name} with (force)`);
    await own.end();
  });
});

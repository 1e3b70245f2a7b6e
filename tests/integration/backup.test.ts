import { createHash, randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";

function cli(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", TEST_DB: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

const TABLES = ["users", "groups", "conferences", "forums", "agenda_items"];

/** Counts rows of the core tables straight from the database, independent of the app's code. */
async function rowCounts(env: Record<string, string>, dataDir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    for (const t of TABLES) counts[t] = Number((await client.query(`select count(*) as n from ${t}`)).rows[0].n);
    await client.end();
  } else {
    const db = await PGlite.create(path.join(dataDir, "db"));
    for (const t of TABLES)
      counts[t] = Number((await db.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0]!.n);
    await db.close();
  }
  return counts;
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const onPostgres = process.env.TEST_DB === "postgres";

describe(`backup and restore (${onPostgres ? "PostgreSQL" : "embedded"})`, () => {
  it("backup → wipe → restore gives the same row counts and file checksums", { timeout: 120_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), "ikon-backup-test-"));
    const dataDir = path.join(root, "data");
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      SESSION_SECRET: "backup-test-secret-backup-test-secret-00",
    };
    let admin: pg.Client | undefined;
    let dbName = "";
    if (onPostgres) {
      admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      dbName = `ikon_backup_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
      await admin.query(`create database ${dbName}`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${dbName}`;
      env.DATABASE_URL = url.toString();
    }
    try {
      const seeded = await cli("scripts/seed.ts", [], env);
      expect(seeded.output).toContain("Demo geladen");
      // An uploaded file as the storage keeps it.
      const key = "0123456789abcdef0123456789abcdef";
      mkdirSync(path.join(dataDir, "uploads", "01"), { recursive: true });
      const uploaded = path.join(dataDir, "uploads", "01", key);
      writeFileSync(uploaded, `Umsetzungsbericht ${randomUUID()}`);
      const before = sha(uploaded);

      const archive = path.join(root, "sicherung.tar.gz");
      const backup = await cli("scripts/backup.ts", ["--out", archive], env);
      expect(backup.code, backup.output).toBe(0);
      const countsBefore = await rowCounts(env, dataDir);
      expect(countsBefore.groups).toBe(11);

      // Wipe everything.
      rmSync(dataDir, { recursive: true, force: true });
      if (onPostgres) {
        await admin!.query(`drop database ${dbName} with (force)`);
        await admin!.query(`create database ${dbName}`);
      }

      const restored = await cli("scripts/restore.ts", [archive], env);
      expect(restored.code, restored.output).toBe(0);
      expect(restored.output).toContain("Tabellen geprüft");
      expect(sha(uploaded)).toBe(before);
      expect(await rowCounts(env, dataDir)).toEqual(countsBefore);

      // A restore never overwrites: a second one into the now full target is refused.
      const again = await cli("scripts/restore.ts", [archive], env);
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/nicht leer/);
    } finally {
      if (admin) {
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    }
  });
});

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import * as tar from "tar";
import { rawRows, type Database } from "~/db/client.server";
import type { FileStorage } from "~/modules/uploads/storage.server";

const run = promisify(execFile);

export type Manifest = {
  format: 1;
  createdAt: string;
  database: "pglite" | "postgres";
  /** Row count per table (schema.table), to check a restore against. */
  tables: Record<string, number>;
  /** Every file in the archive except the manifest, with its SHA-256. */
  files: { path: string; size: number; sha256: string }[];
  /** Where the uploaded files came from: the disk, or the S3 bucket (then copied into uploads/store). */
  storage?: "fs" | "s3";
};

/** In the archive, stored files lie as in the file system store: uploads/store/<first two>/<key>. */
const storePath = (base: string, key: string) => path.join(base, "uploads", "store", key.slice(0, 2), key);

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function walk(dir: string, base = dir): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else if (entry.isFile()) out.push(path.relative(base, full));
  }
  return out.sort();
}

/** Row counts of every table in the app's schemas. */
export async function countRows(database: Database): Promise<Record<string, number>> {
  const tables = await rawRows<{ schema: string; name: string }>(
    database.db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await rawRows<{ n: number }>(
      database.db,
      sql.raw(`select count(*)::int as n from "${t.schema}"."${t.name}"`),
    );
    counts[`${t.schema}.${t.name}`] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * Writes one .tar.gz: the database (PGlite data directory, or a pg_dump of PostgreSQL), the
 * uploads, and a manifest with row counts and checksums.
 */
export async function createBackup(opts: {
  database: Database;
  databaseUrl?: string;
  dataDir: string;
  outFile: string;
  now?: Date;
  /** STORAGE=s3: the bucket, whose objects are streamed into the archive one by one. */
  bucket?: FileStorage;
}): Promise<Manifest> {
  const staging = await mkdtemp(path.join(tmpdir(), "ikon-backup-"));
  try {
    await mkdir(path.join(staging, "db"));
    if (opts.database.kind === "pglite") {
      const blob = await opts.database.dumpDataDir!();
      await writeFile(path.join(staging, "db", "pglite.tar"), Buffer.from(await blob.arrayBuffer()));
    } else {
      await run(
        "pg_dump",
        [
          "--no-owner",
          "--no-privileges",
          "--format=plain",
          "--file",
          path.join(staging, "db", "postgres.sql"),
          opts.databaseUrl!,
        ],
        {
          maxBuffer: 64 * 1024 * 1024,
        },
      );
    }
    const uploads = path.join(opts.dataDir, "uploads");
    if (existsSync(uploads)) await run("cp", ["-a", uploads, path.join(staging, "uploads")]);
    if (opts.bucket) {
      // Streamed to the staging disk, never held in memory; checked below like every other file.
      for await (const key of opts.bucket.keys()) {
        const target = storePath(staging, key);
        await mkdir(path.dirname(target), { recursive: true });
        await pipeline(opts.bucket.read(key), createWriteStream(target));
      }
    }

    const files = [];
    for (const rel of await walk(staging)) {
      const full = path.join(staging, rel);
      files.push({ path: rel, size: (await stat(full)).size, sha256: await sha256(full) });
    }
    const manifest: Manifest = {
      format: 1,
      createdAt: (opts.now ?? new Date()).toISOString(),
      database: opts.database.kind,
      tables: await countRows(opts.database),
      files,
      storage: opts.bucket ? "s3" : "fs",
    };
    await writeFile(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2));
    await mkdir(path.dirname(path.resolve(opts.outFile)), { recursive: true });
    await tar.create({ gzip: true, file: opts.outFile, cwd: staging, portable: true }, [
      "manifest.json",
      ...(await readdir(staging)).filter((f) => f !== "manifest.json"),
    ]);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export class RestoreError extends Error {}

/** Unpacks an archive and checks every file against the manifest. */
export async function unpackBackup(archive: string): Promise<{ dir: string; manifest: Manifest }> {
  const dir = await mkdtemp(path.join(tmpdir(), "ikon-restore-"));
  await tar.extract({ file: archive, cwd: dir, strict: true });
  const manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  if (manifest.format !== 1) throw new RestoreError("Unbekanntes Sicherungsformat.");
  for (const f of manifest.files) {
    const full = path.join(dir, f.path);
    if (!existsSync(full) || (await sha256(full)) !== f.sha256)
      throw new RestoreError(`Prüfsumme stimmt nicht: ${f.path}`);
  }
  return { dir, manifest };
}

/**
 * Restores into an empty DATA_DIR (embedded) or an empty PostgreSQL database, then compares the
 * row counts with the manifest. Refuses to overwrite anything.
 */
export async function restoreBackup(opts: {
  archive: string;
  dataDir: string;
  databaseUrl?: string;
  open: () => Promise<Database>;
  /** STORAGE=s3: the stored files go into this bucket (it must not hold any yet), not under DATA_DIR. */
  bucket?: FileStorage;
}): Promise<Manifest> {
  const { dir, manifest } = await unpackBackup(opts.archive);
  try {
    if (manifest.database === "pglite" && opts.databaseUrl)
      throw new RestoreError("Diese Sicherung ist von der eingebetteten Datenbank: DATABASE_URL nicht setzen.");
    if (manifest.database === "postgres" && !opts.databaseUrl)
      throw new RestoreError("Diese Sicherung ist von PostgreSQL: DATABASE_URL setzen.");
    const uploadsTarget = path.join(opts.dataDir, "uploads");
    if (existsSync(uploadsTarget) && (await readdir(uploadsTarget)).length > 0)
      throw new RestoreError(`${uploadsTarget} ist nicht leer.`);
    if (opts.bucket) {
      for await (const key of opts.bucket.keys()) {
        throw new RestoreError(`${opts.bucket.description} ist nicht leer (zum Beispiel ${key}).`);
      }
    }

    if (manifest.database === "pglite") {
      const dbDir = path.join(opts.dataDir, "db");
      if (existsSync(dbDir) && (await readdir(dbDir)).length > 0) throw new RestoreError(`${dbDir} ist nicht leer.`);
      await mkdir(opts.dataDir, { recursive: true });
      const image = new Blob([await readFile(path.join(dir, "db", "pglite.tar"))]);
      const client = await PGlite.create(dbDir, { loadDataDir: image });
      await client.query("CHECKPOINT");
      await client.close();
    } else {
      const { stdout } = await run("psql", [
        "-tAc",
        "select count(*) from information_schema.tables where table_schema in ('public','drizzle')",
        opts.databaseUrl!,
      ]);
      if (Number(stdout.trim()) > 0) throw new RestoreError("Die Zieldatenbank ist nicht leer.");
      await run(
        "psql",
        ["-v", "ON_ERROR_STOP=1", "-q", "-f", path.join(dir, "db", "postgres.sql"), opts.databaseUrl!],
        { maxBuffer: 64 * 1024 * 1024 },
      );
    }
    if (opts.bucket) {
      // put() takes the unpacked file (the unpack directory is thrown away anyway).
      const stored = path.join(dir, "uploads", "store");
      for (const sub of existsSync(stored) ? await readdir(stored) : []) {
        for (const key of await readdir(path.join(stored, sub))) await opts.bucket.put(key, storePath(dir, key));
      }
      await rm(stored, { recursive: true, force: true });
    }
    if (existsSync(path.join(dir, "uploads"))) {
      await mkdir(opts.dataDir, { recursive: true });
      await rm(uploadsTarget, { recursive: true, force: true });
      await run("cp", ["-a", path.join(dir, "uploads"), uploadsTarget]);
    }

    const database = await opts.open();
    try {
      const counts = await countRows(database);
      for (const [table, n] of Object.entries(manifest.tables)) {
        if (counts[table] !== n)
          throw new RestoreError(`Zeilenzahl von ${table} stimmt nicht: ${counts[table]} statt ${n}.`);
      }
    } finally {
      await database.close();
    }
    return manifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

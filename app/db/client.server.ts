import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema";
import { acquireDataDirLock, type DataDirLock } from "./lock.server";
import { instrumentPglite, instrumentPool, type ContentVersion } from "./content-version.server";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: domain functions accept either. */
export type DbOrTx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Changes after every committed write of content (the full-page cache's invalidation). */
  contentVersion: ContentVersion;
  /** PGlite only: the whole data directory as a tarball (for backups). */
  dumpDataDir?: () => Promise<Blob>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** PostgreSQL only: the connection pool's state (for /metrics). */
  poolStats?: () => { total: number; idle: number; waiting: number; max: number };
  close(): Promise<void>;
};

const MIGRATIONS_DIR = path.resolve("drizzle");
const MIGRATION_LOCK = 7_240_001; // advisory lock id: instances starting together migrate one at a time

export type OpenOptions = { databaseUrl?: string; dataDir: string; migrate?: boolean };

/** Opens PostgreSQL when a URL is given, otherwise PGlite in DATA_DIR/db; applies migrations. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  if (opts.migrate !== false) await migrateDatabase(database);
  return database;
}

async function openPglite(dataDir: string): Promise<Database> {
  const dir = path.join(dataDir, "db");
  mkdirSync(dataDir, { recursive: true });
  // PGlite has no postmaster: two processes on one directory would corrupt it.
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    // PostgreSQL's default 128 MB of shared buffers live in PGlite's WASM heap, which never shrinks;
    // a city's data fits in far less (docs/benchmarks.md: RSS before/after).
    const client = await PGlite.create(dir, { postgresqlconf: ["shared_buffers=16MB"] });
    return pgliteDatabase(client, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an open PGlite (also used by tests, which load a copy of the golden image). */
export function pgliteDatabase(client: PGlite, onClose?: () => void): Database {
  const contentVersion = instrumentPglite(client);
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    contentVersion,
    dumpDataDir: async () => (await client.dumpDataDir("none")) as Blob,
    ping: () =>
      client.query("select 1").then(
        () => true,
        () => false,
      ),
    async close() {
      try {
        // Flush everything to the data directory before the process ends.
        await client.query("CHECKPOINT");
        await client.close();
      } finally {
        onClose?.();
      }
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // A dropped connection must not crash the process; the next query reports the error.
  pool.on("error", () => {});
  const contentVersion = instrumentPool(pool);
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    contentVersion,
    ping: () =>
      pool.query("select 1").then(
        () => true,
        () => false,
      ),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max ?? 10,
    }),
    close: () => pool.end(),
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  // Instances starting together take turns; the second finds nothing left to apply.
  const client = await (database.db as unknown as { $client: pg.Pool }).$client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client, casing: "snake_case" }), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

let current: Database | undefined;

/** The database of this process. Set once at start (or per test file). */
export function database(): Database {
  if (!current) throw new Error("Database not opened: call setDatabase() first");
  return current;
}

export function setDatabase(next: Database | undefined): void {
  current = next;
}

/**
 * The drizzle handle of this process. A Proxy keeps `import { db }` usable everywhere while the
 * connection itself is opened at start-up, after configuration has been read.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = database().db as unknown as Record<string | symbol, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** Rows of a raw SQL query, the same on PGlite and node-postgres (both answer with `rows`). */
export async function rawRows<T>(target: Pick<Db, "execute">, query: SQL): Promise<T[]> {
  const result = (await target.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

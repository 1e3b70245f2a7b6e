import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * The content version: a number that changes after every committed write that can change what a
 * public page shows. The full-page cache (app/server/page-cache.server.ts) keeps a page only while
 * the version it was rendered at is still the current one.
 *
 * Writes are recognised at the driver, below every domain function, so no write path can forget
 * to invalidate: every INSERT/UPDATE/DELETE (and any other statement that changes data) counts,
 * except on the few tables no public page reads (sessions, rate limits, the outbox …). The bump
 * happens after the commit and before the writing code goes on, so the writer's next request —
 * on any instance — already sees the new version.
 *
 * PGlite (one process): the version is a counter in this process. PostgreSQL (several instances):
 * the version is the sequence `content_version`; a bump is `nextval`, and readers ask for its
 * `last_value` (one query shared by all requests that arrive while it runs).
 */
export type ContentVersion = {
  /** The current version; on PostgreSQL read from the database at (or after) the time of the call. */
  current(): Promise<number>;
  /** Writes seen by this process (tests and diagnostics). */
  readonly bumps: number;
};

/** Tables no cached (public, anonymous) page reads: writes to them leave the version alone. */
const UNSHOWN_TABLES = new Set([
  "sessions",
  "login_tokens",
  "rate_limits",
  "outbox",
  "job_runs",
  "audit_log",
  "__drizzle_migrations",
]);

const WRITE_START =
  /^\s*(?:insert|update|delete|merge|truncate|alter|create|drop|comment|grant|revoke|copy|call|do)\b/i;
const WITH_WRITE = /^\s*with\b[\s\S]*\b(?:insert|update|delete)\b/i;
const TARGET = /^\s*(?:insert\s+into|update|delete\s+from)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/i;

/** Whether a statement can change what a page shows (conservative: unknown writes count). */
export function isContentWrite(statement: unknown): boolean {
  const text = typeof statement === "string" ? statement : (statement as { text?: unknown } | null)?.text;
  if (typeof text !== "string") return false;
  if (!WRITE_START.test(text) && !WITH_WRITE.test(text)) return false;
  const target = TARGET.exec(text)?.[1]?.toLowerCase();
  return !(target && UNSHOWN_TABLES.has(target) && !WITH_WRITE.test(text));
}

function textOf(statement: unknown): string {
  return typeof statement === "string" ? statement : String((statement as { text?: unknown } | null)?.text ?? "");
}

/** PGlite: instruments the client in place; the version lives in this process. */
export function instrumentPglite(client: PGlite): ContentVersion {
  let version = 0;
  let bumps = 0;
  const bump = () => {
    version++;
    bumps++;
  };
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (async (statement: string, ...rest: unknown[]) => {
    const result = await (query as (...a: unknown[]) => Promise<unknown>)(statement, ...rest);
    if (isContentWrite(statement)) bump();
    return result;
  }) as PGlite["query"];
  client.exec = (async (statement: string, ...rest: unknown[]) => {
    const result = await (exec as (...a: unknown[]) => Promise<unknown>)(statement, ...rest);
    if (/\b(?:insert|update|delete|truncate)\b/i.test(statement)) bump();
    return result;
  }) as PGlite["exec"];
  client.transaction = (async <T>(callback: (tx: Transaction) => Promise<T>) => {
    let wrote = false;
    const result = await transaction(async (tx) => {
      const txQuery = tx.query.bind(tx);
      const txExec = tx.exec.bind(tx);
      tx.query = ((statement: string, ...rest: unknown[]) => {
        if (isContentWrite(statement)) wrote = true;
        return (txQuery as (...a: unknown[]) => Promise<unknown>)(statement, ...rest);
      }) as Transaction["query"];
      tx.exec = ((statement: string, ...rest: unknown[]) => {
        if (/\b(?:insert|update|delete|truncate)\b/i.test(statement)) wrote = true;
        return (txExec as (...a: unknown[]) => Promise<unknown>)(statement, ...rest);
      }) as Transaction["exec"];
      return callback(tx);
    });
    // Committed: pages rendered from here on see the change.
    if (wrote) bump();
    return result;
  }) as PGlite["transaction"];
  return {
    current: () => Promise.resolve(version),
    get bumps() {
      return bumps;
    },
  };
}

type Query = (...args: unknown[]) => Promise<unknown>;
const SEQUENCE = "content_version";

/**
 * node-postgres: instruments the pool in place. Statements outside a transaction bump after they
 * return; inside one (drizzle sends begin/commit on a checked-out client) the commit does, on the
 * same connection (a second one could be the pool's last and deadlock under load).
 */
export function instrumentPool(pool: pg.Pool): ContentVersion {
  let bumps = 0;
  let known = 0;
  const bumpOn = async (run: Query) => {
    bumps++;
    try {
      const { rows } = (await run(`select nextval('${SEQUENCE}') as v`)) as { rows: { v: string }[] };
      known = Math.max(known, Number(rows[0]!.v));
    } catch {
      // Without the sequence (a database not yet migrated) there is no cache to invalidate.
    }
  };

  const poolQuery = pool.query.bind(pool) as unknown as Query;
  pool.query = (async (...args: unknown[]) => {
    if (typeof args[args.length - 1] === "function") return (poolQuery as Query)(...args);
    const result = await poolQuery(...args);
    if (isContentWrite(args[0])) await bumpOn(poolQuery);
    return result;
  }) as unknown as typeof pool.query;

  const instrumented = new WeakSet<object>();
  const state = new WeakMap<object, { inTransaction: boolean; wrote: boolean }>();
  const connect = pool.connect.bind(pool) as unknown as (...a: unknown[]) => Promise<pg.PoolClient>;
  pool.connect = (async (...args: unknown[]) => {
    if (typeof args[0] === "function") return (connect as (...a: unknown[]) => unknown)(...args);
    const client = await connect();
    if (!instrumented.has(client)) {
      instrumented.add(client);
      const clientQuery = client.query.bind(client) as unknown as Query;
      const s = { inTransaction: false, wrote: false };
      state.set(client, s);
      client.query = (async (...qargs: unknown[]) => {
        // The pool's own callback-style calls (pool.query) are counted there.
        if (typeof qargs[qargs.length - 1] === "function") return clientQuery(...qargs);
        const text = textOf(qargs[0]).trim().toLowerCase();
        if (/^(begin|start transaction)\b/.test(text)) {
          s.inTransaction = true;
          s.wrote = false;
        }
        const write = isContentWrite(qargs[0]);
        if (write && s.inTransaction) s.wrote = true;
        let result: unknown;
        try {
          result = await clientQuery(...qargs);
        } catch (error) {
          if (/^(rollback|commit)\b/.test(text)) s.inTransaction = false;
          throw error;
        }
        if (/^commit\b/.test(text)) {
          s.inTransaction = false;
          if (s.wrote) await bumpOn(clientQuery);
          s.wrote = false;
        } else if (/^rollback\b(?!\s+to)/.test(text)) {
          s.inTransaction = false;
          s.wrote = false;
        } else if (write && !s.inTransaction) {
          await bumpOn(clientQuery);
        }
        return result;
      }) as unknown as typeof client.query;
    }
    return client;
  }) as unknown as typeof pool.connect;

  // Readers share one query: a caller waits for a read that started after it asked, so a write
  // committed before the call is always seen.
  let running = false;
  let waiting: { resolve: (v: number) => void; promise: Promise<number> } | undefined;
  const next = () => {
    if (running || !waiting) return;
    const batch = waiting;
    waiting = undefined;
    running = true;
    // A fresh sequence has last_value 1 before its first nextval: that state is version 0.
    poolQuery(`select case when is_called then last_value else 0 end as v from ${SEQUENCE}`)
      .then(
        (r) => {
          known = Math.max(known, Number((r as { rows: { v: string }[] }).rows[0]!.v));
          batch.resolve(known);
        },
        // Unreadable (database down): a version no entry has, so nothing is served from the cache.
        () => batch.resolve(-1),
      )
      .finally(() => {
        running = false;
        next();
      });
  };
  return {
    current() {
      if (!waiting) {
        let resolve!: (v: number) => void;
        const promise = new Promise<number>((r) => (resolve = r));
        waiting = { resolve, promise };
      }
      const { promise } = waiting;
      next();
      return promise;
    },
    get bumps() {
      return bumps;
    },
  };
}

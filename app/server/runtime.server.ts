import { randomBytes } from "node:crypto";
import { openDatabase, setDatabase, database, type Database } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/modules/demo/seed.server";
import { convertLegacySpeeches } from "~/modules/publishing/documentation.server";
import { clientAddress } from "~/modules/security/client-address.server";
import { createTransport } from "~/modules/mail/transport.server";
import { startOutboxWorker, type OutboxWorker } from "~/modules/mail/worker.server";
import { storage } from "~/modules/uploads/storage.server";
import { createMetrics } from "~/server/metrics.server";
// Mail templates the outbox worker renders (mails queued as data).
import "~/modules/registrations/mails.server";
import { startScheduler, type Scheduler } from "~/modules/system/scheduler.server";
import { startRenditionWorker, type RenditionWorker } from "~/modules/renditions/renditions.server";
import { env } from "~/utils/env.server";
import { pageCache, type PageCacheOptions } from "./page-cache.server";
import { installRouteMatchCache } from "./route-match-cache.server";
import { loggablePath, logger } from "~/utils/logger.server";
import { bodyPolicy } from "./body-policy.server";

let worker: OutboxWorker | undefined;
let renditions: RenditionWorker | undefined;
let databaseDown = false;
let probing: ReturnType<typeof setInterval> | undefined;

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
]);

/** Whether an error (or its cause) means the database cannot be reached, as opposed to a bug. */
export function isConnectionError(error: unknown): boolean {
  for (
    let e = error as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code && CONNECTION_CODES.has(e.code)) return true;
    if (
      typeof e.message === "string" &&
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        e.message,
      )
    )
      return true;
  }
  return false;
}

/**
 * Called with every failed request's error: a lost database switches the app to "unavailable"
 * (server.js answers 503 at once, without piling up requests) and probes until it answers again.
 */
export function noteRequestError(error: unknown): void {
  if (!isConnectionError(error) || databaseDown || !started) return;
  databaseDown = true;
  logger.error("database unreachable: answering 503 until it is back");
  probing = setInterval(async () => {
    if (started && (await started.ping())) {
      databaseDown = false;
      clearInterval(probing);
      probing = undefined;
      logger.info("database reachable again");
    }
  }, 1000);
  probing.unref();
}
let scheduler: Scheduler | undefined;
let started: Database | undefined;

/**
 * The process lifecycle, called by server.js: open and migrate the database, load the demo into an
 * empty embedded database, start the outbox worker and the scheduler; stop them in reverse order.
 */
export const runtime = {
  env: {
    port: env.PORT,
    appUrl: env.APP_URL,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    production: env.NODE_ENV === "production",
    /** /metrics on a port of its own (METRICS_PORT), or on the main port behind METRICS_TOKEN; neither: off. */
    metricsPort: env.METRICS_PORT,
    metricsToken: Boolean(env.METRICS_TOKEN),
  },
  createMetrics,
  logger,
  loggablePath,
  bodyPolicy,
  clientAddress,
  newNonce: () => randomBytes(16).toString("base64"),
  newCsrfToken: () => randomBytes(24).toString("base64url"),
  /** The full-page cache for anonymous visitors (Express middleware in front of Remix). */
  pageCache: (opts: Pick<PageCacheOptions, "build" | "getLoadContext" | "csrfCookie">) =>
    pageCache({
      ...opts,
      appOrigin: new URL(env.APP_URL).origin,
      contentVersion: () => database().contentVersion,
      ttlMs: env.PAGE_CACHE_SECONDS * 1000,
      maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
    }),

  async start(): Promise<void> {
    if (started) return;
    const t0 = Date.now();
    installRouteMatchCache();
    started = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    setDatabase(started);
    // Data step after the schema migrations: speeches from before Markdown get their Markdown (idempotent).
    const converted = await convertLegacySpeeches();
    if (converted) logger.info({ converted }, "speeches converted from HTML to Markdown");
    // A bucket that does not answer stops the start with a message naming it (like a bad setting).
    await storage().check();
    const seedWanted = env.SEED_DEMO ?? !env.DATABASE_URL;
    if (seedWanted && started.kind === "pglite") {
      const demo = await seedDemoIfEmpty({ now: new Date() });
      if (demo) {
        logger.info(
          { email: undefined, demoLogin: `${demo.organiserEmail} / ${demo.organiserPassword}` },
          `Demo loaded. Organiser sign-in: ${demo.organiserEmail} / ${demo.organiserPassword}`,
        );
      }
    }
    worker = startOutboxWorker({
      transport: createTransport(env),
      from: env.MAIL_FROM,
      messageIdDomain: new URL(env.APP_URL).hostname,
      pollMs: env.MAIL_POLL_MS,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
    });
    scheduler = startScheduler();
    if (env.CONVERSIONS) renditions = startRenditionWorker({ pollMs: 5_000 });
    logger.info(
      { db: started.kind, mail: env.MAIL_TRANSPORT, storage: env.STORAGE, ms: Date.now() - t0 },
      "ikon started",
    );
  },

  /** Stops the scheduler and the mail worker and closes the database: each step, even if one before failed. */
  async stop(): Promise<void> {
    if (probing) clearInterval(probing);
    const failures: unknown[] = [];
    const attempt = async (step: () => Promise<unknown> | undefined) => {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    };
    await attempt(() => renditions?.stop());
    await attempt(() => scheduler?.stop());
    await attempt(() => worker?.stop());
    const db = started;
    started = undefined;
    if (db) {
      await attempt(() => db.close());
      setDatabase(undefined);
    }
    if (failures.length) throw failures[0];
    logger.info("ikon stopped");
  },

  /** True while the database is known to be unreachable (see noteRequestError). */
  databaseDown: () => databaseDown,

  /** /readyz: the database answers. */
  async ready(): Promise<boolean> {
    return started ? database().ping() : false;
  },
};

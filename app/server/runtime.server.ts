import { randomBytes } from "node:crypto";
import { openDatabase, setDatabase, database, type Database } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/modules/demo/seed.server";
import { createTransport } from "~/modules/mail/transport.server";
import { startOutboxWorker, type OutboxWorker } from "~/modules/mail/worker.server";
import { startScheduler, type Scheduler } from "~/modules/system/scheduler.server";
import { env } from "~/utils/env.server";
import { loggablePath, logger } from "~/utils/logger.server";

let worker: OutboxWorker | undefined;
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
  },
  logger,
  loggablePath,
  newNonce: () => randomBytes(16).toString("base64"),
  newCsrfToken: () => randomBytes(24).toString("base64url"),

  async start(): Promise<void> {
    if (started) return;
    const t0 = Date.now();
    started = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    setDatabase(started);
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
    logger.info({ db: started.kind, mail: env.MAIL_TRANSPORT, ms: Date.now() - t0 }, "ikon started");
  },

  async stop(): Promise<void> {
    await scheduler?.stop();
    await worker?.stop();
    if (started) {
      await started.close();
      setDatabase(undefined);
      started = undefined;
    }
    logger.info("ikon stopped");
  },

  /** /readyz: the database answers. */
  async ready(): Promise<boolean> {
    return started ? database().ping() : false;
  },
};

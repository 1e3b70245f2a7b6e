import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { rawRequest } from "../support/http";

// SIGTERM under load (issue #14, fault 5): the server drains and stops cleanly, the database is
// closed, and the PGlite directory opens again at once for the next process.

const apps: RunningApp[] = [];
let reopened: RunningApp | undefined;
afterAll(async () => {
  for (const app of apps) await app.stop("SIGKILL");
});

/** `exited` or a deadline, whichever comes first: a hung shutdown fails the test instead of the run. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

describe("graceful shutdown", () => {
  it("drains 50 keep-alive clients on SIGTERM, exits 0 within 15 s, and frees the PGlite directory at once", async () => {
    // Without the demo (a faster start): the start page still reads the database on every request.
    const app = await startApp({ env: { LOG_LEVEL: "info", SEED_DEMO: "false" } });
    apps.push(app);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    let served = 0;
    let running = true;
    let firstRound!: () => void;
    const warmedUp = new Promise<void>((r) => (firstRound = r));
    const get = () =>
      new Promise<number>((resolve) => {
        const req = http.get(`${app.url}/`, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", () => resolve(0));
        });
        req.on("error", () => resolve(0));
      });
    const clients = Array.from({ length: 50 }, async () => {
      while (running) {
        const status = await get();
        if (status !== 200) break; // refused or closed: the server is going away
        served += 1;
        if (served >= 50) firstRound();
      }
    });
    await warmedUp;
    const exited = app.stop("SIGTERM");
    const code = await within(exited, 15_000, "exit after SIGTERM");
    running = false;
    await Promise.all(clients);
    agent.destroy();
    expect(code).toBe(0);
    expect(app.output()).toContain("ikon stopped");

    // The next process opens the same directory at once (no stale PGlite lock).
    const next = await startApp({
      dataDir: app.dataDir,
      env: { LOG_LEVEL: "info", SEED_DEMO: "false", SHUTDOWN_DRAIN_MS: "500" },
    });
    apps.push(next);
    expect((await fetch(`${next.url}/readyz`)).status).toBe(200);
    reopened = next;
  }, 300_000);

  it("closes a request that never ends after the drain deadline and still closes the database", async () => {
    // The process that reopened the directory above (one start fewer), with a short drain deadline.
    const app =
      reopened ?? (await startApp({ env: { LOG_LEVEL: "info", SEED_DEMO: "false", SHUTDOWN_DRAIN_MS: "500" } }));
    if (!reopened) apps.push(app);
    // A body that never finishes (a slow client): only the deadline ends it. The server has read
    // its first bytes once the request is in flight; then SIGTERM.
    const hanging = rawRequest(app.url, {
      path: "/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      chunks: ["x="],
      hold: true,
    });
    // A round trip on another connection: by then the server has read the slow request's head.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const code = await within(app.stop("SIGTERM"), 15_000, "exit after SIGTERM");
    expect(code).toBe(0);
    expect(app.output()).toContain("drain deadline passed");
    expect(app.output()).toContain("ikon stopped");
    expect((await hanging).status).not.toBe(200);
  }, 300_000);
});

import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { signInOverHttp } from "../support/http";

const apps: RunningApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop("SIGKILL");
});

describe("durability and start-up", () => {
  it("keeps a write that the user was told succeeded when the server is killed with SIGKILL right after", async () => {
    const first = await startApp();
    apps.push(first);
    const session = await signInOverHttp(first.url); // the 302 means: the session row is committed
    first.process.kill("SIGKILL");
    await first.stop("SIGKILL");

    // The stale lock of the killed process is taken over; the session is still there.
    const second = await startApp({ dataDir: first.dataDir });
    apps.push(second);
    const res = await fetch(`${second.url}/verwaltung`, { headers: { cookie: session }, redirect: "manual" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Willkommen, Demo Organisation (KI)");
  });

  it("loads the demo only into an empty embedded database", async () => {
    const app = apps[1]!;
    const res = await fetch(`${app.url}/`);
    const html = await res.text();
    expect(html.match(/Zur Konferenz \d{4}/g)).toHaveLength(1);
    // The restart above did not load the demo a second time (one organiser sign-in still works).
    expect(app.output()).not.toContain("Demo loaded");
  });

  it("refuses to start with a bad setting and names it", async () => {
    const child = spawn(process.execPath, ["server.js"], {
      env: { ...process.env, NODE_ENV: "production", PORT: "not-a-port", DATA_DIR: "/tmp/ikon-bad-config" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("PORT:");
  });
});

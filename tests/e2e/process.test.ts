import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";

const ORGANISER = { email: "orga@ikon.example", password: "Konferenz-Demo-2026" };
const apps: RunningApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop("SIGKILL");
});

async function form(url: string, cookies: string): Promise<{ csrf: string; cookies: string }> {
  const res = await fetch(url, { headers: { cookie: cookies } });
  const html = await res.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const setCookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { csrf, cookies: [cookies, setCookie].filter(Boolean).join("; ") };
}

async function signIn(app: RunningApp): Promise<string> {
  const { csrf, cookies } = await form(`${app.url}/login`, "");
  const res = await fetch(`${app.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: app.url, cookie: cookies, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf, intent: "password", email: ORGANISER.email, password: ORGANISER.password }),
  });
  expect(res.status).toBe(302);
  const session = res.headers.getSetCookie().find((c) => c.startsWith("__Host-ikon_session="))!;
  return session.split(";")[0]!;
}

describe("durability and start-up", () => {
  it("keeps a write that the user was told succeeded when the server is killed with SIGKILL right after", async () => {
    const first = await startApp();
    apps.push(first);
    const session = await signIn(first); // the 302 means: the session row is committed
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

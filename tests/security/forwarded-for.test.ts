import { afterEach, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { openForm, postForm } from "../support/http";

// F4 (pretix CVE-2023-44463): a client must not get a fresh rate-limit budget by sending its own
// X-Forwarded-For. The budget used here is the cheapest per-IP one: 5 accessibility feedback
// messages per client IP per hour (/barrierefreiheit).

let app: RunningApp | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function start(env: Record<string, string> = {}) {
  // The second start reuses the first one's (already migrated) data directory: much quicker.
  app = await startApp({ dataDir, env: { SEED_DEMO: "false", ...env } });
  dataDir = app.dataDir;
  const form = await openForm(`${app.url}/barrierefreiheit`);
  /** One feedback message, as if it came through a proxy that sent this X-Forwarded-For. */
  return (forwardedFor: string) =>
    postForm(
      form,
      { message: "Die Tabelle auf der Zielseite ist schwer zu lesen." },
      { "x-forwarded-for": forwardedFor },
    );
}

async function expectLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await res.text()).toContain("Zu viele Versuche");
}

describe("client IP for rate limits (X-Forwarded-For)", () => {
  it("ignores X-Forwarded-For by default (TRUST_PROXY_HOPS=0): a new value each time gives no new budget", async () => {
    const send = await start();
    for (let i = 1; i <= 5; i++) expect((await send(`203.0.113.${i}`)).status, `message ${i}`).toBe(200);
    await expectLimited(await send("203.0.113.6"));
    await expectLimited(await send("198.51.100.1, 203.0.113.7"));
  });

  it("with TRUST_PROXY_HOPS=1 counts only the address the proxy appended; a value the client put in front changes nothing", async () => {
    const send = await start({ TRUST_PROXY_HOPS: "1" });
    // The proxy appends the address it saw; everything before it came from the client.
    for (let i = 1; i <= 5; i++) expect((await send(`203.0.113.${i}, 198.51.100.7`)).status, `message ${i}`).toBe(200);
    await expectLimited(await send("198.51.100.7"));
    await expectLimited(await send("10.0.0.1, 192.168.0.1, 198.51.100.7"));
    // Another real client behind the same proxy still has its own budget (the hop is honoured).
    expect((await send("198.51.100.8")).status).toBe(200);
  });

  it("counts an IPv6 client per /64: a new address from the same network gives no new budget", async () => {
    const send = await start({ TRUST_PROXY_HOPS: "1" });
    for (let i = 1; i <= 5; i++) expect((await send(`2001:db8:1:2::${i}`)).status, `message ${i}`).toBe(200);
    await expectLimited(await send("2001:db8:1:2:a:b:c:d"));
    expect((await send("2001:db8:1:3::1")).status).toBe(200);
  });
});

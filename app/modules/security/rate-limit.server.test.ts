import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.server";
import { hitAll, hitRateLimit, rules } from "./rate-limit.server";

describe("rate limits", () => {
  it("allows 5 sign-in attempts per account in 15 minutes, then answers with Retry-After", async () => {
    const t0 = new Date("2026-05-01T10:00:00Z");
    for (let i = 0; i < 5; i++)
      expect((await hitRateLimit(rules.loginPerAccount, "a@example.org", t0)).allowed).toBe(true);
    const sixth = await hitRateLimit(rules.loginPerAccount, "A@example.org", new Date(t0.getTime() + 60_000));
    expect(sixth.allowed).toBe(false);
    expect(sixth.retryAfterSeconds).toBe(14 * 60);
    // A new window: no permanent lockout.
    expect(
      (await hitRateLimit(rules.loginPerAccount, "a@example.org", new Date(t0.getTime() + 15 * 60_000 + 1))).allowed,
    ).toBe(true);
  });

  it("keeps 300 people behind one venue IP able to sign in, each within their own account budget", async () => {
    const t0 = new Date("2026-05-02T10:00:00Z");
    for (let i = 0; i < 300; i++) {
      const result = await hitAll(
        [
          [rules.loginPerAccount, `person${i}@example.org`],
          [rules.loginPerIp, "203.0.113.7"],
        ],
        t0,
      );
      expect(result.allowed).toBe(true);
    }
    expect(
      (
        await hitAll(
          [
            [rules.loginPerAccount, "one-more@example.org"],
            [rules.loginPerIp, "203.0.113.7"],
          ],
          t0,
        )
      ).allowed,
    ).toBe(false);
  });

  it("counts concurrent attempts exactly (one atomic statement)", async () => {
    const t0 = new Date("2026-05-03T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(rules.loginPerAccount, "race@example.org", t0)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });
});

describe("peeking", () => {
  it("reports a used-up budget without counting another attempt", async () => {
    const { isRateLimited } = await import("./rate-limit.server");
    const t0 = new Date("2026-05-04T10:00:00Z");
    expect((await isRateLimited(rules.loginPerAccount, "peek@example.org", t0)).allowed).toBe(true);
    for (let i = 0; i < 5; i++) await hitRateLimit(rules.loginPerAccount, "peek@example.org", t0);
    const peek = await isRateLimited(rules.loginPerAccount, "peek@example.org", t0);
    expect(peek).toEqual({ allowed: false, retryAfterSeconds: 900 });
    expect(
      (await isRateLimited(rules.loginPerAccount, "peek@example.org", new Date(t0.getTime() + 900_001))).allowed,
    ).toBe(true);
  });
});

describe("client address for per-IP limits", () => {
  it("keeps IPv4 as it is and counts IPv6 per /64, so rotating addresses inside one network gives no new budget", () => {
    expect(clientAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientAddress("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientAddress("2001:0db8:0001:0002:abcd:ef01:2345:6789")).toBe("2001:db8:1:2::/64");
    expect(clientAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientAddress("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(clientAddress("2001:db8:1:3::1")).not.toBe(clientAddress("2001:db8:1:2::1"));
    expect(clientAddress("unknown")).toBe("unknown");
  });
});

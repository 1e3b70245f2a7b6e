import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// deploy/: what can be checked without a Docker engine or a booted systemd (docs/operations.md
// says which checks ran where). The shutdown numbers must fit server.js: drain 10 s, forced exit ≤ 30 s.
const unit = readFileSync("deploy/ikon.service", "utf8");
const dockerfile = readFileSync("deploy/Dockerfile", "utf8");
const setting = (text: string, key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(text)?.[1];

describe("deploy/ikon.service", () => {
  it.skipIf(!existsSync("/usr/bin/systemd-analyze"))("passes systemd-analyze verify", () => {
    expect(() => execFileSync("systemd-analyze", ["verify", "deploy/ikon.service"], { stdio: "pipe" })).not.toThrow();
  });

  it("gives the app's shutdown time to finish before SIGKILL, runs as its own user, writes only DATA_DIR", () => {
    expect(Number(setting(unit, "TimeoutStopSec"))).toBeGreaterThan(30);
    expect(setting(unit, "KillSignal")).toBe("SIGTERM");
    expect(setting(unit, "User")).toBe("ikon");
    expect(setting(unit, "ProtectSystem")).toBe("strict");
    expect(setting(unit, "ReadWritePaths")).toBe("/var/lib/ikon");
    expect(unit).toContain("Environment=DATA_DIR=/var/lib/ikon");
  });
});

describe("deploy/Dockerfile", () => {
  it("is multi-stage, runs as a non-root user, checks /readyz, keeps state in /data only", () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    expect(lastStage).toMatch(/^USER node$/m);
    expect(lastStage).not.toMatch(/^RUN npm (ci|install)/m);
    expect(lastStage).toMatch(/^HEALTHCHECK .*\n?.*\/readyz/m);
    expect(lastStage).toMatch(/DATA_DIR=\/data/);
    expect(lastStage).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(lastStage).toMatch(/^STOPSIGNAL SIGTERM$/m);
    // Every directory the runtime stage copies exists in the repository.
    for (const m of lastStage.matchAll(/^COPY --from=build \/app\/(\S+) \.\/\S+$/gm)) {
      if (m[1] !== "node_modules" && m[1] !== "build") expect(existsSync(m[1]!), m[1]).toBe(true);
    }
  });
});

import { execFileSync, execSync } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import getPort from "get-port";

/**
 * A private PostgreSQL server for fault tests (stopping the shared one would break other tests).
 * Uses the machine's PostgreSQL binaries; as root it runs them as the postgres user.
 */
export async function privatePostgres() {
  const bin = path.join("/usr/lib/postgresql", readdirSync("/usr/lib/postgresql").sort().at(-1)!, "bin");
  const root = mkdtempSync(path.join(tmpdir(), "ikon-pg-"));
  const port = await getPort();
  const asPostgres = process.getuid?.() === 0;
  if (asPostgres)
    chownSync(
      root,
      Number(execSync("id -u postgres").toString().trim()),
      Number(execSync("id -g postgres").toString().trim()),
    );
  const run = (args: string[]) => {
    const cmd = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    if (asPostgres) execFileSync("su", ["postgres", "-c", cmd], { stdio: "ignore" });
    else execFileSync(args[0]!, args.slice(1), { stdio: "ignore" });
  };
  run([`${bin}/initdb`, "-D", `${root}/data`, "-A", "trust", "-U", "postgres"]);
  const start = () =>
    run([`${bin}/pg_ctl`, "-D", `${root}/data`, "-o", `-p ${port} -k ${root}`, "-l", `${root}/log`, "-w", "start"]);
  const stop = (mode: "fast" | "immediate" = "fast") =>
    run([`${bin}/pg_ctl`, "-D", `${root}/data`, "-m", mode, "-w", "stop"]);
  start();
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, start, stop };
}

export function postgresAvailable(): boolean {
  try {
    return readdirSync("/usr/lib/postgresql").length > 0;
  } catch {
    return false;
  }
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import getPort from "get-port";
import { simpleParser, type ParsedMail } from "mailparser";

export type RunningApp = {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Starts the built app (`node server.js`, production mode) on a free port (or `port`) with its own DATA_DIR,
 * as a person would run it, and waits until /readyz answers.
 */
export async function startApp(
  opts: { dataDir?: string; env?: Record<string, string>; readyMs?: number; port?: number } = {},
): Promise<RunningApp> {
  const port = opts.port ?? (await getPort());
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "ikon-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: url,
    DATA_DIR: dataDir,
    MAIL_TRANSPORT: "file",
    MAIL_POLL_MS: "200",
    LOG_LEVEL: "warn",
    // LibreOffice and page images only where a test asks for them (they cost seconds of CPU).
    CONVERSIONS: "false",
    ...opts.env,
  };
  delete env.DATABASE_URL;
  if (opts.env?.DATABASE_URL) env.DATABASE_URL = opts.env.DATABASE_URL;
  if (!opts.env?.SESSION_SECRET) delete env.SESSION_SECRET;
  delete env.TEST_DB;
  const child = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout!.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  // Generous: a busy CI machine migrates and seeds slowly; a child that never gets ready is killed.
  // A bound for failing, not a wait: raise it on an overloaded machine (TEST_APP_START_MS=600000).
  const deadline = Date.now() + (opts.readyMs ?? (Number(process.env.TEST_APP_START_MS) || 180_000));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`app did not become ready:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    process: child,
    output: () => log,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Every mail the file transport wrote, oldest first, parsed as a mail client would. */
export async function readMailbox(dataDir: string): Promise<ParsedMail[]> {
  const dir = path.join(dataDir, "mail");
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".eml"))
      .sort();
  } catch {
    return [];
  }
  return Promise.all(files.map((f) => simpleParser(readFileSync(path.join(dir, f)))));
}

/** Waits for a mail to arrive for an address whose subject matches. */
export async function waitForMail(
  dataDir: string,
  to: string,
  subject: RegExp,
  timeoutMs = 15_000,
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await readMailbox(dataDir)).reverse().find((m) => {
      const addresses = [m.to]
        .flat()
        .flatMap((a) => a?.value ?? [])
        .map((v) => v.address?.toLowerCase());
      return addresses.includes(to.toLowerCase()) && subject.test(m.subject ?? "");
    });
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The first link to `/<path>/<token>` in a mail's text (confirm link, manage link …). */
export function linkIn(text: string | undefined, path: string): string {
  const m = new RegExp(`https?://\\S+/${path}/[a-z2-7]+`).exec(text ?? "");
  if (!m) throw new Error(`no /${path}/ link in mail:\n${text}`);
  return m[0];
}

/** Runs the user CLI against a data directory (the server must not be running on it). */
export async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn("npx", ["tsx", ...args], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, output };
}

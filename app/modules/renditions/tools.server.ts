import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { env } from "~/utils/env.server";

/**
 * The external programs behind renditions and the publication: LibreOffice (`soffice`, headless)
 * and poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`). Each run has a time limit and is killed
 * with its whole process group when it exceeds it; LibreOffice gets a fresh profile directory and,
 * where the kernel allows it, no network at all (`unshare -rn`: an empty network namespace).
 */

export class ToolError extends Error {
  constructor(
    readonly reason: "timeout" | "failed" | "missing",
    message: string,
  ) {
    super(message);
  }
}

type RunResult = { stdout: Buffer; stderr: string };

export function run(
  cmd: string,
  args: string[],
  opts: { timeoutMs: number; cwd?: string; maxOutput?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = "";
    let timedOut = false;
    const limit = opts.maxOutput ?? 20 * 1024 * 1024;
    const killAll = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killAll();
    }, opts.timeoutMs);
    child.stdout.on("data", (c: Buffer) => {
      outBytes += c.length;
      if (outBytes <= limit) out.push(c);
    });
    child.stderr.on("data", (c: Buffer) => {
      if (stderr.length < 4000) stderr += c.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new ToolError(error.code === "ENOENT" ? "missing" : "failed", `${cmd}: ${error.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      killAll(); // LibreOffice may leave helpers behind in its group
      if (timedOut) reject(new ToolError("timeout", `${cmd} exceeded ${opts.timeoutMs} ms`));
      else if (code !== 0) reject(new ToolError("failed", `${cmd} exited with ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ stdout: Buffer.concat(out), stderr });
    });
  });
}

const found = new Map<string, Promise<boolean>>();
/** Whether a program can be started (checked once per process). */
export function available(cmd: string, args = ["-v"]): Promise<boolean> {
  let p = found.get(cmd);
  if (!p) {
    p = run(cmd, args, { timeoutMs: 30_000 }).then(
      () => true,
      (error: ToolError) => error.reason !== "missing",
    );
    found.set(cmd, p);
  }
  return p;
}

export const sofficeCommand = () => env.SOFFICE_PATH;
export const hasSoffice = () => available(sofficeCommand(), ["--version"]);
export const hasPoppler = () => available("pdfinfo", ["-v"]);

let isolation: Promise<string[]> | undefined;
/** `unshare -rn` when the kernel lets this user create an empty network namespace, else nothing. */
function networkIsolation(): Promise<string[]> {
  isolation ??= run("unshare", ["-rn", "true"], { timeoutMs: 10_000 }).then(
    () => ["unshare", "-rn"],
    () => [],
  );
  return isolation;
}

/** Queue of LibreOffice runs in this process: one at a time (it is memory-hungry and single-user). */
let chain: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

/**
 * Converts `input` with LibreOffice headless (read with `infilter` when given; filter e.g. "pdf" or a
 * JSON-options filter) and returns the path of the result in a new temp dir the caller removes.
 * A fresh profile per run, time limit, no network.
 */
export function sofficeConvert(
  input: string,
  opts: { filter: string; outExt: string; timeoutMs: number; infilter?: string },
): Promise<string> {
  return oneAtATime(async () => {
    const profile = await mkdtemp(path.join(tmpdir(), "ikon-soffice-profile-"));
    const outDir = await mkdtemp(path.join(tmpdir(), "ikon-soffice-out-"));
    try {
      const prefix = await networkIsolation();
      const args = [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--norestore",
        ...(opts.infilter ? [`--infilter=${opts.infilter}`] : []),
        "--convert-to",
        opts.filter,
        "--outdir",
        outDir,
        input,
      ];
      const [cmd, ...rest] = [...prefix, sofficeCommand(), ...args];
      await run(cmd!, rest, { timeoutMs: opts.timeoutMs });
      const produced = (await readdir(outDir)).find((f) => f.toLowerCase().endsWith(`.${opts.outExt}`));
      if (!produced) throw new ToolError("failed", "soffice produced no output");
      return path.join(outDir, produced);
    } catch (error) {
      await rm(outDir, { recursive: true, force: true });
      throw error;
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
}

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [file], { timeoutMs: 30_000 });
  const m = /^Pages:\s+(\d+)/m.exec(stdout.toString());
  if (!m) throw new ToolError("failed", "pdfinfo: no page count");
  return Number(m[1]);
}

/** The text of each page (pdftotext separates pages with a form feed). */
export async function pdfPageTexts(file: string, pages: number): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", "-l", String(pages), file, "-"], { timeoutMs: 60_000 });
  const parts = stdout.toString().split("\f");
  return Array.from({ length: pages }, (_, i) =>
    (parts[i] ?? "")
      .replace(/[^\S\n]+/g, " ")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
      .slice(0, 20_000),
  );
}

/** One PNG per page, fitted into 1600 × 1600 px, in a new temp dir; returns the files in page order. */
export async function pdfPageImages(file: string, pages: number): Promise<{ dir: string; files: string[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), "ikon-pages-"));
  await run("pdftoppm", ["-png", "-scale-to", "1600", "-l", String(pages), file, path.join(dir, "p")], {
    timeoutMs: 60_000 + pages * 5_000,
  });
  const files = (await readdir(dir))
    .filter((f) => f.endsWith(".png"))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(dir, f));
  return { dir, files };
}

import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext } from "playwright-core";

// The W3C Nu HTML checker (npm vnu-jar) on the Java of the machine (.ci/run installs
// default-jre-headless when `java` is missing). One JVM checks every page of a crawl at once.
const require = createRequire(import.meta.url);
const VNU_JAR = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");

export type VnuMessage = { page: string; message: string; extract: string; line?: number };

// Paths not to follow: they act (sign out, switch language), stream, or send files.
const SKIP = [
  /^\/logout/,
  /^\/sprache/,
  /\/stream(\/|$)/,
  /\/(datei|dateien|download|export|folien)(\/|$)/,
  /\.(ics|csv|xlsx|pdf|zip|json|xml|png|jpe?g|svg|webp)(\?|$)/,
  /^\/i18n\//,
  /^\/(build|assets|fonts|media)\//,
];

function decode(href: string) {
  return href
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

/**
 * Fetches every same-origin HTML page reachable by links from the start paths (breadth first) as the
 * server sends it (the bytes the checker must judge, before any script runs).
 */
export async function crawlHtml(
  request: APIRequestContext,
  base: string,
  starts: string[],
  opts: { limit?: number; within?: RegExp } = {},
) {
  const pages = new Map<string, string>();
  const seen = new Set<string>();
  const variants = new Map<string, number>();
  const queue = [...starts];
  while (queue.length && pages.size < (opts.limit ?? 100)) {
    const url = new URL(queue.shift()!, base);
    const key = url.pathname + url.search;
    if (seen.has(key) || SKIP.some((re) => re.test(url.pathname)) || (opts.within && !opts.within.test(url.pathname)))
      continue;
    seen.add(key);
    // Pages of one kind (a document, a group, a filtered view) share their markup: two of each.
    const kind = url.pathname.replace(/[^/]*\d[^/]*|[^/]{25,}/g, "*") + (url.search ? "?" : "");
    const n = variants.get(kind) ?? 0;
    if (n >= 2) continue;
    variants.set(kind, n + 1);
    const response = await request.get(url.toString());
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    const html = await response.text();
    pages.set(key, html);
    for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
      const target = new URL(decode(m[1]!), url);
      if (target.origin !== url.origin) continue;
      target.hash = "";
      queue.push(target.pathname + target.search);
    }
  }
  return pages;
}

/** Runs vnu over the pages (label → HTML) and returns its errors, each with the page's label. */
export async function vnuErrors(pages: Map<string, string>): Promise<VnuMessage[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "ikon-vnu-"));
  const labels = new Map<string, string>();
  try {
    let i = 0;
    for (const [label, html] of pages) {
      const file = path.join(dir, `page-${String(i++).padStart(4, "0")}.html`);
      writeFileSync(file, html);
      labels.set(file, label);
    }
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile(
        "java",
        ["-Xss4m", "-jar", VNU_JAR, "--errors-only", "--format", "json", "--exit-zero-always", dir],
        { maxBuffer: 64 * 1024 * 1024 },
        (error, _stdout, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(err)),
      );
    });
    const report = JSON.parse(stderr) as {
      messages: { type: string; url?: string; message: string; extract?: string; lastLine?: number }[];
    };
    return report.messages
      .filter((m) => m.type === "error" || m.type === "non-document-error")
      .map((m) => {
        const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : "";
        return {
          page: labels.get(file) ?? file,
          message: m.message,
          extract: (m.extract ?? "").replace(/\s+/g, " ").trim(),
          line: m.lastLine,
        };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";

export type Violation = { url: string; id: string; impact: string | null | undefined; help: string; targets: string[] };

/** axe-core with the WCAG 2.1 A/AA rule sets (BITV 2.0). */
export async function axeCheck(page: Page, label = page.url()): Promise<Violation[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({
    url: label,
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

// Paths not to follow: they act (sign out, switch language), stream, or send files.
const SKIP = [
  /^\/logout/,
  /^\/sprache/,
  /\/stream(\/|$)/,
  /\/(datei|dateien|download|export)/,
  /\.(ics|csv|xlsx|pdf|zip|json|xml|png|jpe?g|svg)(\?|$)/,
  /\/feed\.xml/,
];

const RECORD_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_]{20,})$/i;

/** A path with its record ids (uuids, numbers, tokens) replaced: /ziele/12 → /ziele/:id. Years stay. */
export function routeOf(pathname: string): string {
  return pathname
    .split("/")
    .map((part) => (RECORD_ID.test(part) && !/^(19|20)\d\d$/.test(part) ? ":id" : part))
    .join("/");
}

/**
 * Visits every same-origin page reachable by links from the start paths (breadth first), runs axe
 * on each and returns the violations and the pages seen.
 */
export async function crawl(
  context: BrowserContext,
  base: string,
  starts: string[],
  opts: { limit?: number; within?: RegExp } = {},
) {
  const seen = new Set<string>();
  // Filtered views of one page (?feld=…, ?seite=…) share its markup, and so do the pages of one route
  // for different records (/teilnehmende/<id>, /ziele/<number>): check at most three of each.
  const variants = new Map<string, number>();
  const queue = [...starts];
  const violations: Violation[] = [];
  const page = await context.newPage();
  while (queue.length && seen.size < (opts.limit ?? 150)) {
    const next = queue.shift()!;
    const url = new URL(next, base);
    const key = url.pathname + url.search;
    if (seen.has(key) || SKIP.some((re) => re.test(url.pathname)) || (opts.within && !opts.within.test(url.pathname)))
      continue;
    const route = routeOf(url.pathname);
    if (url.search || route !== url.pathname) {
      const n = variants.get(route) ?? 0;
      if (n >= 3) continue;
      variants.set(route, n + 1);
    }
    seen.add(key);
    const response = await page.goto(url.toString());
    if (!response || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    violations.push(...(await axeCheck(page, key)));
    const links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const target = new URL(link);
      if (target.origin !== url.origin) continue;
      target.hash = "";
      queue.push(target.pathname + target.search);
    }
  }
  await page.close();
  return { violations, pages: [...seen] };
}

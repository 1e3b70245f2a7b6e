/**
 * Import cycles between folders: each domain folder app/modules/<domain> is one unit, every other
 * top-level folder of app/ (routes, server, components, i18n, db, utils) one unit. An import of
 * another unit is an edge; a cycle of units means two folders depend on each other. Type-only
 * imports count as well: they couple the folders just the same. Run: `npx tsx scripts/import-cycles.ts`
 * (tests/integration/import-cycles.test.ts runs it with the unit tests).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type Edge = { from: string; to: string; file: string };

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g;

/** The unit an app-relative path belongs to ("modules/goals", "server", …), or null outside app/. */
export function unitOf(appRelative: string): string | null {
  const parts = appRelative.split("/");
  if (parts.length < 2) return null; // root.tsx, entry.*: the app itself
  return parts[0] === "modules" ? `modules/${parts[1]}` : parts[0]!;
}

/** Edges between units from one file's source text. */
export function edgesOf(appRelativeFile: string, source: string): Edge[] {
  const from = unitOf(appRelativeFile);
  if (!from) return [];
  const edges: Edge[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1]!;
    let target: string | null = null;
    if (spec.startsWith("~/")) target = spec.slice(2);
    else if (spec.startsWith("."))
      target = path.posix.normalize(path.posix.join(path.posix.dirname(appRelativeFile), spec));
    if (!target) continue;
    const to = unitOf(target);
    if (to && to !== from) edges.push({ from, to, file: appRelativeFile });
  }
  return edges;
}

/** Every cycle of units (strongly connected components with more than one unit), sorted. */
export function findCycles(edges: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!graph.has(e.from)) graph.set(e.from, new Set());
    if (!graph.has(e.to)) graph.set(e.to, new Set());
    graph.get(e.from)!.add(e.to);
  }
  // Tarjan's algorithm.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) cycles.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return cycles.sort((a, b) => a.join().localeCompare(b.join()));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

export function appEdges(appDir = "app"): Edge[] {
  return filesUnder(appDir).flatMap((file) =>
    edgesOf(path.relative(appDir, file).split(path.sep).join("/"), readFileSync(file, "utf8")),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const edges = appEdges();
  const cycles = findCycles(edges);
  for (const cycle of cycles) {
    console.error(`Import cycle between folders: ${cycle.join(" ↔ ")}`);
    for (const e of edges.filter((e) => cycle.includes(e.from) && cycle.includes(e.to)))
      console.error(`  ${e.file} → ${e.to}`);
  }
  process.exit(cycles.length ? 1 : 0);
}

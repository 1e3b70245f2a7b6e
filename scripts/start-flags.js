// How `npm start` starts the server (its environment settings and node flags: the JS heap limit,
// glibc's trim threshold), so the benchmarks run it as production runs it.
import { readFileSync } from "node:fs";

export function startFlags() {
  const [before, after] = JSON.parse(readFileSync("package.json", "utf8")).scripts.start.split(/\bnode\b/);
  const env = Object.fromEntries(
    before
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split("=")),
  );
  const args = after.replace("server.js", "").trim().split(/\s+/).filter(Boolean);
  return { env, args };
}

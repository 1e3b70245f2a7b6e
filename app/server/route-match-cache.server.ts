import { createRequire } from "node:module";

/**
 * Route matching without re-ranking the route tree on every call (issue #19, Must have 4).
 *
 * `matchRoutes` of @remix-run/router flattens and ranks all ~90 routes each time it is called. A
 * document request calls it four to five times: Remix's server matching once, and lazy route
 * discovery (`getPartialManifest` in <Scripts>) once per path segment. The route tree never changes
 * in a running process, so the answer depends only on the routes, the pathname and the basename.
 *
 * Remix loads @remix-run/router as CommonJS and calls it as `router.matchRoutes(…)`, so replacing
 * that export memoises every caller (the static handler's own internal call stays as it is).
 * Answers are copied on the way out (callers get their own match and params objects); the cache is
 * bounded (pathnames are chosen by visitors), oldest entry out first.
 */
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: unknown };
type MatchRoutes = (routes: unknown, location: string | { pathname?: string }, basename?: string) => Match[] | null;

const MARK = Symbol.for("ikon.memoisedMatchRoutes");

export function memoiseMatchRoutes(original: MatchRoutes, maxEntries = 2000): MatchRoutes {
  const byRoutes = new WeakMap<object, Map<string, Match[] | null>>();
  const memoised: MatchRoutes = (routes, location, basename = "/") => {
    const pathname = typeof location === "string" ? location.replace(/[?#].*$/s, "") : location?.pathname;
    if (typeof routes !== "object" || routes === null || typeof pathname !== "string")
      return original(routes, location, basename);
    let cache = byRoutes.get(routes);
    if (!cache) byRoutes.set(routes, (cache = new Map()));
    const key = `${basename}\u0000${pathname}`;
    let matches = cache.get(key);
    if (matches === undefined) {
      matches = original(routes, pathname, basename);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(key, matches);
    }
    return matches && matches.map((m) => ({ ...m, params: { ...m.params } }));
  };
  Object.defineProperty(memoised, MARK, { value: original });
  return memoised;
}

/** Installs the memoised matcher into the @remix-run/router module Remix uses (once per process). */
export function installRouteMatchCache(): void {
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };
  if ((router.matchRoutes as unknown as Record<symbol, unknown>)[MARK]) return;
  router.matchRoutes = memoiseMatchRoutes(router.matchRoutes);
}

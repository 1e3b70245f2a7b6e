import { createRequire } from "node:module";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it, vi } from "vitest";
import { installRouteMatchCache, memoiseMatchRoutes } from "./route-match-cache.server";

const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "conference", path: "konferenzen/:year" },
      { id: "registration", path: "konferenzen/:year/anmeldung" },
      { id: "splat", path: "*" },
    ],
  },
];
const paths = [
  "/",
  "/konferenzen/2026",
  "/konferenzen/2026/anmeldung",
  "/konferenzen/2026?x=1#y",
  "/gibt/es/nicht",
  "/Konferenzen/2027/",
];

describe("memoised route matching", () => {
  it("answers like matchRoutes, for strings and locations, with own objects per call", () => {
    const memo = memoiseMatchRoutes(matchRoutes as never);
    for (const p of paths) {
      expect(memo(routes, p)).toEqual(matchRoutes(routes, p));
      expect(memo(routes, { pathname: p.replace(/[?#].*/, "") })).toEqual(matchRoutes(routes, p));
      expect(memo(routes, p, "/basis")).toEqual(matchRoutes(routes, p, "/basis"));
    }
    const a = memo(routes, "/konferenzen/2026")!;
    a[1]!.params.year = "verändert";
    expect(memo(routes, "/konferenzen/2026")![1]!.params.year).toBe("2026");
  });

  it("ranks the routes once per pathname and stays bounded", () => {
    const original = vi.fn(matchRoutes);
    const memo = memoiseMatchRoutes(original as never, 3);
    memo(routes, "/konferenzen/2026");
    memo(routes, "/konferenzen/2026?q=1");
    expect(original).toHaveBeenCalledTimes(1);
    for (const p of ["/a", "/b", "/c", "/konferenzen/2026"]) memo(routes, p);
    expect(original).toHaveBeenCalledTimes(5); // the first entry was pushed out by three others
    const other = [...routes];
    memo(other, "/a");
    expect(original).toHaveBeenCalledTimes(6); // another route tree has its own entries
  });

  it("is installed into the router module Remix calls, once", () => {
    const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: typeof matchRoutes };
    const before = router.matchRoutes;
    installRouteMatchCache();
    const installed = router.matchRoutes;
    installRouteMatchCache();
    expect(installed).not.toBe(before);
    expect(router.matchRoutes).toBe(installed);
    expect(installed(routes, "/konferenzen/2026")).toEqual(before(routes, "/konferenzen/2026"));
    router.matchRoutes = before;
  });
});

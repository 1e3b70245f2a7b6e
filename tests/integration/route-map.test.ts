import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderRouteMap, routeList } from "../../scripts/route-map.js";

describe("docs/route-map.md", () => {
  it("lists every route file of app/routes, each under a feature, as the generator writes it", () => {
    const routes = routeList();
    expect(routes.length).toBeGreaterThan(50);
    const committed = readFileSync("docs/route-map.md", "utf8");
    for (const route of routes) expect(committed).toContain(`\`${route.file}\``);
    // Out of date: run `node scripts/route-map.js --write`.
    expect(committed).toBe(renderRouteMap());
  });
});

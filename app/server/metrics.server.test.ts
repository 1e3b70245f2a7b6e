import { describe, expect, it } from "vitest";
import { routeLabel, routePatterns } from "./metrics.server";

// A slice of the real manifest's shapes: root, index, static, dynamic, nested, optional, splat.
const routes = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/konferenzen._index": { id: "routes/konferenzen._index", parentId: "root", path: "konferenzen", index: true },
  "routes/konferenzen.$year": { id: "routes/konferenzen.$year", parentId: "root", path: "konferenzen/:year" },
  "routes/konferenzen.$year.anmeldung": {
    id: "routes/konferenzen.$year.anmeldung",
    parentId: "root",
    path: "konferenzen/:year/anmeldung",
  },
  "routes/konferenzen.archiv": { id: "routes/konferenzen.archiv", parentId: "root", path: "konferenzen/archiv" },
  "routes/dateien.$fileId": { id: "routes/dateien.$fileId", parentId: "root", path: "dateien/:fileId" },
  "routes/login": { id: "routes/login", parentId: "root", path: "login" },
  "routes/login.link": { id: "routes/login.link", parentId: "routes/login", path: "link" },
  "routes/($lang).hilfe": { id: "routes/($lang).hilfe", parentId: "root", path: ":lang?/hilfe" },
  "routes/$": { id: "routes/$", parentId: "root", path: "*" },
};

describe("route labels for request durations", () => {
  const patterns = routePatterns(routes);
  it.each([
    ["/", "/"],
    ["/konferenzen", "/konferenzen"],
    ["/konferenzen/", "/konferenzen"],
    ["/konferenzen/2026", "/konferenzen/:year"],
    ["/konferenzen/archiv", "/konferenzen/archiv"],
    ["/konferenzen/2026/anmeldung", "/konferenzen/:year/anmeldung"],
    ["/konferenzen/2026/anmeldung.data", "/konferenzen/:year/anmeldung"],
    ["/_root.data", "/"],
    ["/dateien/0b6c2f1e-8a51-4a3c-9a8d-2d7a1f0e9c11", "/dateien/:fileId"],
    ["/login/link", "/login/link"],
    ["/hilfe", "/:lang?/hilfe"],
    ["/en/hilfe", "/:lang?/hilfe"],
    ["/gibt/es/nicht", "/*"],
  ])("%s → %s", (path, label) => {
    expect(routeLabel(patterns, path)).toBe(label);
  });

  it("without a catch-all route, unknown paths share one label", () => {
    const { "routes/$": _splat, ...rest } = routes;
    expect(routeLabel(routePatterns(rest), "/a/b/c/d")).toBe("(unmatched)");
  });
});

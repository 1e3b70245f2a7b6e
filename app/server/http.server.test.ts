import { describe, expect, it } from "vitest";
import { loggablePath } from "~/utils/logger.server";
import { safeRedirect } from "./http.server";

describe("safeRedirect", () => {
  // Every trick that once produced "//evil.example" (or another host) after normalising, plus
  // encoded and backslash variants: all end at the fallback or on a path of our own.
  const hostile = [
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/%2e%2e//evil.example",
    "/a/..//evil.example",
    "/a/../..//evil.example",
    "/././/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/.\\/evil.example",
    "/..\\\\evil.example",
    "\\\\evil.example",
    "/%5cevil.example",
    "/%5C%5Cevil.example",
    "/%2f%2fevil.example",
    "/%2F/evil.example",
    "/.%2f%2fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "https://evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    " /evil",
    "evil.example",
    "",
  ];
  it.each(hostile)("refuses %j", (to) => {
    const result = safeRedirect(to, "/start");
    expect(result === "/start" || /^\/(?![/\\])/.test(result)).toBe(true);
    expect(new URL(result, "https://ikon.example").host).toBe("ikon.example");
  });

  it("keeps our own paths, with query and fragment", () => {
    expect(safeRedirect("/verwaltung/konferenzen?x=1#top")).toBe("/verwaltung/konferenzen?x=1#top");
    expect(safeRedirect("/a/../verwaltung")).toBe("/verwaltung");
    expect(safeRedirect("/konferenzen/2026/anmeldung")).toBe("/konferenzen/2026/anmeldung");
    expect(safeRedirect(null, "/x")).toBe("/x");
  });
});

describe("loggablePath", () => {
  it("cuts tokens (also in capitals) and escapes control characters", () => {
    const token = "abcdefghijklmnopqrstuvwxyz234567";
    expect(loggablePath(`/meine-anmeldung/${token}/bescheinigung.pdf`)).toBe(
      "/meine-anmeldung/[token]/bescheinigung.pdf",
    );
    expect(loggablePath(`/login/link/${token.toUpperCase()}`)).toBe("/login/link/[token]");
    expect(loggablePath("/a\u0000b\nc")).toBe("/a\\x00b\\x0ac");
  });
});

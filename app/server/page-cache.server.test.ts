import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cacheKey, makePage, PLACEHOLDER, stamp, stampGzip } from "./page-cache.server";

const request = (path: string, cookie?: string, method = "GET") => ({
  method,
  path: path.split("?")[0]!,
  originalUrl: path,
  headers: cookie ? { cookie } : {},
});

describe("page cache: which requests", () => {
  it("caches public pages for visitors with no cookie but the CSRF token and the language", () => {
    expect(cacheKey(request("/konferenzen/2026"), "ikon_csrf")).toBe("/konferenzen/2026\n");
    expect(cacheKey(request("/suche?q=Sprache", "ikon_csrf=abc; lang=ImVuIg%3D%3D"), "ikon_csrf")).toBe(
      "/suche?q=Sprache\nImVuIg%3D%3D",
    );
    expect(cacheKey(request("/impressum", undefined, "HEAD"), "ikon_csrf")).not.toBeNull();
    for (const path of ["/monitoring", "/monitoring/bildung", "/monitoring/rechtliche-situation/einbuergerungen"])
      expect(cacheKey(request(path), "ikon_csrf"), path).toBe(`${path}\n`);
  });

  it("never caches signed-in visitors, personal pages, devices, flash messages or writes", () => {
    expect(cacheKey(request("/konferenzen/2026", "ikon_session=s"), "ikon_csrf")).toBeNull();
    expect(cacheKey(request("/konferenzen/2026", "ikon_device=d; lang=x"), "ikon_csrf")).toBeNull();
    expect(cacheKey(request("/konferenzen/2026", "flash=gespeichert"), "ikon_csrf")).toBeNull();
    expect(cacheKey(request("/konferenzen/2026", undefined, "POST"), "ikon_csrf")).toBeNull();
    for (const path of [
      "/meine-anmeldung/abc",
      "/live/ABCD",
      "/live/ABCD/x",
      "/verwaltung",
      "/login",
      "/anmeldung-bestaetigen/t",
      "/ziele/mitmachen/c",
      "/konferenzen/2026.data",
      "/dateien/x",
      "/feed.xml",
      "/monitoring/bildung/schulabgang-ohne-abschluss.csv",
      "/monitoring/bildung.data",
    ]) {
      expect(cacheKey(request(path), "ikon_csrf"), path).toBeNull();
    }
    expect(cacheKey({ ...request("/impressum"), headers: { authorization: "Basic x" } }, "ikon_csrf")).toBeNull();
  });
});

describe("page cache: stamping", () => {
  const html = (nonce: string, csrf: string) =>
    `<!DOCTYPE html><html><head><script nonce="${nonce}">x</script></head><body>${"<p>Integrationskonferenz Bottrop</p>".repeat(400)}<form><input type="hidden" name="_csrf" value="${csrf}"></form><script nonce="${nonce}">{"csrfToken":"${csrf}"}</script>${"<li>Forum</li>".repeat(300)}</body></html>`;
  const page = makePage(
    200,
    [["content-type", "text/html; charset=utf-8"]],
    Buffer.from(html(PLACEHOLDER.nonce, PLACEHOLDER.csrf)),
  );

  it("gives each response its own tokens, uncompressed and gzip, equal to a render with them", () => {
    for (const tokens of [
      { nonce: "q+/A1b2C3d4E5f6G7h8I9w==", csrf: "abcdefghijklmnopqrstuvwxyz012_-9" },
      { nonce: "ZZZZZZZZZZZZZZZZZZZZZA==", csrf: "________________________________" },
    ]) {
      const expected = html(tokens.nonce, tokens.csrf);
      expect(stamp(page, tokens).toString()).toBe(expected);
      const gz = stampGzip(page, tokens);
      expect(gunzipSync(gz).toString()).toBe(expected);
      // Compressed once, still small: the repeated markup is not sent again.
      expect(gz.length).toBeLessThan(expected.length / 10);
    }
  });

  it("serves a page that contains NUL bytes uncompressed only", () => {
    const odd = makePage(200, [], Buffer.from(`a\u0000b${PLACEHOLDER.csrf}c`));
    expect(odd.deflated).toBeNull();
    expect(stamp(odd, { nonce: "n", csrf: "T" }).toString()).toBe("a\u0000bTc");
  });
});

import { randomBytes } from "node:crypto";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { ContentVersion } from "~/db/content-version.server";

/**
 * Full-page cache for anonymous visitors of public pages (docs/performance.md).
 *
 * - Only GET/HEAD of the public pages in PUBLIC_PAGES, from a visitor whose only cookies are the
 *   CSRF cookie and the language; the page is rendered from a request that carries nothing but the
 *   address and the language, so nothing personal can reach it. Not stored: anything but a 200
 *   HTML page with the default Cache-Control and without Set-Cookie.
 * - Rendered with a placeholder nonce and CSRF token; each answer stamps this response's own into
 *   the stored bytes (both have fixed lengths).
 * - Valid while the content version it was rendered at is current (every committed write of
 *   content changes it, on every instance: app/db/content-version.server.ts), and at most `ttlMs`.
 * - Compressed once: gzip from stored raw-deflate pieces, the tokens between them as stored
 *   (uncompressed) deflate blocks, so stamping needs no compression per answer.
 */

const PUBLIC_PAGES = [
  /^\/$/,
  /^\/arbeitskreise(?:\/[a-z0-9-]{1,80})?$/,
  /^\/konferenzen(?:\/\d{4}(?:\/(?:anmeldung|dokumentation))?)?$/,
  /^\/dokumente(?:\/[A-Za-z0-9-]{1,80})?$/,
  /^\/ziele(?:\/(?:abdeckung|ergebnis\/\d{4}|[0-9a-f-]{36}))?$/,
  /^\/suche$/,
  /^\/monitoring(?:\/[a-z0-9-]{1,40}(?:\/[a-z0-9-]{1,120})?)?$/,
  /^\/(?:impressum|datenschutz|barrierefreiheit|leichte-sprache)$/,
];

const LANGUAGE_COOKIE = "lang";
const MAX_URL = 512;

function alnum(length: number): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(length), (b) => chars[b % chars.length]).join("");
}

/** Same lengths as the real ones: a nonce is base64 of 16 bytes, a CSRF token base64url of 24. */
export const PLACEHOLDER = { nonce: `${alnum(22)}==`, csrf: alnum(32) } as const;
type Slot = keyof typeof PLACEHOLDER;

/** The cache key of a request, or null when the request must not be served from the cache. */
export function cacheKey(
  req: { method: string; path: string; originalUrl: string; headers: Record<string, string | string[] | undefined> },
  csrfCookie: string,
): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (req.originalUrl.length > MAX_URL || req.headers.authorization) return null;
  if (!PUBLIC_PAGES.some((re) => re.test(req.path))) return null;
  let language = "";
  for (const part of String(req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (!name) continue;
    if (name === LANGUAGE_COOKIE) language = part.slice(eq + 1).trim();
    else if (name !== csrfCookie) return null; // a session, a device, a flash message, anything else
  }
  return `${req.originalUrl}\n${language}`;
}

export type Page = {
  status: number;
  headers: [string, string][];
  /** The body cut at every placeholder; slots[i] sits between pieces[i] and pieces[i + 1]. */
  pieces: Buffer[];
  slots: Slot[];
  /** Raw deflate of each piece (null when the page cannot be stamped into gzip). */
  deflated: Buffer[] | null;
  length: number;
  bytes: number;
};

function split(body: Buffer): { pieces: Buffer[]; slots: Slot[] } {
  const marks = (Object.keys(PLACEHOLDER) as Slot[]).map((slot) => ({ slot, bytes: Buffer.from(PLACEHOLDER[slot]) }));
  const found: { at: number; slot: Slot; length: number }[] = [];
  for (const { slot, bytes } of marks) {
    for (let at = body.indexOf(bytes); at >= 0; at = body.indexOf(bytes, at + bytes.length))
      found.push({ at, slot, length: bytes.length });
  }
  found.sort((a, b) => a.at - b.at);
  const pieces: Buffer[] = [];
  const slots: Slot[] = [];
  let from = 0;
  for (const f of found) {
    pieces.push(body.subarray(from, f.at));
    slots.push(f.slot);
    from = f.at + f.length;
  }
  pieces.push(body.subarray(from));
  return { pieces, slots };
}

/**
 * Each piece deflated on its own, with everything before it as the dictionary — the token regions
 * as NUL bytes, which HTML never contains, so no back-reference can reach into a token. Pieces end
 * byte-aligned (sync flush), the last one with the final block.
 */
function deflatePieces(pieces: Buffer[], slots: Slot[]): Buffer[] | null {
  if (pieces.some((p) => p.includes(0))) return null;
  const out: Buffer[] = [];
  const seen: Buffer[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const window = Buffer.concat(seen).subarray(-32_768);
    const last = i === pieces.length - 1;
    out.push(
      deflateRawSync(pieces[i]!, {
        level: 9,
        ...(window.length ? { dictionary: window } : {}),
        finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      }),
    );
    seen.push(pieces[i]!);
    if (!last) seen.push(Buffer.alloc(PLACEHOLDER[slots[i]!].length));
  }
  return out;
}

export function makePage(status: number, headers: [string, string][], body: Buffer): Page {
  const { pieces, slots } = split(body);
  const deflated = deflatePieces(pieces, slots);
  const bytes = body.length + (deflated?.reduce((n, b) => n + b.length, 0) ?? 0) + 512;
  return { status, headers, pieces, slots, deflated, length: body.length, bytes };
}

export type Tokens = Record<Slot, string>;

/** The page with this response's tokens, uncompressed. */
export function stamp(page: Page, tokens: Tokens): Buffer {
  const parts: Buffer[] = [];
  page.pieces.forEach((piece, i) => {
    parts.push(piece);
    if (i < page.slots.length) parts.push(Buffer.from(tokens[page.slots[i]!]));
  });
  return Buffer.concat(parts);
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);

/** The page with this response's tokens, gzip; the tokens travel as stored deflate blocks. */
export function stampGzip(page: Page, tokens: Tokens): Buffer {
  if (!page.deflated) throw new Error("page has no gzip form");
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  page.pieces.forEach((piece, i) => {
    parts.push(page.deflated![i]!);
    crc = crc32(piece, crc);
    if (i < page.slots.length) {
      const token = Buffer.from(tokens[page.slots[i]!]);
      const block = Buffer.alloc(5);
      block[0] = 0; // not final, stored; the stream is byte-aligned after a sync flush
      block.writeUInt16LE(token.length, 1);
      block.writeUInt16LE(~token.length & 0xffff, 3);
      parts.push(block, token);
      crc = crc32(token, crc);
    }
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(page.length % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

function acceptsGzip(header: string | undefined): boolean {
  for (const part of (header ?? "").split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

type Entry = { page: Page; version: number; at: number };

export type PageCacheOptions = {
  build: ServerBuild;
  /** server.js's load context (client address, nonce, CSRF token); the tokens are replaced here. */
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  csrfCookie: string;
  appOrigin: string;
  contentVersion: () => ContentVersion;
  ttlMs: number;
  maxBytes: number;
};

/** Express middleware in front of Remix: answers cacheable requests, passes everything else on. */
export function pageCache(opts: PageCacheOptions) {
  const handle = createRequestHandler(opts.build, "production");
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, Promise<Page | null>>();
  let bytes = 0;

  const remember = (key: string, entry: Entry) => {
    const old = entries.get(key);
    if (old) bytes -= old.page.bytes;
    entries.delete(key);
    entries.set(key, entry);
    bytes += entry.page.bytes;
    // Least recently used first (a hit moves its entry to the end).
    for (const [k, e] of entries) {
      if (bytes <= opts.maxBytes) break;
      entries.delete(k);
      bytes -= e.page.bytes;
    }
  };

  async function render(
    req: ExpressRequest,
    res: ExpressResponse,
    key: string,
  ): Promise<{ page: Page; storable: boolean }> {
    const language = key.slice(key.lastIndexOf("\n") + 1);
    const request = new Request(new URL(req.originalUrl, opts.appOrigin), {
      headers: language ? { cookie: `${LANGUAGE_COOKIE}=${language}` } : {},
    });
    const context = {
      ...opts.getLoadContext(req, res),
      cspNonce: PLACEHOLDER.nonce,
      csrfToken: PLACEHOLDER.csrf,
      wholeDocument: true,
    };
    const response = await handle(request, context);
    const body = Buffer.from(await response.arrayBuffer());
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (!["content-length", "content-encoding", "transfer-encoding", "set-cookie"].includes(name))
        headers.push([name, value]);
    });
    for (const cookie of response.headers.getSetCookie()) headers.push(["set-cookie", cookie]);
    const storable =
      response.status === 200 &&
      (response.headers.get("content-type") ?? "").startsWith("text/html") &&
      response.headers.get("cache-control") === "private, no-cache" &&
      !response.headers.has("set-cookie");
    return { page: makePage(response.status, headers, body), storable };
  }

  function send(req: ExpressRequest, res: ExpressResponse, page: Page, state: "hit" | "miss" | "pass") {
    const tokens: Tokens = { nonce: res.locals.cspNonce as string, csrf: res.locals.csrfToken as string };
    res.status(page.status);
    for (const [name, value] of page.headers) {
      if (name === "set-cookie") res.append(name, value);
      else res.setHeader(name, value);
    }
    res.setHeader("X-Page-Cache", state);
    res.setHeader("Vary", "Accept-Encoding");
    const gzip = page.deflated && acceptsGzip(req.headers["accept-encoding"]);
    const body = gzip ? stampGzip(page, tokens) : stamp(page, tokens);
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  return async function pageCacheMiddleware(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    const key = opts.ttlMs > 0 ? cacheKey(req, opts.csrfCookie) : null;
    if (!key) return next();
    try {
      const version = await opts.contentVersion().current();
      if (version < 0) return next();
      const entry = entries.get(key);
      if (entry && entry.version === version && Date.now() - entry.at < opts.ttlMs) {
        entries.delete(key);
        entries.set(key, entry);
        return send(req, res, entry.page, "hit");
      }
      // Visitors asking for the same page at once share one render.
      const shared = `${version}\n${key}`;
      const pending = rendering.get(shared);
      if (pending) {
        const page = await pending;
        if (page) return send(req, res, page, "hit");
      }
      let settle!: (page: Page | null) => void;
      rendering.set(shared, new Promise((resolve) => (settle = resolve)));
      try {
        const { page, storable } = await render(req, res, key);
        if (storable) remember(key, { page, version, at: Date.now() });
        settle(storable ? page : null);
        return send(req, res, page, storable ? "miss" : "pass");
      } catch (error) {
        settle(null);
        throw error;
      } finally {
        rendering.delete(shared);
      }
    } catch (error) {
      next(error);
    }
  };
}

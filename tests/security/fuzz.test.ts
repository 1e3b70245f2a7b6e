import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../support/app";
import { backends, startDemoApp, stillServing, uploadTempFiles, Visitor } from "../support/http";

// The general guard of issue #14: random and malformed bodies — urlencoded, multipart, JSON, raw
// bytes, thousands of fields, invalid UTF-8, control and bidi characters, huge values — sent to
// every action route of the route manifest, as an anonymous visitor and as an organiser (both with
// a valid form token, so the bodies reach the parsers and the schemas). Each answer must come
// within 2 s and must not be a server error; afterwards the process is up and no temp file is left.
//
// Bounded: FUZZ_RUNS requests per backend (default 250) and at most FUZZ_SECONDS (default 45).
// The seed is fixed and printed; replay a failure with FUZZ_SEED=<seed> (and FUZZ_RUNS), or only its
// counterexample with FUZZ_SEED=<seed> FUZZ_PATH=<path> (both named in the failure message).

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 45);
const ANSWER_MS = Number(process.env.FUZZ_ANSWER_MS ?? 2000);

type Route = { path: string; hasAction: boolean };

async function actionRoutes(): Promise<Route[]> {
  const build = (await import(path.resolve(process.env.BUILD_DIR ?? "build", "server/index.js"))) as {
    routes: Record<string, { path?: string; parentId?: string; module: { action?: unknown } }>;
  };
  const full = (id: string): string => {
    const r = build.routes[id]!;
    return r.parentId ? [full(r.parentId), r.path ?? ""].filter(Boolean).join("/") : (r.path ?? "");
  };
  return Object.entries(build.routes)
    .filter(([id, r]) => id !== "root" && r.module.action)
    .map(([id]) => ({ path: `/${full(id)}`.replace(/\/+/g, "/"), hasAction: true }));
}

/** Field names and intents the app's own forms use, read from the source: the fuzz reaches deep. */
function vocabulary(): { names: string[]; intents: string[] } {
  const names = new Set(["_csrf", "intent", "email", "password", "redirectTo", "datei", "file", "id", "year", "title"]);
  const intents = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
    );
  for (const file of walk("app").filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(".test."))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/name="([A-Za-z_][A-Za-z0-9_.]*)"/g)) names.add(m[1]!);
    for (const m of text.matchAll(/intent === "([A-Za-z_-]+)"|z\.literal\("([A-Za-z_-]+)"\)/g))
      intents.add((m[1] ?? m[2])!);
  }
  return { names: [...names], intents: [...intents] };
}

/** A concrete URL for a route pattern: the demo year and slug, made-up IDs and tokens. */
function concrete(pattern: string, year: string, id: string): string {
  return pattern
    .replace(/:year\??/g, year)
    .replace(/:slug\??/g, "welheim")
    .replace(/:code\??/g, "XXXX99")
    .replace(/:token\??/g, "a".repeat(32))
    .replace(/:[A-Za-z]+\??/g, id)
    .replace(/\*$/, "gibt-es-nicht");
}

type Body = { body: Buffer | string; type: string | null };

function bodies(vocab: { names: string[]; intents: string[] }) {
  const nasty = fc.constantFrom(
    "\u0000",
    "\r\nBcc: opfer@example.org",
    "\u202Egnp.exe",
    "\u2066\u2069\u200F",
    "\u001b[31m",
    "\uFEFF",
    "\uD800",
    "%00",
    "'; drop table users; --",
    "<script>alert(1)</script>",
    "{{constructor}}",
    "../../etc/passwd",
    "9".repeat(400),
    "-1",
    "1e308",
    "NaN",
    "2026-02-30T25:61",
    randomUUID(),
  );
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 3, arbitrary: nasty },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n) => "x".repeat(n)) },
    { weight: 2, arbitrary: fc.constantFrom(...vocab.intents) },
  );
  const name = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...vocab.names) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  const fields = fc.array(fc.tuple(name, value), { maxLength: 25 });
  const withIntent = (csrf: string) =>
    fc
      .tuple(fields, fc.option(fc.constantFrom(...vocab.intents), { nil: undefined }), fc.boolean())
      .map(([f, intent, token]) => [
        ...(token ? [["_csrf", csrf] as [string, string]] : []),
        ...(intent ? [["intent", intent] as [string, string]] : []),
        ...f,
      ]);
  const boundary = "----ikonFuzz";
  return (csrf: string): fc.Arbitrary<Body> =>
    fc.oneof(
      {
        weight: 5,
        arbitrary: withIntent(csrf).map((f) => ({
          body: new URLSearchParams(f).toString(),
          type: "application/x-www-form-urlencoded",
        })),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            withIntent(csrf),
            fc.uint8Array({ maxLength: 4096 }),
            fc.constantFrom("bericht.pdf", "a\u0000b.docx", "../../x.pdf", "foto.jpg", ""),
            fc.boolean(),
          )
          .map(([f, bytes, filename, closed]) => {
            const parts = f
              .map(
                ([k, v]) =>
                  `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, "")}"\r\n\r\n${v}\r\n`,
              )
              .join("");
            const file = `--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
            return {
              body: Buffer.concat([
                Buffer.from(parts + file),
                Buffer.from(bytes),
                Buffer.from(closed ? `\r\n--${boundary}--\r\n` : ""),
              ]),
              type: `multipart/form-data; boundary=${boundary}`,
            };
          }),
      },
      {
        weight: 1,
        arbitrary: fc.jsonValue({ maxDepth: 3 }).map((j) => ({ body: JSON.stringify(j), type: "application/json" })),
      },
      // Invalid UTF-8 and arbitrary bytes, under a form's or no content type.
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.uint8Array({ maxLength: 2048 }),
            fc.constantFrom("application/x-www-form-urlencoded", "text/plain", null),
          )
          .map(([b, type]) => ({ body: Buffer.from(b), type })),
      },
      {
        weight: 1,
        arbitrary: fc.constant<Body>({
          body: `_csrf=${csrf}&intent=x&` + Buffer.from([0xc3, 0x28, 0xff, 0xfe]).toString("latin1"),
          type: "application/x-www-form-urlencoded; charset=utf-8",
        }),
      },
      // Thousands of fields.
      {
        weight: 1,
        arbitrary: fc.integer({ min: 301, max: 20_000 }).map((n) => ({
          body: `_csrf=${csrf}&` + Array.from({ length: n }, (_, i) => `f${i}=x`).join("&"),
          type: "application/x-www-form-urlencoded",
        })),
      },
    );
}

describe.each(backends)("fuzzing every action (%s)", (backend) => {
  let app: RunningApp;
  let cleanup = async () => {};
  let year = "";
  let routes: Route[] = [];
  const actors: Record<"anonymous" | "organiser", { visitor: Visitor; csrf: string }> = {} as never;

  beforeAll(async () => {
    ({ app, cleanup } = await startDemoApp(backend));
    year = /\/konferenzen\/(\d{4})/.exec(await (await fetch(app.url)).text())![1]!;
    routes = (await actionRoutes()).filter((r) => r.path !== "/logout" && r.path !== "/sitzung");
    const anonymous = new Visitor(app);
    const organiser = await new Visitor(app).signIn();
    actors.anonymous = { visitor: anonymous, csrf: await anonymous.csrf() };
    actors.organiser = { visitor: organiser, csrf: await organiser.csrf("/verwaltung/konferenzen/neu") };
  }, 300_000);
  afterAll(() => cleanup());

  it("never crashes, never answers 500, always answers within 2 s, leaves no temp file", async () => {
    console.info(
      `fuzz seed ${SEED} (${backend}): replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx vitest run --project browser tests/security/fuzz.test.ts`,
    );
    expect(routes.length).toBeGreaterThan(10);
    const vocab = vocabulary();
    const bodyFor = bodies(vocab);
    const failures: string[] = [];
    const arbitrary = fc
      .tuple(
        fc.constantFrom(...routes),
        fc.constantFrom("anonymous", "organiser") as fc.Arbitrary<"anonymous" | "organiser">,
      )
      .chain(([route, who]) => fc.tuple(fc.constant(route), fc.constant(who), bodyFor(actors[who].csrf), fc.boolean()));
    const result = await fc.check(
      fc.asyncProperty(arbitrary, async ([route, who, { body, type }, realId]) => {
        const url = concrete(route.path, year, realId ? randomUUID() : "x%20y");
        const headers: Record<string, string> = type ? { "content-type": type } : {};
        const t0 = performance.now();
        let status = 0;
        try {
          const res = await actors[who].visitor.post(
            url,
            typeof body === "string" ? body : new Uint8Array(body),
            headers,
          );
          status = res.status;
          await res.arrayBuffer();
        } catch (error) {
          const cause = (error as { cause?: unknown }).cause;
          failures.push(
            `${who} POST ${url} (${type}, ${Buffer.byteLength(body)} bytes: ${JSON.stringify(String(body).slice(0, 120))}): ${String(error)}${cause ? ` (${String(cause)})` : ""}`,
          );
          return false;
        }
        const ms = performance.now() - t0;
        const ok = status < 500 && ms < ANSWER_MS && app.process.exitCode === null;
        if (!ok)
          failures.push(
            `${who} POST ${url} (${type}, ${Buffer.byteLength(body)} bytes) → ${status} in ${Math.round(ms)} ms`,
          );
        return ok;
      }),
      {
        seed: SEED,
        path: process.env.FUZZ_PATH,
        numRuns: RUNS,
        interruptAfterTimeLimit: SECONDS * 1000,
        markInterruptAsFailure: false,
        endOnFailure: true,
      },
    );
    if (failures.length) console.error(app.output().split("\n").slice(-20).join("\n"));
    expect(failures, `FUZZ_SEED=${SEED} FUZZ_PATH=${result.counterexamplePath ?? "-"}`).toEqual([]);
    expect(result.failed, fc.defaultReportMessage(result)).toBe(false);
    expect(app.process.exitCode).toBeNull();
    expect(await stillServing(app)).toBe(true);
    const deadline = Date.now() + 15_000;
    while (uploadTempFiles(app.dataDir).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(uploadTempFiles(app.dataDir)).toEqual([]);
  }, 600_000);
});

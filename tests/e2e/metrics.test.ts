import getPort from "get-port";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";

// /metrics on a port of its own (METRICS_PORT) with a token: not on the public port, refused
// without the token, and a Prometheus text with request durations labelled by route pattern.
// (Token on the main port, the pool, live streams and registrations: tests/e2e/storage-s3.test.ts.)
let app: RunningApp | undefined;
afterAll(async () => {
  await app?.stop();
});

describe("/metrics", () => {
  it("answers on METRICS_PORT with the token only, and labels durations by route, never by raw path", async () => {
    // A retry starts over: the first attempt's instance stops.
    await app?.stop();
    const port = await getPort();
    const token = "scrape-token-abcdefghijklmnop";
    app = await startApp({ env: { METRICS_PORT: String(port), METRICS_TOKEN: token } });
    const metricsUrl = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    expect((await fetch(metricsUrl)).status).toBe(401);

    const year = /href="\/konferenzen\/(\d{4})"/.exec(await (await fetch(`${app.url}/konferenzen`)).text())?.[1];
    expect(year).toBeDefined();
    expect((await fetch(`${app.url}/konferenzen/${year}`)).status).toBe(200);
    expect((await fetch(`${app.url}/dateien/00000000-0000-4000-8000-000000000000`)).status).toBe(404);

    const res = await fetch(metricsUrl, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("# TYPE ikon_http_request_duration_seconds histogram");
    expect(text).toMatch(
      /^ikon_http_request_duration_seconds_count\{method="GET",route="\/konferenzen\/:year",status="200"\} 1$/m,
    );
    expect(text).toMatch(
      /^ikon_http_request_duration_seconds_count\{method="GET",route="\/dateien\/:fileId",status="404"\} 1$/m,
    );
    expect(text).not.toContain("00000000-0000-4000-8000-000000000000");
    expect(text).toMatch(/^ikon_outbox_mails\{status="pending"\} \d+$/m);
    expect(text).toMatch(/^ikon_outbox_mails\{status="dead"\} 0$/m);
    expect(text).toMatch(/^ikon_live_stream_clients 0$/m);
    expect(text).toMatch(/^ikon_registrations\{conference="\d{4}",status="\w+"\} \d+$/m);
    expect(text).toContain("process_resident_memory_bytes");
    // The embedded database has no pool.
    expect(text).not.toMatch(/^ikon_db_pool_connections\{/m);
  });
});

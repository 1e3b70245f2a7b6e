import { timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { database } from "~/db/client.server";
import { openStreamCount } from "~/modules/discussion/live.server";
import { operationalFigures } from "~/modules/system/metrics.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

type RouteDef = { id: string; parentId?: string; path?: string; index?: boolean };
type Pattern = { label: string; regex: RegExp; score: number };

/**
 * Turns the route manifest into patterns ("/konferenzen/:year/anmeldung"), so request durations
 * are labelled by route, never by the raw path (IDs and tokens would make endless series).
 * Ranked like React Router: static segments beat dynamic ones, splats come last.
 */
export function routePatterns(routes: Record<string, RouteDef | undefined>): Pattern[] {
  const fullPath = (r: RouteDef): string[] => {
    const own = r.path ? r.path.split("/").filter(Boolean) : [];
    const parent = r.parentId ? routes[r.parentId] : undefined;
    return parent ? [...fullPath(parent), ...own] : own;
  };
  const seen = new Map<string, Pattern>();
  for (const r of Object.values(routes)) {
    if (!r || (!r.path && !r.index && r.id !== "root")) continue;
    const segments = fullPath(r);
    const label = `/${segments.join("/")}`;
    if (seen.has(label)) continue;
    let score = segments.length;
    const parts = segments.map((s) => {
      if (s === "*") {
        score -= 2;
        return "(?:/.*)?";
      }
      if (s.startsWith(":")) {
        score += 3;
        return s.endsWith("?") ? "(?:/[^/]+)?" : "/[^/]+";
      }
      score += 10;
      const literal = s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return s.endsWith("?") ? `(?:/${literal.slice(0, -2)})?` : `/${literal}`;
    });
    seen.set(label, { label, regex: new RegExp(`^${parts.join("") || ""}/?$`, "i"), score });
  }
  return [...seen.values()].sort((a, b) => b.score - a.score);
}

/** The route label of a request path; single-fetch data requests (`/x.data`) count for their page. */
export function routeLabel(patterns: Pattern[], path: string): string {
  const page = path === "/_root.data" ? "/" : path.replace(/\.data$/, "");
  return patterns.find((p) => p.regex.test(page))?.label ?? "(unmatched)";
}

export type Metrics = {
  observe(method: string, path: string, status: number, seconds: number): void;
  render(): Promise<{ contentType: string; body: string }>;
  /** METRICS_TOKEN, when set, as a bearer token: compared in constant time. */
  authorised(authorization: string | undefined): boolean;
};

/** The Prometheus registry of this process: request durations, the mail queue, the pool, live streams, registrations. */
export function createMetrics(routes: Record<string, RouteDef | undefined>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const patterns = routePatterns(routes);
  const duration = new Histogram({
    name: "ikon_http_request_duration_seconds",
    help: "Time to answer a request, by route pattern, method and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const outboxGauge = new Gauge({
    name: "ikon_outbox_mails",
    help: "Mails in the outbox: pending (not sent yet) and dead (given up)",
    labelNames: ["status"] as const,
    registers: [registry],
  });
  const registrationsGauge = new Gauge({
    name: "ikon_registrations",
    help: "Registrations per conference year and status",
    labelNames: ["conference", "status"] as const,
    registers: [registry],
  });
  const pool = new Gauge({
    name: "ikon_db_pool_connections",
    help: "PostgreSQL pool connections: total, idle, waiting (requests queued for one), max",
    labelNames: ["state"] as const,
    registers: [registry],
  });
  const up = new Gauge({
    name: "ikon_database_up",
    help: "1 when the database answered the last scrape's queries",
    registers: [registry],
  });
  new Gauge({
    name: "ikon_live_stream_clients",
    help: "Open live event streams (projector room views) in this process",
    registers: [registry],
    collect() {
      this.set(openStreamCount());
    },
  });
  const token = env.METRICS_TOKEN ? Buffer.from(`Bearer ${env.METRICS_TOKEN}`) : null;

  return {
    observe(method, path, status, seconds) {
      duration.observe({ method, route: routeLabel(patterns, path), status: String(status) }, seconds);
    },
    async render() {
      const stats = (() => {
        try {
          return database().poolStats?.();
        } catch {
          return undefined;
        }
      })();
      if (stats) for (const [state, n] of Object.entries(stats)) pool.set({ state }, n);
      try {
        const figures = await operationalFigures();
        outboxGauge.set({ status: "pending" }, figures.outbox.pending);
        outboxGauge.set({ status: "dead" }, figures.outbox.dead);
        registrationsGauge.reset();
        for (const r of figures.registrations)
          registrationsGauge.set({ conference: String(r.year), status: r.status }, r.count);
        up.set(1);
      } catch (error) {
        logger.warn({ err: error }, "metrics: database figures unavailable");
        up.set(0);
      }
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
    authorised(authorization) {
      if (!token) return true;
      const given = Buffer.from(authorization ?? "");
      return given.length === token.length && timingSafeEqual(given, token);
    },
  };
}

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, startApp, type RunningApp } from "../support/app";
import { makePdf } from "../support/files";
import { conferenceYear, openForm, postForm, signInOverHttp, submitForm } from "../support/http";
import { postgresAvailable, privatePostgres } from "../support/postgres";

const apps: RunningApp[] = [];
const servers: Awaited<ReturnType<typeof privatePostgres>>[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop("SIGKILL");
  for (const s of servers) {
    try {
      s.stop("immediate");
    } catch {
      /* already stopped */
    }
  }
});

const SECRET = "fault-tests-secret-fault-tests-secret-000";

describe.skipIf(!postgresAvailable())("faults on PostgreSQL", () => {
  it("answers 503 in German while the database is gone, writes nothing half, and recovers on its own", async () => {
    const server = await privatePostgres();
    servers.push(server);
    const env = { DATABASE_URL: server.url, SESSION_SECRET: SECRET };
    expect((await runCli(["scripts/seed.ts"], env)).code).toBe(0);
    const app = await startApp({ env });
    apps.push(app);
    const form = `/konferenzen/${await conferenceYear(app.url)}/anmeldung`;
    const opened = await openForm(app.url + form);

    server.stop("immediate");
    const during = await postForm(opened, {
      firstName: "Eda",
      lastName: "Kaya",
      email: "eda@example.org",
      organisation: "Schule",
      organisationType: "school_daycare",
      photoConsent: "no",
      privacyConsent: "on",
    });
    expect(during.status).toBe(503);
    const next = await fetch(app.url + form, {
      method: "POST",
      headers: { origin: app.url, cookie: opened.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "x=1",
    });
    expect(next.status).toBe(503);
    const text = await next.text();
    expect(text).toContain("Gerade nicht erreichbar");
    expect(text).toContain("Zurück-Taste");
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

    server.start();
    const deadline = Date.now() + 20_000;
    while ((await fetch(`${app.url}/readyz`)).status !== 200 || (await fetch(app.url + form)).status !== 200) {
      if (Date.now() > deadline) throw new Error("did not recover");
      await new Promise((r) => setTimeout(r, 250));
    }
    const db = new pg.Client({ connectionString: server.url });
    await db.connect();
    const rows = await db.query("select count(*)::int as n from registrations where email = 'eda@example.org'");
    expect(rows.rows[0].n).toBe(0);
    // And it works again.
    const after = await submitForm(app.url + form, {
      firstName: "Eda",
      lastName: "Kaya",
      email: "eda@example.org",
      organisation: "Schule",
      organisationType: "school_daycare",
      photoConsent: "no",
      privacyConsent: "on",
    });
    expect(after.status).toBe(303); // "check your inbox" (the registration POST answers 303)
    expect(
      (await db.query("select count(*)::int as n from registrations where email = 'eda@example.org'")).rows[0].n,
    ).toBe(1);
    await db.end();
  });

  it("keeps a confirmed write after kill -9 on PostgreSQL too", async () => {
    // The last one: a retried first test leaves its stopped server in front.
    const server = servers.at(-1)!;
    const env = { DATABASE_URL: server.url, SESSION_SECRET: SECRET };
    const app = await startApp({ env });
    const session = await signInOverHttp(app.url);
    await app.stop("SIGKILL");
    const again = await startApp({ env });
    apps.push(again);
    const admin = await fetch(`${again.url}/verwaltung`, { headers: { cookie: session }, redirect: "manual" });
    expect(admin.status).toBe(200);
  });

  it("finishes in-flight requests on SIGTERM and exits cleanly", async () => {
    const app = apps.at(-1)!;
    const inFlight = Array.from({ length: 40 }, () => fetch(`${app.url}/impressum`).then((r) => r.status));
    await new Promise((r) => setTimeout(r, 20));
    const exit = app.stop("SIGTERM");
    const statuses = await Promise.all(inFlight.map((p) => p.catch(() => 0)));
    expect(await exit).toBe(0);
    // Requests accepted before the signal were answered; none failed with a server error.
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  });
});

// A tmpfs mounted as the uploads volume makes the disk really full; mounting needs root (CI is).
const canMount = process.getuid?.() === 0 && process.platform === "linux";
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) spawnSync("umount", ["-l", dir]);
});

describe.skipIf(!canMount)("a full disk during an upload", () => {
  it("refuses the upload with a German message, keeps no row or file of it, still serves pages and takes the next upload once there is room", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "ikon-full-"));
    const uploads = path.join(dataDir, "uploads");
    mkdirSync(uploads);
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", uploads]).status).toBe(0);
    mounts.push(uploads);
    const app = await startApp({ dataDir });
    apps.push(app);

    const cookie = await signInOverHttp(app.url);
    const list = await (await fetch(`${app.url}/verwaltung/dokumente`, { headers: { cookie } })).text();
    const entry = /href="(\/verwaltung\/dokumente\/[0-9a-f-]{36})"/.exec(list)![1]!;
    const upload = async (pdf: Buffer, xhr = false) => {
      const page = await fetch(app.url + entry, { headers: { cookie } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const withCsrf = [cookie, ...page.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
      const form = new FormData();
      form.append("_csrf", csrf);
      form.append("datei", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "Integrationsbericht.pdf");
      return fetch(`${app.url}${entry}/datei`, {
        method: "POST",
        redirect: "manual",
        body: form,
        headers: { origin: app.url, cookie: withCsrf, ...(xhr ? { "X-Requested-With": "XMLHttpRequest" } : {}) },
      });
    };

    // 5 MB do not fit on the 3 MB volume: without JavaScript back to the form with the message ...
    const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const refused = await upload(big);
    expect(refused.status).toBe(303);
    const back = refused.headers.get("location")!;
    expect(back).toContain("datei-fehler=noSpace");
    const shown = await (await fetch(app.url + back, { headers: { cookie } })).text();
    expect(shown).toContain("Der Speicher des Servers ist gerade voll. Es wurde nichts gespeichert.");
    // ... and with JavaScript 507 with the message key for the progress component.
    const xhr = await upload(big, true);
    expect(xhr.status).toBe(507);
    expect(await xhr.json()).toMatchObject({ ok: false, error: "uploads.error.noSpace" });
    expect(app.output()).toContain("upload storage is full");

    // Nothing of it is left behind, and reading goes on.
    expect(readdirSync(path.join(uploads, "tmp"))).toEqual([]);
    expect((await fetch(`${app.url}/dokumente`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);

    // The space the refused upload took is free again: a small file goes through.
    const ok = await upload(await makePdf("Integrationsbericht 2026"));
    expect(ok.headers.get("location")).toContain("hochgeladen=1");
    await app.stop();

    // Every recorded version has its stored file and every stored file its row: no orphans.
    const db = await PGlite.create(path.join(dataDir, "db"));
    const rows = (
      await db.query<{ storage_key: string; thumbnail_key: string | null; size: number }>(
        "select storage_key, thumbnail_key, size from file_versions",
      )
    ).rows;
    await db.close();
    expect(rows.some((r) => r.size > 4 * 1024 * 1024)).toBe(false);
    const keys = rows
      .flatMap((r) => [r.storage_key, r.thumbnail_key])
      .filter(Boolean)
      .sort();
    const store = path.join(uploads, "store");
    const stored = readdirSync(store)
      .flatMap((d) => readdirSync(path.join(store, d)))
      .sort();
    expect(stored).toEqual(keys);
    expect(readdirSync(path.join(uploads, "tmp"))).toEqual([]);
  });
});

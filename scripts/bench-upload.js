// node scripts/bench-upload.js [MB] — uploads one MB-sized PDF (default 100) through the real server
// (built app in BUILD_DIR, limit raised via UPLOAD_MAX_MB) and samples the server's resident memory
// (RSS) every 100 ms. The upload streams to disk, so the peak should stay far below the file size.
// Not part of npm test: a measurement, not a timed test.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import getPort from "get-port";
import { startFlags } from "./start-flags.js";

const MB = Number(process.argv[2] ?? 100);
const port = await getPort();
const url = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "ikon-bench-upload-"));
const start = startFlags();
const child = spawn(process.execPath, [...start.args, "server.js"], {
  env: {
    ...process.env,
    ...start.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    UPLOAD_MAX_MB: String(MB + 10),
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))[1]) / 1024;
try {
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Sign in as the demo coordinator of Ebel (double-submit CSRF: the token is the cookie's value).
  const first = await fetch(`${url}/login`);
  const csrfCookie = first.headers.getSetCookie().find((c) => c.includes("ikon_csrf="));
  const [csrfPair] = csrfCookie.split(";");
  const csrf = decodeURIComponent(csrfPair.split("=")[1]);
  const login = await fetch(`${url}/login?index`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, Cookie: csrfPair, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      _csrf: csrf,
      intent: "password",
      email: "ebel@ikon.example",
      password: "Netzwerk-Demo-2026",
      redirectTo: "/verwaltung",
    }),
  });
  const session = login.headers
    .getSetCookie()
    .find((c) => c.includes("ikon_session="))
    .split(";")[0];
  const cookie = `${csrfPair}; ${session}`;
  const group = await fetch(`${url}/verwaltung/arbeitskreise`, { headers: { Cookie: cookie }, redirect: "manual" });
  const groupPath = group.headers.get("location");
  const page = await (await fetch(url + groupPath, { headers: { Cookie: cookie } })).text();
  const conferenceId = /name="conferenceId" value="([0-9a-f-]{36})"/.exec(page)[1];
  const start = await fetch(url + groupPath, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf, intent: "start", conferenceId }),
  });
  const reportPath = start.headers.get("location");

  const boundary = "----ikonbench";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="gross.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const tail = Buffer.from(`\n%%EOF\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  let sent = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(head);
      if (sent < MB) {
        controller.enqueue(chunk);
        sent += 1;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
  const before = rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 100);
  const t0 = performance.now();
  const res = await fetch(`${url}${reportPath}/datei`, {
    method: "POST",
    body,
    duplex: "half",
    headers: {
      Origin: url,
      Cookie: cookie,
      "X-Requested-With": "XMLHttpRequest",
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
    },
  });
  const answer = await res.text();
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      fileMB: MB,
      status: res.status,
      answer,
      seconds: Number(seconds.toFixed(1)),
      rssBeforeMB: Math.round(before),
      rssPeakMB: Math.round(peak),
      rssGrowthMB: Math.round(peak - before),
    }),
  );
} finally {
  child.kill("SIGTERM");
}

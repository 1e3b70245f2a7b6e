import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { ParsedMail } from "mailparser";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, runCli, startApp, waitForMail, type RunningApp } from "../support/app";
import { DEMO_ORGANISER, launchBrowser, signInAsOrganiser } from "../support/browser";
import { makePdf } from "../support/files";
import {
  FIELDS,
  FORMULAS,
  MAILS,
  PLACES,
  fileNameOf,
  shownAs,
  valueOf,
  type Field,
  type Mail,
  type Place,
} from "./xss-fields";

// C1–C5 against the real built server: every hostile value of xss-fields.ts is read back as text
// wherever it is shown (public pages, organiser tables, mails, exports), nothing executes, no
// element or attribute of it exists, dangerous URL schemes are refused, and the CSP blocks an
// injected inline script on its own. Organisers' content comes in through the domain functions
// (xss-seed.ts, server stopped), participants' content through the real forms.

const REGISTRANT = "xss-teilnahme@example.org";
const FORMULA_REGISTRANT = "formel@example.org";

let app: RunningApp;
let browser: Browser;
let publicCtx: BrowserContext;
let organiserCtx: BrowserContext;
/** Fills {year}, {code}, … in the places' paths. */
const ids: Record<string, string> = {};
const problems: string[] = [];

const pathOf = (place: Place) => PLACES[place].path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? `{${k}}`);

/** Anything that ran or got the browser to refuse to run it is a finding, on any page. */
function watch(page: Page) {
  page.on("dialog", (d) => {
    problems.push(`${page.url()}: dialog "${d.message()}"`);
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text()))
      problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

async function newContext(opts: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(opts);
  context.on("page", watch);
  return context;
}

const signIn = async (context: BrowserContext) => signInAsOrganiser(await context.newPage(), app.url);

/** Text a person can read: text outside scripts and styles, form values, alt/title/aria-label. */
function readableText(): string {
  const parts: string[] = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(n.parentElement?.tagName ?? ""))
      parts.push(n.nodeValue ?? "");
  }
  for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea"))
    parts.push(el.value);
  for (const el of document.querySelectorAll("[alt], [title], [aria-label]"))
    for (const a of ["alt", "title", "aria-label"]) parts.push(el.getAttribute(a) ?? "");
  return parts.join("\n").toLowerCase();
}

/** A page expression: which of the texts a person cannot read on the page (a string: no eval in the page, the CSP forbids it). */
const missingTexts = (texts: string[]) =>
  `(() => { const t = (${readableText.toString()})(); return ${JSON.stringify(texts.map((x) => x.toLowerCase()))}.filter((n) => !t.includes(n)); })()`;

/** Elements and attributes no hostile value may ever become. */
function liveMarkup(): string[] {
  const found: string[] = [];
  const w = window as unknown as { __xss?: unknown };
  if (w.__xss !== undefined) found.push(`window.__xss = ${String(w.__xss)}`);
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (["iframe", "object", "embed", "base"].includes(tag)) found.push(`<${tag}>`);
    if (tag === "script" && !el.hasAttribute("nonce"))
      found.push(`<script> without nonce: ${(el.textContent ?? "").slice(0, 60)}`);
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? "";
      if (name.startsWith("on")) found.push(`<${tag} ${name}>`);
      if (
        ["href", "src", "action", "formaction", "xlink:href", "data", "poster"].includes(name) &&
        /^\s*(javascript|vbscript|data):/i.test(value) &&
        !(tag === "img" && /^data:image\/(png|svg\+xml|jpeg);base64,/i.test(value))
      ) {
        found.push(`<${tag} ${name}="${value.slice(0, 40)}">`);
      }
    }
  }
  if (document.querySelector("img[onerror], svg[onload]")) found.push("img[onerror] / svg[onload]");
  return found;
}

/** Opens a page as the place's viewer, waits for hydration and for every expected text, then inspects it. */
async function inspect(place: Place, expected: Field[]) {
  const page = await (PLACES[place].as === "organiser" ? organiserCtx : publicCtx).newPage();
  try {
    const url = app.url + pathOf(place);
    const res = await page.goto(url);
    expect(res?.status(), `${place} ${url}`).toBe(200);
    await page.waitForFunction(() => Object.keys(document.body).some((k) => k.startsWith("__reactFiber")));
    // Client-rendered parts (the room view's live list) may come a moment after hydration.
    const missing = missingTexts(expected.map((f) => shownAs(f)));
    await page
      .waitForFunction(`${missing}.length === 0`, undefined, { timeout: 5_000, polling: 250 })
      .catch(() => undefined);
    const notShown = (await page.evaluate(missing)) as string[];
    return {
      missing: expected.filter((f) => notShown.includes(shownAs(f).toLowerCase())).map((f) => f.id),
      live: await page.evaluate(liveMarkup),
    };
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  // The demo, then the organisers' hostile content (server stopped: PGlite has one user).
  const first = await startApp();
  await first.stop();
  const seeded = await runCli(["tests/security/xss-seed.ts"], { DATA_DIR: first.dataDir });
  const line = /XSS-SEED (\{.*\})/.exec(seeded.output)?.[1];
  if (seeded.code !== 0 || !line) throw new Error(seeded.output);
  for (const [k, v] of Object.entries(JSON.parse(line) as Record<string, string | number>)) ids[k] = String(v);
  app = await startApp({ dataDir: first.dataDir, env: { LOG_LEVEL: "info" } });
  browser = await launchBrowser();
  publicCtx = await newContext();
  organiserCtx = await newContext();
  await (await signIn(organiserCtx)).close();

  // Participants fill the real forms, without JavaScript (the plain path every form must have).
  const people = await newContext({ javaScriptEnabled: false });
  const p = await people.newPage();
  const register = async (email: string, fields: Record<string, string>, needs: boolean) => {
    await p.goto(`${app.url}/konferenzen/${ids.year}/anmeldung`);
    for (const [name, value] of Object.entries(fields)) await p.locator(`[name="${name}"]`).fill(value);
    await p.locator('[name="email"]').fill(email);
    await p.locator('[name="organisationType"]').selectOption("volunteer");
    await p.locator(`[name="forumId"][value="${ids.forum}"]`).check();
    if (needs) await p.locator('[name="specialConsent"]').check();
    await p.locator('[name="photoConsent"][value="no"]').check();
    await p.locator('[name="privacyConsent"]').check();
    await p.getByRole("button", { name: "Verbindlich anmelden" }).click();
    await p.getByRole("heading", { name: "Bitte sehen Sie in Ihr E-Mail-Postfach" }).waitFor();
  };
  await register(
    REGISTRANT,
    {
      firstName: valueOf("reg-first"),
      lastName: valueOf("reg-last"),
      organisation: valueOf("reg-org"),
      jobTitle: valueOf("reg-job"),
      accessibilityOther: valueOf("reg-other"),
      dietaryNeeds: valueOf("reg-diet"),
    },
    true,
  );
  await register(
    FORMULA_REGISTRANT,
    {
      firstName: FORMULAS.firstName,
      lastName: FORMULAS.lastName,
      organisation: FORMULAS.organisation,
      jobTitle: FORMULAS.jobTitle,
    },
    false,
  );
  const held = await waitForMail(app.dataDir, REGISTRANT, MAILS.held.subject);
  await p.goto(linkIn(held.text, "anmeldung-bestaetigen"));
  await p.getByRole("button", { name: "Anmeldung jetzt bestätigen" }).click();
  await p.getByText("Angemeldet und bestätigt.").waitFor();
  const confirmed = await waitForMail(app.dataDir, REGISTRANT, MAILS.confirmed.subject);
  ids.token = linkIn(confirmed.text, "meine-anmeldung").split("/").pop()!;

  for (const [text, name] of [
    [valueOf("q-text"), valueOf("q-name")],
    [FORMULAS.question, ""],
  ] as const) {
    await p.goto(`${app.url}/live/${ids.code}/${ids.input}`);
    await p.locator('[name="text"]').fill(text);
    await p.locator('[name="name"]').fill(name);
    await p.getByRole("button", { name: "Frage senden" }).click();
    await p.getByText("Ihre Frage ist angekommen").waitFor();
  }
  await p.goto(`${app.url}/ziele/mitmachen/${ids.code}`);
  await p.locator('[name="title"]').fill(valueOf("prop-title"));
  await p.locator('[name="description"]').fill(valueOf("prop-desc"));
  await p.getByRole("button", { name: "Vorschlag senden" }).click();
  await p.getByText("Danke für Ihren Vorschlag!").waitFor();
  await p.goto(`${app.url}/barrierefreiheit`);
  await p.locator('[name="message"]').fill(valueOf("feedback-message"));
  await p.locator('[name="name"]').fill(valueOf("feedback-name"));
  await p.getByRole("button", { name: "Nachricht senden" }).click();
  await p.getByText("Ihre Nachricht ist bei uns angekommen").waitFor();
  await people.close();

  // Organisers act on it through their pages (again without JavaScript).
  const desk = await newContext({ javaScriptEnabled: false });
  const o = await signIn(desk);
  await o.goto(`${app.url}/verwaltung/fachinputs/${ids.input}`);
  for (const text of ["x-q-text", FORMULAS.question]) {
    await o
      .locator("li.question", { hasText: text })
      .getByRole("button", { name: /^Freigeben/ })
      .click();
    await o.getByText("Erledigt.").waitFor();
  }
  await o.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
  await o.locator("li", { hasText: "x-prop-title" }).getByRole("button", { name: "Zur Abstimmung zulassen" }).click();
  await o
    .locator("li", { hasText: "x-prop-title" })
    .getByRole("link", { name: /vereinbaren/i })
    .waitFor();
  await o.goto(`${app.url}/verwaltung/dokumente/${ids.entryId}`);
  await o
    .locator('input[type="file"]')
    .setInputFiles({ name: fileNameOf("file-library"), mimeType: "application/pdf", buffer: await makePdf("Flyer") });
  await o.locator('form:has(input[type="file"]) button[type="submit"]').click();
  await o.waitForURL(/hochgeladen/);
  await o.goto(`${app.url}/verwaltung/konferenzen/${ids.year}/teilnehmende`);
  await o.locator('[name="subject"]').fill(valueOf("msg-subject"));
  await o.locator('[name="body"]').fill(valueOf("msg-body"));
  await o.getByRole("button", { name: "Nachricht senden" }).click();
  await o.getByText(/ist an \d+ Person(en)? unterwegs/).waitFor();
  const editLink = o.locator("tbody th a", { hasText: "x-reg-first" }).first();
  ids.registration = /teilnehmende\/([0-9a-f-]{36})$/.exec((await editLink.getAttribute("href")) ?? "")![1]!;
  await desk.close();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("hostile text is shown as text everywhere and never runs (C1)", () => {
  it("public pages and organiser tables show every value as text; no element, handler or dialog comes of it", async () => {
    const report: string[] = [];
    const queue = Object.keys(PLACES) as Place[];
    // Two pages at a time: quicker, still gentle on two cores.
    const worker = async () => {
      for (let place = queue.shift(); place; place = queue.shift()) {
        const expected = FIELDS.filter((f) => f.shows.includes(place!));
        if (!expected.length) report.push(`${place}: no field is expected here (drop the place or add the field)`);
        const { missing, live } = await inspect(place, expected);
        for (const m of missing) report.push(`${place}: ${m} not shown as text`);
        for (const l of live) report.push(`${place}: ${l}`);
      }
    };
    await Promise.all([worker(), worker()]);
    expect([...report.sort(), ...problems]).toEqual([]);
  });

  it("mails: the HTML part holds the escaped text, never a live tag; a mail client shows the text and runs nothing", async () => {
    const to: Record<(typeof MAILS)[Mail]["to"], string> = {
      registrant: REGISTRANT,
      organiser: DEMO_ORGANISER.email,
      coordinator: "ebel@ikon.example",
    };
    const page = await publicCtx.newPage();
    const report: string[] = [];
    for (const [kind, mail] of Object.entries(MAILS) as [Mail, (typeof MAILS)[Mail]][]) {
      const parsed: ParsedMail = await waitForMail(app.dataDir, to[mail.to], mail.subject);
      const html = typeof parsed.html === "string" ? parsed.html : "";
      expect(html, kind).not.toBe("");
      if (/<img[^>]*onerror|<svg[^>]*onload|<script>alert/i.test(html))
        report.push(`${kind}: live markup in the HTML part`);
      // Shown the way a mail client without a CSP would: any live payload would run here.
      await page.setContent(html);
      const text = await page.evaluate(readableText);
      for (const f of FIELDS.filter((x) => x.mails?.includes(kind))) {
        if (!text.includes(valueOf(f.id).toLowerCase())) report.push(`${kind}: ${f.id} not shown as text`);
        const escaped = valueOf(f.id).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
        if (!html.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&#39;", "'").includes(escaped))
          report.push(`${kind}: ${f.id} not escaped in the HTML part`);
      }
      for (const l of await page.evaluate(liveMarkup)) report.push(`${kind}: ${l}`);
      // The subject is one header line (C6), exactly as written.
      expect(parsed.subject ?? "", kind).not.toMatch(/[\r\n]/);
      if (kind === "message") expect(parsed.subject).toBe(valueOf("msg-subject"));
    }
    await page.close();
    expect([...report, ...problems]).toEqual([]);
  });
});

describe("exports (C5)", () => {
  const neutralised = (cells: string[]) => cells.filter((c) => /^[=+\-@]/.test(c));

  it("participant list as CSV and XLSX: formula cells start with ', hostile text stays as it was", async () => {
    const base = `${app.url}/verwaltung/konferenzen/${ids.year}/teilnehmende`;
    const csv = await organiserCtx.request.get(`${base}.csv`);
    expect(csv.status()).toBe(200);
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
    const cells = rows.flat();
    expect(neutralised(cells)).toEqual([]);
    for (const value of Object.values(FORMULAS).slice(0, 4)) expect(cells).toContain(`'${value}`);
    for (const id of ["reg-first", "reg-last", "reg-org", "reg-job"]) expect(cells).toContain(valueOf(id));

    const xlsx = await organiserCtx.request.get(`${base}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const values: string[] = [];
    book.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `cell ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        values.push(String(cell.value));
      }),
    );
    expect(neutralised(values)).toEqual([]);
    expect(values).toContain(`'${FORMULAS.firstName}`);
    expect(values).toContain(valueOf("reg-last"));
  });

  it("goals (public) and the room's questions (organisers) likewise", async () => {
    const goalsCsv = await (await fetch(`${app.url}/ziele/export.csv`)).text();
    const goalCells = (parseCsv(goalsCsv.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][]).flat();
    expect(neutralised(goalCells)).toEqual([]);
    expect(goalCells).toContain(`'${FORMULAS.goal}`);
    expect(goalCells).toContain(valueOf("goal-title"));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await fetch(`${app.url}/ziele/export.xlsx`)).arrayBuffer());
    const values: string[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
    expect(neutralised(values)).toEqual([]);
    expect(values).toContain(`'${FORMULAS.goal}`);

    const questions = await organiserCtx.request.get(`${app.url}/verwaltung/fachinputs/${ids.input}/fragen.csv`);
    const qCells = (parseCsv((await questions.text()).replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][]).flat();
    expect(neutralised(qCells)).toEqual([]);
    expect(qCells).toContain(`'${FORMULAS.question}`);
    expect(qCells).toContain(valueOf("q-text"));
  });
});

describe("links and addresses (C2, A11)", () => {
  it("library links and the DGS video address accept http(s) only: javascript:, data:, vbscript: and friends are refused", async () => {
    const page = await organiserCtx.newPage();
    await page.goto(`${app.url}/verwaltung/barrierefreiheit`);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const post = (path: string, form: Record<string, string>) =>
      page.request.post(app.url + path, {
        form: { _csrf: csrf, ...form },
        headers: { origin: app.url },
        maxRedirects: 0,
      });
    const hostileUrls = [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/x",
      "https://user:pw@evil.example/",
    ];

    const entry = (url: string) =>
      post("/verwaltung/dokumente/neu", { intent: "save", title: "x-url-probe", type: "flyer", position: "0", url });
    for (const url of hostileUrls) {
      const res = await entry(url);
      expect(res.status(), url).toBe(400);
      expect(await res.text(), url).toContain(
        "Bitte geben Sie eine Internetadresse an, die mit https:// oder http:// beginnt.",
      );
    }
    // The same request with a good address is saved: the refusals above are about the address only.
    expect((await entry("https://www.bottrop.de/integration")).status()).toBe(302);

    const statement = {
      intent: "save",
      conformity: "partial",
      knownBarriers: valueOf("a11y-barriers"),
      alternatives: "",
      preparedOn: "24.11.2026",
      reviewedOn: "25.11.2026",
      contactEmail: "",
      dgsCaptionsUrl: "",
    };
    for (const url of [...hostileUrls, "http://evil.example/dgs.mp4"]) {
      const res = await post("/verwaltung/barrierefreiheit", { ...statement, dgsVideoUrl: url });
      expect(res.status(), url).toBe(400);
      expect(await res.text(), url).toContain(
        "Bitte geben Sie eine Adresse auf dieser Website (beginnt mit /) oder eine https-Adresse an.",
      );
      expect(
        (
          await post("/verwaltung/barrierefreiheit", {
            ...statement,
            dgsVideoUrl: "/media/dgs.mp4",
            dgsCaptionsUrl: url,
          })
        ).status(),
        `captions ${url}`,
      ).toBe(400);
    }
    expect(
      (
        await post("/verwaltung/barrierefreiheit", { ...statement, dgsVideoUrl: "https://video.bottrop.de/dgs.mp4" })
      ).status(),
    ).toBe(302);
    const easy = await (await fetch(`${app.url}/leichte-sprache`)).text();
    expect(easy).toContain('href="https://video.bottrop.de/dgs.mp4"');
    await page.close();
  });

  it("redirect targets stay on this site", async () => {
    for (const to of ["javascript:alert(1)", "//evil.example/", "/\\evil.example/", "https://evil.example/"]) {
      const res = await fetch(`${app.url}/sprache?${new URLSearchParams({ lang: "de", to })}`, { redirect: "manual" });
      expect(res.headers.get("location"), to).toBe("/");
    }
    const context = await newContext();
    const page = await context.newPage();
    await signInAsOrganiser(page, app.url, `/login?redirectTo=${encodeURIComponent("javascript:alert(1)")}`);
    expect(new URL(page.url()).pathname).toBe("/verwaltung");
    await context.close();
    expect(problems).toEqual([]);
  });

  it("the feed is well-formed with the hostile titles as text; downloads name hostile files safely", async () => {
    const page = await publicCtx.newPage();
    const xml = await (await fetch(`${app.url}/feed.xml`)).text();
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      return {
        broken: Boolean(doc.querySelector("parsererror")),
        titles: [...doc.querySelectorAll("entry > title")].map((t) => t.textContent),
        summaries: [...doc.querySelectorAll("entry > summary")].map((t) => t.textContent),
      };
    }, xml);
    expect(feed.broken).toBe(false);
    expect(feed.titles).toContain(valueOf("lib-title"));
    expect(feed.summaries).toContain(valueOf("lib-desc"));

    await page.goto(`${app.url}/dokumente/${ids.entry}`);
    const href = await page.locator('a[href^="/dateien/"]').first().getAttribute("href");
    const download = await fetch(app.url + href!);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(
      /^(inline|attachment); filename="[^"\\\r\n]*"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+,;=:@-]*$/,
    );
    expect(download.headers.get("x-content-type-options")).toContain("nosniff");
    await page.close();
  });
});

describe("Content-Security-Policy (C4)", () => {
  it("blocks an injected inline script and an inline event handler by itself; the page's own nonce still runs", async () => {
    // Its own context: the refusals this test provokes are expected, not findings.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/konferenzen/${ids.year}`);
    await page.evaluate(() => {
      const w = window as unknown as { __ran: string[]; __violations: string[]; __imgDone: boolean };
      w.__ran = [];
      w.__violations = [];
      w.__imgDone = false;
      document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(e.effectiveDirective));
      const injected = document.createElement("script");
      injected.textContent = "window.__ran.push('injected')";
      document.body.append(injected);
      document.body.insertAdjacentHTML(
        "beforeend",
        `<img id="csp-probe" src="/gibt-es-nicht.png" onerror="window.__ran.push('handler')">`,
      );
      document.getElementById("csp-probe")!.addEventListener("error", () => (w.__imgDone = true));
      // Control: the same script with the page's nonce runs, so "not run" above is the CSP's doing.
      const allowed = document.createElement("script");
      allowed.nonce = document.querySelector<HTMLScriptElement>("script[nonce]")!.nonce;
      allowed.textContent = "window.__ran.push('nonce')";
      document.body.append(allowed);
    });
    await page.waitForFunction(() => (window as unknown as { __imgDone: boolean }).__imgDone);
    // The refusals are reported as events a moment later; a page without a CSP never sends them.
    await page
      .waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length >= 2, undefined, {
        timeout: 3_000,
      })
      .catch(() => undefined);
    const result = await page.evaluate(() => {
      const w = window as unknown as { __ran: string[]; __violations: string[] };
      return { __ran: w.__ran, __violations: w.__violations };
    });
    expect(result.__ran).toEqual(["nonce"]);
    expect(result.__violations).toEqual(expect.arrayContaining(["script-src-elem", "script-src-attr"]));
    await context.close();
  });
});

describe("deletion on request (G6)", () => {
  it("an organiser deletes a registration through its confirm page: gone from the list, in the audit log, the manage link dead, no address in any log", async () => {
    const page = await organiserCtx.newPage();
    await page.goto(`${app.url}/verwaltung/konferenzen/${ids.year}/teilnehmende/${ids.registration}`);
    await page.getByRole("link", { name: /^Anmeldung von x-reg-first/ }).click();
    await page.getByRole("heading", { name: "Anmeldung löschen?", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Ja, endgültig löschen" }).click();
    await page.getByRole("heading", { name: "Die Anmeldung ist gelöscht.", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Zurück zu den Teilnehmenden" }).click();
    await page.getByRole("heading", { name: /^Teilnehmende/, level: 1 }).waitFor();
    expect(await page.getByText("x-reg-last").count()).toBe(0);
    expect((await fetch(`${app.url}/meine-anmeldung/${ids.token}`)).status).toBe(404);
    expect((await page.request.get(app.url + pathOf("deleteConfirm"))).status()).toBe(404);
    await page.goto(`${app.url}/verwaltung/protokoll`);
    // In the log as a sentence with its reason, and without a name.
    const logged = page.getByRole("row", { name: /hat eine Anmeldung endgültig gelöscht\..*Auf Antrag gelöscht/ });
    await logged.waitFor();
    expect(await logged.first().textContent()).not.toContain("x-reg-last");
    await page.close();
    // The server's own log (LOG_LEVEL=info: every request) never held the address.
    expect(app.output()).toContain('"msg":"request"');
    expect(app.output().toLowerCase()).not.toContain(REGISTRANT);
    expect(problems).toEqual([]);
  });
});

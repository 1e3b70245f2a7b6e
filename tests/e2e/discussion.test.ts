import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { linkIn, startApp, waitForMail, type RunningApp } from "../support/app";
import { axeCheck } from "../support/a11y";
import { launchBrowser, signInAsOrganiser, textOf } from "../support/browser";
import { makePdf } from "../support/files";

let DAY_CODE = ""; // the demo's conference-day code, read from the organisers' page
const INPUT_TITLE = "Durchgängige Sprachbildung in der Kommune";

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  // Any console error (a CSP violation, a failed request, a hydration error) fails the test.
  page.on("console", (m) => {
    // A navigation superseded by a newer one (live revalidation) is aborted on purpose: not an error.
    if (m.type() === "error" && !m.text().includes("AbortError")) pageErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** A participant's way in: /live, type the day code (any case), pick the input. */
async function joinByCode(page: Page): Promise<string> {
  await page.goto(`${app.url}/live`);
  // Typed as people do: lower case, with spaces around.
  await page.getByLabel(/^Tagescode/).fill(` ${DAY_CODE.toLowerCase()} `);
  await page.getByRole("button", { name: "Weiter" }).click();
  await page.getByRole("heading", { name: "Fachinputs am Konferenztag", level: 1 }).waitFor();
  await page.getByRole("link", { name: INPUT_TITLE }).click();
  await page.getByRole("heading", { name: INPUT_TITLE, level: 1 }).waitFor();
  return page.url();
}

async function ask(page: Page, text: string) {
  await page.getByLabel(/^Ihre Frage oder Ihr Beitrag/).fill(text);
  await page.getByRole("button", { name: "Frage senden" }).click();
  await page.getByText("Ihre Frage ist angekommen").waitFor();
  // The notice may still be there from the question before: wait for this one in the list.
  await page.getByRole("listitem").filter({ hasText: text }).first().waitFor();
}

/** Reads the room view's event stream up to its first snapshot (the current state, sent at once). */
async function firstSnapshot(url: string): Promise<string> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!/event: snapshot\n[\s\S]*?\n\n/.test(text)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  controller.abort();
  return text;
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  // The organisers show the code on the projector and the badges.
  const organiser = await newPage();
  await signInAsOrganiser(organiser, app.url);
  await organiser.goto(`${app.url}/verwaltung/fachinputs`);
  DAY_CODE = (await textOf(organiser.locator(".mod-code"))).trim();
  expect(DAY_CODE).toMatch(/^[A-Z0-9]{4,12}$/);
});
afterEach(() => {
  const errors = pageErrors.splice(0);
  expect(errors).toEqual([]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.stop();
});

describe("questions from the room, moderated, live on the projector", () => {
  it("participant asks by day code, moderator approves, a second participant likes: the room view updates without a reload", async () => {
    const question = `Wie gewinnen wir mehr Sprachpaten für Grundschulen? (${Date.now()})`;

    // 1. Participant A (phone, no account) asks through the conference-day code.
    const participantA = await newPage();
    const questionUrl = await joinByCode(participantA);
    await ask(participantA, question);
    // Pre-moderation: A sees it as waiting, the public list does not have it.
    await participantA.getByRole("heading", { name: "Ihre Fragen, die auf Freigabe warten" }).waitFor();

    // 2. The room view is open on the projector (its own browser context, no account).
    const room = await newPage();
    await room.setViewportSize({ width: 1920, height: 1080 });
    await room.goto(`${questionUrl}/saal`);
    await room.getByRole("heading", { name: INPUT_TITLE, level: 1 }).waitFor();
    expect(await room.getByText(question).count()).toBe(0);
    // A marker in the page's memory: it survives only if the page is never reloaded.
    await room.evaluate(() => ((window as unknown as { marker: string }).marker = "no-reload"));

    // 3. The moderator (organiser) approves it.
    const moderator = await newPage();
    await signInAsOrganiser(moderator, app.url);
    await moderator.goto(`${app.url}/verwaltung/fachinputs`);
    await moderator.getByRole("link", { name: INPUT_TITLE }).click();
    await moderator.getByRole("heading", { name: INPUT_TITLE, level: 1 }).waitFor();
    const pending = moderator.getByRole("listitem").filter({ hasText: question });
    await pending.getByRole("button", { name: /^Freigeben/ }).click();
    await moderator.getByRole("status").filter({ hasText: "Erledigt." }).waitFor();
    await room.locator(".room__question", { hasText: question }).waitFor();

    // 4. Participant B (another phone) likes it.
    const participantB = await newPage();
    await participantB.goto(questionUrl);
    const item = participantB.getByRole("listitem").filter({ hasText: question });
    await item.getByRole("button", { name: /^Gefällt mir/ }).click();
    await room.locator(".room__question", { hasText: question }).locator(".room__likes", { hasText: /^1$/ }).waitFor();
    expect(await item.getByRole("button", { name: /^Gefällt mir/ }).getAttribute("aria-pressed")).toBe("true");
    expect(await room.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("no-reload");

    // One like per device: sending "like" again from B's browser does not count twice.
    const csrf = await participantB.locator('input[name="_csrf"]').first().inputValue();
    const questionId = (await room.locator(".room__question", { hasText: question }).getAttribute("data-question-id"))!;
    const again = await participantB.request.post(questionUrl, {
      form: { _csrf: csrf, intent: "like", questionId, fetch: "1" },
      headers: { origin: app.url },
    });
    expect(again.status()).toBe(200);
    // Proven by state, not by a pause: a freshly loaded room view still counts 1; then A's like,
    // which the stream sends after B's second try, makes it 2 on the open room view, not 3.
    const fresh = await newPage();
    await fresh.goto(`${questionUrl}/saal`);
    expect(await textOf(fresh.locator(".room__question", { hasText: question }).locator(".room__likes"))).toBe("1");
    await participantA.goto(questionUrl);
    await participantA
      .getByRole("listitem")
      .filter({ hasText: question })
      .getByRole("button", { name: /^Gefällt mir/ })
      .click();
    const likes = room.locator(".room__question", { hasText: question }).locator(".room__likes");
    await likes.filter({ hasText: /^2$/ }).waitFor();
    await participantA.goto(`${questionUrl}/saal`);
    expect(await textOf(participantA.locator(".room__question", { hasText: question }).locator(".room__likes"))).toBe(
      "2",
    );
  });

  it("never shows hidden or unapproved questions in public HTML or the stream; shows HTML and links as text", async () => {
    // The previous test's live pages (room view, streams) keep revalidating: close them first.
    for (const context of contexts.splice(0)) await context.close().catch(() => {});
    const participant = await newPage();
    const questionUrl = await joinByCode(participant);
    const secret = `Unfreigegebene Frage ${Date.now()}`;
    const hidden = `Ausgeblendete Frage ${Date.now()}`;
    const markup = `<b>fett</b> <a href="https://evil.example">klick</a> https://example.org ${Date.now()}`;
    await ask(participant, secret);
    await ask(participant, hidden);
    await ask(participant, markup);

    const moderator = await newPage();
    await signInAsOrganiser(moderator, app.url);
    await moderator.goto(`${app.url}/verwaltung/fachinputs`);
    await moderator.getByRole("link", { name: INPUT_TITLE }).click();
    await moderator
      .getByRole("listitem")
      .filter({ hasText: hidden })
      .getByRole("button", { name: /^Ausblenden/ })
      .click();
    await moderator.getByRole("status").filter({ hasText: "Erledigt." }).waitFor();
    await moderator
      .getByRole("listitem")
      .filter({ hasText: markup })
      .getByRole("button", { name: /^Freigeben/ })
      .click();
    await moderator.getByRole("status").filter({ hasText: "Erledigt." }).waitFor();

    // Another device (no cookie of the asker): public HTML of question page, day page, room view, conference page.
    for (const path of [questionUrl, `${questionUrl}/saal`, `${app.url}/live/${DAY_CODE}`]) {
      const html = await (await fetch(path)).text();
      expect(html).not.toContain(secret);
      expect(html).not.toContain(hidden);
    }
    // The organisers' CSV export holds only what the room saw.
    const csv = await (
      await moderator.request.get(`${app.url}/verwaltung/fachinputs/${questionUrl.split("/").pop()}/fragen.csv`)
    ).text();
    expect(csv).toContain("<b>fett</b>");
    expect(csv).not.toContain(secret);
    expect(csv).not.toContain(hidden);
    const stream = await firstSnapshot(`${questionUrl}/stream`);
    expect(stream).toContain("event: snapshot");
    expect(stream).not.toContain(secret);
    expect(stream).not.toContain(hidden);

    // Text only: the markup arrives as literal text, no element and no link is made of it.
    await participant.goto(questionUrl);
    const item = participant.getByRole("listitem").filter({ hasText: "<b>fett</b>" });
    await item.waitFor();
    expect(await item.locator("b").count()).toBe(0);
    expect(await item.locator("a").count()).toBe(0);
    const html = await (await fetch(`${questionUrl}/saal`)).text();
    expect(html).toContain("&lt;b&gt;fett&lt;/b&gt;");
    expect(html).not.toContain('href="https://evil.example"');
  });

  it("works without JavaScript: asking and liking by plain forms, the room view reloads itself", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const questionUrl = await joinByCode(page);
    await ask(page, `Ohne JavaScript gefragt ${Date.now()}`);
    expect(page.url()).toContain("gesendet=wartet");
    const first = page.getByRole("listitem").filter({ hasText: "Wer koordiniert das in der Stadt" });
    const before = await textOf(first.locator(".question__likes"));
    await first.getByRole("button", { name: /^Gefällt mir/ }).click();
    await page.waitForURL(/#q-/);
    const after = await textOf(
      page.getByRole("listitem").filter({ hasText: "Wer koordiniert das in der Stadt" }).locator(".question__likes"),
    );
    expect(Number.parseInt(after)).toBe(Number.parseInt(before) + 1);

    await page.goto(`${questionUrl}/saal`);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
    await page.getByText("Wie erreichen wir Eltern").waitFor();
  });

  it("shows the Fachinput with speakers and abstract on the conference page, never a question", async () => {
    const page = await newPage();
    await page.goto(app.url);
    await page.getByRole("link", { name: /Zur Konferenz \d{4}/ }).click();
    const section = page.getByRole("region", { name: "Fachinputs" });
    await section.getByRole("heading", { name: INPUT_TITLE, level: 3 }).waitFor();
    expect(await section.textContent()).toContain("Prof. Dr. Ayşe Demir, Hochschule Ruhr West");
    expect(await section.textContent()).toContain("Sprache lernen hört nicht an der Schultür auf");
    expect(await page.content()).not.toContain("Kann man die Folien danach bekommen?");
  });

  it("lets the organiser attach slides with the shared upload component; the conference page links them for everyone", async () => {
    const moderator = await newPage();
    await signInAsOrganiser(moderator, app.url);
    await moderator.goto(`${app.url}/verwaltung/fachinputs`);
    await moderator.getByRole("link", { name: INPUT_TITLE }).click();
    await moderator.getByLabel(/^Folien hochladen/).setInputFiles({
      name: "Folien Sprachbildung.pdf",
      mimeType: "application/pdf",
      buffer: await makePdf("Sprachbildung"),
    });
    await moderator.getByRole("button", { name: "Datei hochladen" }).click();
    await moderator.getByRole("status").filter({ hasText: "Die Datei wurde hochgeladen." }).waitFor();
    await moderator.reload();
    await moderator.getByRole("link", { name: "Folien herunterladen" }).waitFor();

    const visitor = await newPage();
    await visitor.goto(app.url);
    await visitor.getByRole("link", { name: /Zur Konferenz \d{4}/ }).click();
    const href = await visitor.getByRole("link", { name: /^Folien herunterladen/ }).getAttribute("href");
    const res = await fetch(`${app.url}${href}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/pdf");
  });

  it("passes axe (WCAG 2.1 AA) on the participant pages, the room view and the moderation pages", async () => {
    const page = await newPage();
    const questionUrl = await joinByCode(page);
    const violations = [];
    for (const url of [`${app.url}/live`, `${app.url}/live/${DAY_CODE}`, questionUrl, `${questionUrl}/saal`]) {
      await page.goto(url);
      violations.push(...(await axeCheck(page)));
    }
    const moderator = await newPage();
    await signInAsOrganiser(moderator, app.url);
    await moderator.goto(`${app.url}/verwaltung/fachinputs`);
    violations.push(...(await axeCheck(moderator)));
    await moderator.getByRole("link", { name: INPUT_TITLE }).click();
    await moderator.getByRole("heading", { name: INPUT_TITLE, level: 1 }).waitFor();
    violations.push(...(await axeCheck(moderator)));
    expect(violations).toEqual([]);
  });

  it("lets a registered participant come in through the manage link, without typing the code", async () => {
    const page = await newPage();
    await page.goto(app.url);
    await page.getByRole("link", { name: /Zur Konferenz \d{4}/ }).click();
    await page.getByRole("link", { name: "Zur Anmeldung" }).click();
    await page.getByLabel(/^Vorname/).fill("Lena");
    await page.getByLabel(/^Nachname/).fill("Fragt");
    await page.getByLabel(/^E-Mail-Adresse/).fill("lena@example.org");
    await page.getByLabel(/^Organisation \(/).fill("Kita Welheim");
    await page.getByLabel(/^Art der Organisation/).selectOption({ label: "Freier Träger" });
    await page.getByLabel(/^Nein, ich möchte nicht/).check();
    await page.getByLabel(/^Ich habe die Datenschutzhinweise gelesen/).check();
    await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
    const held = await waitForMail(app.dataDir, "lena@example.org", /Bitte bestätigen Sie Ihre Anmeldung/);
    await page.goto(linkIn(held.text, "anmeldung-bestaetigen"));
    await page.getByRole("button", { name: "Anmeldung jetzt bestätigen" }).click();
    const confirmed = await waitForMail(app.dataDir, "lena@example.org", /Anmeldung bestätigt/);
    await page.goto(linkIn(confirmed.text, "meine-anmeldung"));
    await page.getByRole("link", { name: "Fragen stellen im Saal" }).click();
    await page.getByRole("heading", { name: "Fachinputs am Konferenztag", level: 1 }).waitFor();
    expect(page.url()).toBe(`${app.url}/live/${DAY_CODE}`);
    // A made-up manage token leads nowhere.
    expect(
      (await fetch(`${app.url}/meine-anmeldung/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/fragen`, { redirect: "manual" }))
        .status,
    ).toBe(404);
  });

  it("refuses an unknown day code with a clear message and keeps the input", async () => {
    const page = await newPage();
    await page.goto(`${app.url}/live`);
    await page.getByLabel(/^Tagescode/).fill("FALSCH1");
    await page.getByRole("button", { name: "Weiter" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Diesen Tagescode gibt es nicht");
    expect(await page.getByLabel(/^Tagescode/).inputValue()).toBe("FALSCH1");
    expect((await fetch(`${app.url}/live/FALSCH1`)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { linkIn, runCli, startApp, waitForMail, type RunningApp } from "../support/app";
import { axeCheck, type Violation } from "../support/a11y";
import { DEMO_ORGANISER, launchBrowser, signInAsOrganiser, textOf } from "../support/browser";
import { conferenceYear } from "../support/http";

const ORGANISER = DEMO_ORGANISER;
const COORDINATOR = { email: "welheim@ikon.example", password: "Welheim-Koordination-1" };

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  const first = await startApp();
  await first.stop();
  const created = await runCli(
    [
      "scripts/user-create.ts",
      "--email",
      COORDINATOR.email,
      "--name",
      "Koordination Welheim",
      "--role",
      "coordinator",
      "--password",
      COORDINATOR.password,
      "--group",
      "welheim",
    ],
    { DATA_DIR: first.dataDir },
  );
  expect(created.code, created.output).toBe(0);
  app = await startApp({ dataDir: first.dataDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(context: BrowserContext, who: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await signInAsOrganiser(page, app.url, "/login", who);
  return page;
}

describe("a participant prioritises goals with the conference-day code", () => {
  it("spends points, cannot exceed N (nor the maximum per goal), and the ballot counts once", async () => {
    // The organiser knows the day code (it is on the badges and the projector).
    const orgaContext = await browser.newContext();
    const orga = await signIn(orgaContext, ORGANISER);
    await orga.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    const code = /mit dem Code (\S+) ab/.exec(await textOf(orga.getByText(/Teilnehmende stimmen mit dem Code/)))![1]!;
    const year = /Vorschläge (\d{4})/.exec(await textOf(orga.getByRole("heading", { level: 1 })))![1];
    await orga.goto(`${app.url}/ziele/ergebnis/${year}`);
    const ballotsBefore = Number(/(\d+) Stimmzettel/.exec(await textOf(orga.getByText(/Stimmzettel/)))![1]);

    // A participant without an account: new browser, the code typed in lower case.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/ziele`);
    await page.getByRole("link", { name: "Ziele vorschlagen und abstimmen" }).click();
    await page.getByLabel(/Code des Konferenztags/).fill("falsch");
    await page.getByRole("button", { name: "Weiter" }).click();
    expect(await textOf(page.getByRole("alert"))).toContain("Diesen Code kennen wir nicht");
    await page.getByLabel(/Code des Konferenztags/).fill(code.toLowerCase());
    await page.getByRole("button", { name: "Weiter" }).click();
    await page.getByRole("heading", { name: "Punkte verteilen" }).waitFor();
    expect(await textOf(page.locator("#ballot-rule"))).toContain(
      "Sie haben 5 Punkte. Sie können einem Ziel höchstens 3 Punkte geben.",
    );

    const first = page.getByLabel("Berufsorientierung mit Eltern ab Klasse 8");
    const second = page.getByLabel("Gesundheitslotsinnen in jedem Stadtteil");
    const third = page.getByLabel("Sportvereine: kostenloses Schnuppertraining");
    // The merged duplicate is not on the ballot on its own.
    expect(await page.getByLabel("Mehr Gesundheitslotsen").count()).toBe(0);

    // 3 + 3 = 6 of 5 points: the counter warns, the server refuses, nothing is stored.
    await first.fill("3");
    await second.fill("3");
    expect(await textOf(page.locator(".budget"))).toContain("1 Punkt zu viel");
    await page.getByRole("button", { name: "Punkte abgeben" }).click();
    const alert = await textOf(page.getByRole("alert"));
    expect(alert).toContain("Ihre Punkte sind nicht gespeichert");
    expect(alert).toContain("Sie haben 6 Punkte verteilt, aber nur 5 Punkte zur Verfügung");

    // 4 on one goal: over the maximum per goal.
    await first.fill("4");
    await second.fill("");
    await page.getByRole("button", { name: "Punkte abgeben" }).click();
    await page.getByRole("alert").filter({ hasText: "Ein Ziel kann höchstens 3 Punkte bekommen" }).waitFor();

    // Within the limits: saved.
    await first.fill("3");
    await second.fill("");
    await third.fill("2");
    expect(await textOf(page.locator(".budget"))).toContain("noch 0 von 5 Punkten");
    await page.getByRole("button", { name: "Punkte abgeben" }).click();
    await page.getByRole("status").filter({ hasText: "Ihre 5 von 5 Punkten sind gespeichert" }).waitFor();

    // The same device again: the ballot is shown, and a change replaces it (still one ballot).
    await page.reload();
    expect(await first.inputValue()).toBe("3");
    expect(await third.inputValue()).toBe("2");
    await first.fill("2");
    await second.fill("1");
    await page.getByRole("button", { name: "Punkte abgeben" }).click();
    await page.getByRole("status").filter({ hasText: "Ihre 5 von 5 Punkten sind gespeichert" }).waitFor();

    // Around the form: a hand-made POST with 9 points is refused by the server as well.
    const forged = await page.evaluate(async () => {
      const form = document.querySelector<HTMLFormElement>("form[aria-labelledby='ballot-title']")!;
      const body = new FormData(form);
      for (const key of [...body.keys()]) if (key.startsWith("p.")) body.set(key, "3");
      // Sent as the form itself sends it (urlencoded: multipart is for upload routes only, 415 elsewhere).
      const res = await fetch(location.href, {
        method: "POST",
        body: new URLSearchParams([...body].map(([k, v]) => [k, String(v)])),
      });
      return res.status;
    });
    expect(forged).toBe(400);

    // Live results for the organiser: exactly one more ballot, with this participant's points.
    await orga.goto(`${app.url}/ziele/ergebnis/${year}?ansicht=projektor`);
    expect(await textOf(orga.getByText(/Stimmzettel/))).toContain(`${ballotsBefore + 1} Stimmzettel`);
    const bars = await orga.locator(".bars li").allTextContents();
    // Demo ballots give 6, 5 and 4; this ballot adds 2, 1 and 2.
    expect(bars.find((b) => b.includes("Berufsorientierung"))).toContain("8 Punkte von 4 Personen");
    expect(bars.find((b) => b.includes("Gesundheitslotsinnen"))).toContain("6 Punkte von 3 Personen");
    expect(bars.find((b) => b.includes("Sportvereine"))).toContain("6 Punkte von 3 Personen");
    // Before the round closes the public sees no numbers.
    const anonymous = /<main[\s\S]*<\/main>/.exec(await (await fetch(`${app.url}/ziele/ergebnis/${year}`)).text())![0];
    expect(anonymous).toContain("sobald die Abstimmung beendet ist");
    expect(anonymous).not.toContain("Punkte von");

    // A proposal from the participant waits for review, then the organiser admits it.
    await page.getByLabel(/Ihr Ziel in einem Satz/).fill("Mehrsprachige Elternbriefe an allen Schulen");
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    await page.getByRole("status").filter({ hasText: "Danke für Ihren Vorschlag" }).waitFor();
    expect(await page.getByLabel("Mehrsprachige Elternbriefe an allen Schulen").count()).toBe(0);
    await orga.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    const item = orga.locator(".goal-list > li", { hasText: "Mehrsprachige Elternbriefe" });
    expect(await textOf(item)).toContain("wartet auf Durchsicht");
    await item.getByRole("button", { name: "Zur Abstimmung zulassen" }).click();
    await orga.getByRole("status").waitFor();
    await page.reload();
    await page.getByLabel("Mehrsprachige Elternbriefe an allen Schulen").waitFor();

    await context.close();
    await orgaContext.close();
  });
});

describe("a registered participant prioritises through the manage link", () => {
  it("gets one ballot per registration, also limited to N points", async () => {
    const year = await conferenceYear(app.url);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/konferenzen/${year}/anmeldung`);
    await page.getByLabel(/^Vorname/).fill("Vera");
    await page.getByLabel(/^Nachname/).fill("Voss");
    await page.getByLabel(/^E-Mail-Adresse/).fill("vera@example.org");
    await page.getByLabel(/^Organisation \(/).fill("Jugendzentrum Ebel");
    await page.getByLabel(/^Art der Organisation/).selectOption({ label: "Freier Träger" });
    await page.getByLabel(/^Nein, ich möchte nicht/).check();
    await page.getByLabel(/^Ich habe die Datenschutzhinweise gelesen/).check();
    await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
    const held = await waitForMail(app.dataDir, "vera@example.org", /Bitte bestätigen Sie Ihre Anmeldung/);
    const confirmLink = linkIn(held.text, "anmeldung-bestaetigen");
    await page.goto(confirmLink);
    await page.getByRole("button", { name: "Anmeldung jetzt bestätigen" }).click();
    const confirmed = await waitForMail(app.dataDir, "vera@example.org", /Anmeldung bestätigt/);
    const manage = linkIn(confirmed.text, "meine-anmeldung");

    await page.goto(`${manage}/ziele`);
    await page.getByRole("heading", { name: "Punkte verteilen" }).waitFor();
    await page.getByLabel("Berufsorientierung mit Eltern ab Klasse 8").fill("3");
    await page.getByLabel("Sportvereine: kostenloses Schnuppertraining").fill("3");
    await page.getByRole("button", { name: "Punkte abgeben" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Sie haben 6 Punkte verteilt, aber nur 5 Punkte zur Verfügung" })
      .waitFor();
    await page.getByLabel("Sportvereine: kostenloses Schnuppertraining").fill("2");
    await page.getByRole("button", { name: "Punkte abgeben" }).click();
    await page.getByRole("status").filter({ hasText: "Ihre 5 von 5 Punkten sind gespeichert" }).waitFor();

    // The ballot belongs to the registration, not the browser: another device sees it too.
    const other = await browser.newContext();
    const again = await other.newPage();
    await again.goto(`${manage}/ziele`);
    expect(await again.getByLabel("Berufsorientierung mit Eltern ab Klasse 8").inputValue()).toBe("3");
    expect(await again.getByLabel("Sportvereine: kostenloses Schnuppertraining").inputValue()).toBe("2");
    await again.getByRole("link", { name: "Zurück zu Ihrer Anmeldung" }).waitFor();
    // An unknown token is a 404.
    expect((await fetch(`${app.url}/meine-anmeldung/aaaaaaaaaaaaaaaaaaaaaaaaaa/ziele`)).status).toBe(404);
    await other.close();
    await context.close();
  });
});

describe("goal owners and the public board", () => {
  it("a coordinator updates their group's goal (reviewed before public) but gets 404 for another group's", async () => {
    const context = await browser.newContext();
    const page = await signIn(context, COORDINATOR);
    await page.goto(`${app.url}/verwaltung/ziele`);
    // Only Welheim's goal is listed for this coordinator.
    const rows = await page.locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("Nachbarschaftstreff");
    const id = /Ziel (\d+):/.exec(rows[0]!)![1];
    await page.getByRole("link", { name: "Sachstand eintragen" }).click();
    await page.getByLabel("in Umsetzung").check();
    await page.getByLabel(/^Sachstand/).fill("Der Treff läuft seit März jeden ersten Mittwoch.");
    await page.getByRole("button", { name: "Zur Prüfung senden" }).click();
    expect(await textOf(page.getByRole("status"))).toContain("wird geprüft");
    // Not public yet.
    expect(/<main[\s\S]*<\/main>/.exec(await (await fetch(`${app.url}/ziele/${id}`)).text())![0]).not.toContain(
      "jeden ersten Mittwoch",
    );

    // Goal 1 belongs to the Facharbeitskreis Bildung und Ausbildung: it does not exist for Welheim.
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const before = await (await fetch(`${app.url}/ziele/1`)).text();
    expect((await page.goto(`${app.url}/verwaltung/ziele/1`))!.status()).toBe(404);
    const csrf = (await context.cookies()).find((c) => c.name.includes("csrf"))?.value ?? "";
    const post = await fetch(`${app.url}/verwaltung/ziele/1`, {
      method: "POST",
      headers: { cookie: cookies, origin: app.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf, intent: "status", status: "verworfen", sachstand: "von Welheim" }),
    });
    expect(post.status).toBe(404);
    const after = await (await fetch(`${app.url}/ziele/1`)).text();
    expect(/<main[\s\S]*<\/main>/.exec(after)![0]).not.toContain("von Welheim");
    expect(after.match(/<main[\s\S]*<\/main>/)![0]).toBe(before.match(/<main[\s\S]*<\/main>/)![0]);
    await context.close();

    // The organiser publishes the update; now the goal page shows it.
    const orgaContext = await browser.newContext();
    const orga = await signIn(orgaContext, ORGANISER);
    await orga.goto(`${app.url}/verwaltung/ziele`);
    await orga
      .locator(".goal-list > li", { hasText: "Nachbarschaftstreff" })
      .getByRole("button", { name: "Veröffentlichen" })
      .click();
    await orga.getByRole("status").waitFor();
    expect(await (await fetch(`${app.url}/ziele/${id}`)).text()).toContain("jeden ersten Mittwoch");
    await orgaContext.close();
  });

  it("shows the board by year with filters, the coverage view and exports", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("link", { name: "Ziele", exact: true }).first().click();
    await page.getByRole("heading", { name: "Ziele der Integrationskonferenz", level: 1 }).waitFor();
    await page.getByLabel("Stand", { exact: true }).selectOption({ label: "erreicht" });
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await page.getByRole("heading", { name: "Ziele über alle Jahre: 1" }).waitFor();
    await page.getByRole("link", { name: /Bescheide des Bürgerbüros/ }).click();
    await page.getByRole("heading", { name: "Verlauf Jahr für Jahr" }).waitFor();
    expect(await textOf(page.locator(".timeline"))).toContain("Alle zehn Schreiben sind überarbeitet");
    await page.goto(`${app.url}/ziele/abdeckung?jahre=2`);
    expect(await textOf(page.getByRole("heading", { name: /Empfehlungen ohne Ziel/ }))).toMatch(
      /^3[0-9] Empfehlungen ohne Ziel in den letzten 2 Jahren/,
    );
    const csv = await fetch(`${app.url}/ziele/export.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("Nachbarschaftstreff im Stadtteilzentrum Welheim");
    const xlsx = await fetch(`${app.url}/ziele/export.xlsx`);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    await page.close();
  });
});

describe("organisers", () => {
  it("import the catalogue from CSV with per-line errors, and agree a goal from a proposal with its origin", async () => {
    const context = await browser.newContext();
    const page = await signIn(context, ORGANISER);
    await page.goto(`${app.url}/verwaltung/ziele/katalog`);
    await page
      .getByLabel("oder Inhalt hier einfügen")
      .first()
      .fill("code;handlungsfeld;titel\nBIL-9;Bildung;Gut\nBIL9;Bildung;Ohne Bindestrich\nKUL-9;Theater;Unbekannt\n");
    await page.getByRole("button", { name: "Laden", exact: true }).click();
    const alert = await textOf(page.getByRole("alert"));
    expect(alert).toContain("Nichts gespeichert: 2 Fehler");
    expect(alert).toContain("Zeile 3: Der Code „BIL9“ hat nicht die Form ABC-12");
    expect(alert).toContain("Zeile 4: Das Handlungsfeld „Theater“ kennen wir nicht");
    expect(await page.getByText("BIL-9", { exact: true }).count()).toBe(0);
    await page
      .getByLabel("oder Inhalt hier einfügen")
      .first()
      .fill("code;handlungsfeld;titel;text\nBIL-9;BIL;Lernpatenschaften;Ehrenamtliche begleiten Kinder beim Lernen.\n");
    await page.getByRole("button", { name: "Laden", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "1 neue und 0 geänderte" }).waitFor();

    await page.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    await page
      .locator(".goal-list > li", { hasText: "Gesundheitslotsinnen in jedem Stadtteil" })
      .getByRole("link", { name: "Als Ziel vereinbaren" })
      .click();
    await page.getByRole("heading", { name: "Ziel vereinbaren", level: 1 }).waitFor();
    expect(await page.getByLabel(/^Ziel \(/).inputValue()).toBe("Gesundheitslotsinnen in jedem Stadtteil");
    await page.getByLabel(/^Woran wir den Erfolg messen/).fill("Zahl der ausgebildeten Lotsinnen und Lotsen");
    await page.getByLabel(/^Partner/).fill("Gesundheitsamt");
    await page.getByRole("button", { name: "Ziel vereinbaren" }).click();
    await page.waitForURL(/\/ziele\/\d+$/);
    const origin = await textOf(page.locator("section", { hasText: "Woher das Ziel kommt" }));
    expect(origin).toContain("„Gesundheitslotsinnen in jedem Stadtteil“");
    expect(origin).toContain("„Mehr Gesundheitslotsen“ (Teilnehmende)");
    expect(origin).toMatch(/bekam der Vorschlag \d+ Punkte? von \d+ Personen?/);
    expect(await textOf(page.locator(".timeline"))).toMatch(/Integrationskonferenz \d{4}: neu/);

    // What was agreed can be adjusted later; the number stays.
    const goalUrl = page.url();
    await page.getByRole("link", { name: "Sachstand eintragen" }).click();
    await page.getByLabel(/^Partner/).fill("Gesundheitsamt, Stadtteilzentrum Ebel");
    await page.getByRole("button", { name: "Vereinbarung speichern" }).click();
    await page.waitForURL(goalUrl);
    expect(await textOf(page.locator(".facts"))).toContain("Gesundheitsamt, Stadtteilzentrum Ebel");
    await context.close();
  });
});

describe("accessibility of the goal pages", () => {
  it("has no axe violations (WCAG 2.1 A/AA) on the public pages, the ballot in its error state and the admin pages", async () => {
    const violations: Violation[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    const year = await conferenceYear(app.url);
    for (const path of [
      "/ziele",
      `/ziele?jahr=${year}`,
      "/ziele/1",
      "/ziele/abdeckung",
      "/ziele/mitmachen",
      "/ziele/mitmachen?code=gibtsnicht",
    ]) {
      await page.goto(app.url + path);
      violations.push(...(await axeCheck(page, path)));
    }
    const orga = await signIn(context, ORGANISER);
    await orga.goto(`${app.url}/verwaltung/ziele/vorschlaege`);
    const code = /mit dem Code (\S+) ab/.exec(await textOf(orga.getByText(/Teilnehmende stimmen mit dem Code/)))![1]!;
    violations.push(...(await axeCheck(orga, "/verwaltung/ziele/vorschlaege")));
    for (const path of [
      "/verwaltung/ziele",
      "/verwaltung/ziele/katalog",
      "/verwaltung/ziele/vereinbaren",
      "/verwaltung/ziele/2",
      `/ziele/ergebnis/${year}`,
      `/ziele/ergebnis/${year}?ansicht=projektor`,
    ]) {
      await orga.goto(app.url + path);
      violations.push(...(await axeCheck(orga, path)));
    }
    await page.goto(`${app.url}/ziele/mitmachen/${code}`);
    await page.getByLabel("Berufsorientierung mit Eltern ab Klasse 8").fill("9");
    await page.getByRole("button", { name: "Punkte abgeben" }).click();
    await page.getByRole("alert").waitFor();
    await page.getByRole("button", { name: "Vorschlag senden" }).click();
    violations.push(...(await axeCheck(page, "ballot and proposal in error state")));
    await context.close();
    expect(violations).toEqual([]);
  });
});

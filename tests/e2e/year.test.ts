import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { linkIn, waitForMail, type RunningApp } from "../support/app";
import { launchBrowser, signInAsOrganiser, textOf } from "../support/browser";
import { backends, startDemoApp } from "../support/http";

// A conference year in one run, as the office and a working group live it — through the UI only:
// set up the next conference and open registration, invite a coordinator, the report cycle, the
// Fachinput with a live question, goals proposed, voted and agreed, the documentation with a photo,
// a library entry, and the rollover into the next conference. Each step asserts what a person sees.
// On the embedded database and (with TEST_DATABASE_URL) on PostgreSQL.

const NEXT = 2028; // the demo has 2026 (documented) and 2027 (registration open)
const COORDINATOR = { email: "sam.batenbrock@example.org", name: "Sam Okafor" };
const PARTICIPANT = { first: "Lina", last: "Haddad", email: "lina.haddad@example.org" };

/** A datetime-local value in Berlin time, minutes from now. */
function berlinLocal(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000);
  return at.toLocaleString("sv-SE", { timeZone: "Europe/Berlin" }).replace(" ", "T").slice(0, 16);
}

describe.each(backends)("a conference year through the UI (%s)", (backend) => {
  let app: RunningApp;
  let cleanup: () => Promise<void>;
  let browser: Browser;
  let orgaContext: BrowserContext;
  let orga: Page;
  let coordContext: BrowserContext;
  let coord: Page;
  let dayCode = "";
  let working = 0; // the conference the start page works on (the next one to take place)

  beforeAll(async () => {
    ({ app, cleanup } = await startDemoApp(backend));
    browser = await launchBrowser();
    orgaContext = await browser.newContext();
    orga = await orgaContext.newPage();
    await signInAsOrganiser(orga, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  it("the organiser's start page shows the year at a glance with the next step", async () => {
    await orga.goto(`${app.url}/verwaltung`);
    await orga.getByRole("heading", { name: "Das Konferenzjahr auf einen Blick", level: 2 }).waitFor();
    for (const h of ["Nächster Schritt", "Die Schritte des Jahres", "Anmeldungen", "Umsetzungsberichte", "Ziele"])
      await orga.getByRole("heading", { name: h, level: 2 }).waitFor();
    const glance = await textOf(orga.locator("main"));
    working = Number(/Integrationskonferenz (\d{4})/.exec(glance)![1]);
    expect(working).toBe(2027);
  });

  it("sets up the next conference with a forum and an agenda item, opens registration, and a participant registers", async () => {
    await orga.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Konferenzen" }).click();
    await orga.getByRole("link", { name: "Neue Konferenz anlegen" }).click();
    await orga.getByLabel(/^Jahr/).fill(String(NEXT));
    await orga.getByLabel(/^Titel/).fill(`Integrationskonferenz ${NEXT}: Zusammen wachsen`);
    await orga.getByLabel(/^Beginn/).fill(`${NEXT}-05-17T09:00`);
    await orga.getByLabel(/^Ende/).fill(`${NEXT}-05-17T16:00`);
    await orga.getByLabel(/^Veranstaltungsort/).fill("Kulturzentrum August Everding");
    await orga.getByLabel(/^Adresse/).fill("Blumenstraße 12–14, 46236 Bottrop");
    await orga.getByLabel(/^Plätze insgesamt/).fill("80");
    await orga.getByLabel(/^Stand/).selectOption({ label: "Anmeldung offen" });
    // The description is written as Markdown, with a preview that saves nothing and keeps the form.
    await orga
      .getByLabel(/^Beschreibung/)
      .fill(
        "Wir arbeiten an drei Fragen:\n\n- Arbeit\n- Ausbildung\n- [Integrationskonzept](https://www.bottrop.de/integration)",
      );
    await orga.getByRole("button", { name: "Vorschau", exact: true }).click();
    await orga.locator(".markdown-field__preview li").filter({ hasText: "Ausbildung" }).waitFor();
    expect(await orga.getByLabel(/^Veranstaltungsort/).inputValue()).toBe("Kulturzentrum August Everding");
    await orga.getByRole("button", { name: "Konferenz anlegen" }).click();
    await orga
      .getByRole("heading", { name: `Konferenz bearbeiten: Integrationskonferenz ${NEXT}: Zusammen wachsen` })
      .waitFor();

    await orga
      .getByLabel(/^Titel des Forums/)
      .last()
      .fill("Forum A: Arbeit und Ausbildung");
    await orga
      .getByLabel(/^Plätze im Forum/)
      .last()
      .fill("40");
    await orga.getByRole("button", { name: "Forum hinzufügen" }).click();
    await orga.getByRole("link", { name: /^Forum löschen ?: Forum A: Arbeit und Ausbildung$/ }).waitFor();
    // The add form is empty again for the next forum.
    if (!process.env.YEAR_DEV)
      expect(
        await orga
          .getByLabel(/^Titel des Forums/)
          .last()
          .inputValue(),
      ).toBe("");

    const agenda = orga.locator("form", { has: orga.getByRole("button", { name: "Programmpunkt hinzufügen" }) });
    await agenda.getByLabel(/^Beginn/).fill(`${NEXT}-05-17T09:30`);
    await agenda.getByLabel(/^Titel des Programmpunkts/).fill("Ankommen und Begrüßung");
    await agenda.getByLabel(/^Art/).selectOption({ label: "Begrüßung" });
    await agenda.getByLabel(/^Mitwirkende/).fill("Oberbürgermeister");
    await orga.getByRole("button", { name: "Programmpunkt hinzufügen" }).click();
    const item = orga.getByRole("row").filter({ hasText: "Ankommen und Begrüßung" });
    expect(await textOf(item)).toContain("Oberbürgermeister");
    // A speaker is not carried into the next item.
    expect(await agenda.getByLabel(/^Titel des Programmpunkts/).inputValue()).toBe("");
    expect(await agenda.getByLabel(/^Mitwirkende/).inputValue()).toBe("");

    // A participant finds it, registers, confirms through the mailed link.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${app.url}/konferenzen/${NEXT}`);
    expect(await visitor.locator("main .lead li").allTextContents()).toEqual([
      "Arbeit",
      "Ausbildung",
      "Integrationskonzept",
    ]);
    expect(await visitor.getByRole("link", { name: "Integrationskonzept" }).getAttribute("href")).toBe(
      "https://www.bottrop.de/integration",
    );
    await visitor.getByRole("link", { name: "Zur Anmeldung" }).click();
    await visitor.getByLabel(/^Vorname/).fill(PARTICIPANT.first);
    await visitor.getByLabel(/^Nachname/).fill(PARTICIPANT.last);
    await visitor.getByLabel(/^E-Mail-Adresse/).fill(PARTICIPANT.email);
    await visitor.getByLabel(/^Organisation \(/).fill("Jobcenter Bottrop");
    await visitor.getByLabel(/^Art der Organisation/).selectOption({ label: "Freier Träger" });
    await visitor.getByLabel(/^Forum A: Arbeit und Ausbildung/).check();
    await visitor.getByLabel(/^Nein, ich möchte nicht/).check();
    await visitor.getByLabel(/^Ich habe die Datenschutzhinweise gelesen/).check();
    await visitor.getByRole("button", { name: "Verbindlich anmelden" }).click();
    const mail = await waitForMail(app.dataDir, PARTICIPANT.email, /Anmeldung/);
    await visitor.goto(linkIn(mail.text, "anmeldung-bestaetigen"));
    await visitor.getByRole("button", { name: /bestätigen/i }).click();
    await visitor
      .getByText(/bestätigt/)
      .first()
      .waitFor();
    await visitorContext.close();

    await orga.goto(`${app.url}/verwaltung/konferenzen`);
    const row = orga.getByRole("row").filter({ hasText: `Integrationskonferenz ${NEXT}` });
    expect(await textOf(row)).toContain("1 bestätigt");
  });

  it("invites a coordinator, who lands on her own start page with her group and report", async () => {
    await orga.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Arbeitskreise" }).click();
    await orga.getByRole("link", { name: "Stadtteilnetzwerk Batenbrock" }).click();
    await orga
      .getByLabel(/^Name \(Pflichtfeld\)/)
      .first()
      .fill(COORDINATOR.name);
    await orga
      .getByLabel(/^E-Mail-Adresse/)
      .first()
      .fill(COORDINATOR.email);
    await orga.getByRole("button", { name: "Einladung senden" }).click();
    await orga.getByText(`Die Einladung wurde an ${COORDINATOR.email} gesendet.`).waitFor();

    const mail = await waitForMail(
      app.dataDir,
      COORDINATOR.email,
      /^Einladung: Koordination Stadtteilnetzwerk Batenbrock/,
    );
    coordContext = await browser.newContext();
    coord = await coordContext.newPage();
    await coord.goto(linkIn(mail.text, "login/link"));
    await coord.getByRole("button", { name: "Jetzt anmelden" }).click();
    await coord.getByRole("heading", { name: "Verwaltung", level: 1 }).waitFor();
    const start = await textOf(coord.locator("main"));
    expect(start).toContain("Stadtteilnetzwerk Batenbrock");
    // Menus show only what she may use.
    const menu = await textOf(coord.getByRole("navigation", { name: "Verwaltung" }));
    expect(menu).not.toContain("Fachinputs");
    expect(menu).not.toContain("Protokoll");
  });

  it("runs the report cycle: write, submit, asked for changes, resubmit, approve, publish", async () => {
    await coord.goto(`${app.url}/verwaltung/arbeitskreise`);
    await coord.getByRole("heading", { name: "Stadtteilnetzwerk Batenbrock", level: 1 }).waitFor();
    await coord.getByRole("button", { name: `Bericht für ${working} schreiben` }).click();
    await coord.getByLabel(/^Aktivitäten/).fill("Nachbarschaftsfest am Batenbrockpark mit 300 Gästen.");
    await coord.getByLabel(/^Fortschritte/).fill("Zwei neue Vereine machen mit.");
    // Submitted straight away: what is on screen is what gets submitted.
    await coord.getByRole("button", { name: "Bericht einreichen" }).click();
    await coord.getByText("Der Bericht wurde eingereicht.").waitFor();
    const reportUrl = coord.url();

    await orga.goto(`${app.url}/verwaltung/berichte?jahr=${working}`);
    await orga.getByRole("link", { name: "Stadtteilnetzwerk Batenbrock" }).click();
    await orga
      .getByRole("heading", { name: `Umsetzungsbericht ${working}: Stadtteilnetzwerk Batenbrock`, level: 1 })
      .waitFor();
    await orga.getByLabel(/^Was soll geändert werden/).fill("Bitte nennen Sie auch, was fehlt.");
    await orga.getByRole("button", { name: "Änderungen erbitten" }).click();
    await orga.getByText("Die Gruppe wurde um Änderungen gebeten.").waitFor();

    await waitForMail(app.dataDir, COORDINATOR.email, /^Bitte um Änderungen/);
    await coord.goto(reportUrl);
    await coord.getByLabel(/^Hemmnisse/).fill("Es fehlt ein Raum für Treffen am Abend.");
    await coord.getByRole("button", { name: "Bericht einreichen" }).click();
    await coord.getByText("Der Bericht wurde eingereicht.").waitFor();

    await orga.reload();
    await orga.getByRole("button", { name: "Freigeben" }).click();
    await orga.getByText("Der Bericht ist freigegeben.").waitFor();
    await orga.getByRole("button", { name: "Veröffentlichen" }).click();
    await orga.getByText("Der Bericht ist veröffentlicht.").waitFor();

    const pub = await browser.newPage();
    await pub.goto(`${app.url}/arbeitskreise/batenbrock`);
    await pub.getByText("Es fehlt ein Raum für Treffen am Abend.").waitFor();
    await pub.close();
    // Her start page says so.
    await coord.goto(`${app.url}/verwaltung`);
    expect(await textOf(coord.locator("main"))).toMatch(/veröffentlicht/i);
  });

  it("holds the Fachinput: a question asked by day code is approved and shown in the room", async () => {
    await orga.goto(`${app.url}/verwaltung/fachinputs`);
    const section = orga.locator("section", {
      has: orga.getByRole("heading", { name: new RegExp(`Integrationskonferenz ${working}`), level: 2 }),
    });
    dayCode = (await textOf(section.locator(".mod-code"))).trim();
    const title = "Arbeitsmarktintegration von Anfang an";
    await section.locator("summary", { hasText: "Fachinput anlegen" }).click(); // opens the form
    const create = section.locator("form", { has: orga.getByRole("button", { name: "Fachinput anlegen" }) });
    await create.getByLabel(/^Titel/).fill(title);
    await create.getByLabel(/^Referentinnen und Referenten/).fill("Dr. Eva Brandt");
    await create.getByLabel(/^Vorab: Fragen erscheinen erst nach Freigabe/).check();
    // The form suggests the agenda's expert input and its time; this one takes questions from now on.
    await create.getByLabel(/^Programmpunkt/).selectOption({ label: "Kein Programmpunkt" });
    await create.getByLabel(/^Fragen möglich ab/).fill(berlinLocal(-60));
    await create.getByLabel(/^Fragen möglich bis/).fill(berlinLocal(120));
    await create.getByRole("button", { name: "Fachinput anlegen" }).click();
    await orga.getByRole("heading", { name: title, level: 1 }).waitFor();
    const moderation = orga.url();

    const phone = await (await browser.newContext()).newPage();
    await phone.goto(`${app.url}/live`);
    await phone.getByLabel(/^Tagescode/).fill(dayCode.toLowerCase());
    await phone.getByRole("button", { name: "Weiter" }).click();
    await phone.getByRole("link", { name: title }).click();
    await phone.getByRole("heading", { name: title, level: 1 }).waitFor();
    const inputUrl = new URL(phone.url());
    inputUrl.search = "";
    const question = "Wie erreichen wir Betriebe ohne Personalabteilung?";
    await phone.getByLabel(/^Ihre Frage oder Ihr Beitrag/).fill(question);
    await phone.getByRole("button", { name: "Frage senden" }).click();
    await phone.getByText("Ihre Frage ist angekommen").waitFor();
    const room = await (await browser.newContext()).newPage();
    await room.goto(`${inputUrl.href}/saal`);
    await room.getByRole("heading", { name: title, level: 1 }).waitFor();

    await orga.goto(moderation);
    await orga
      .getByRole("listitem")
      .filter({ hasText: question })
      .getByRole("button", { name: /^Freigeben/ })
      .click();
    await orga.getByRole("status").filter({ hasText: "Erledigt." }).waitFor();
    await room.locator(".room__question", { hasText: question }).waitFor();
    await phone.context().close();
    await room.context().close();
  });

  it("collects a proposal, counts points, ends the vote and agrees the goal", async () => {
    const title = "Sprechstunde der Ausländerbehörde im Stadtteil";
    const voter = await (await browser.newContext()).newPage();
    await voter.goto(`${app.url}/ziele/mitmachen`);
    await voter.getByLabel(/Code des Konferenztags/).fill(dayCode);
    await voter.getByRole("button", { name: "Weiter" }).click();
    await voter.getByLabel(/Ihr Ziel in einem Satz/).fill(title);
    await voter.getByRole("button", { name: "Vorschlag senden" }).click();
    await voter.getByRole("status").filter({ hasText: "Danke für Ihren Vorschlag" }).waitFor();

    await orga.goto(`${app.url}/verwaltung/ziele/vorschlaege?jahr=${working}`);
    await orga
      .locator(".goal-list > li", { hasText: title })
      .getByRole("button", { name: "Zur Abstimmung zulassen" })
      .click();
    await orga.getByRole("status").first().waitFor();

    await voter.reload();
    await voter.getByLabel(title).fill("3");
    await voter.getByRole("button", { name: "Punkte abgeben" }).click();
    await voter.getByRole("status").filter({ hasText: "sind gespeichert" }).waitFor();
    await voter.context().close();

    await orga.goto(`${app.url}/verwaltung/ziele/vorschlaege?jahr=${working}`);
    await orga.getByRole("button", { name: "Abstimmung jetzt beenden" }).click();
    await orga.getByRole("button", { name: "Abstimmung beenden" }).click();
    await orga
      .getByRole("status")
      .filter({ hasText: /beendet/ })
      .waitFor();
    const results = await (await fetch(`${app.url}/ziele/ergebnis/${working}`)).text();
    expect(results).toContain(title);
    expect(results).toMatch(/Punkte? von \d+ Personen?/);

    await orga
      .locator(".goal-list > li", { hasText: title })
      .getByRole("link", { name: "Als Ziel vereinbaren" })
      .click();
    await orga.getByLabel(/^Verantwortlich/).selectOption({ label: "Stadtteilnetzwerk Batenbrock" });
    await orga.getByLabel(/^Woran wir den Erfolg messen/).fill("Zahl der Sprechstunden im Stadtteil");
    await orga.getByRole("button", { name: "Ziel vereinbaren" }).click();
    await orga.waitForURL(/\/ziele\/\d+$/);
    expect(await textOf(orga.locator("section", { hasText: "Woher das Ziel kommt" }))).toContain(`„${title}“`);
  });

  it("publishes the documentation with a cleared photo and adds a library entry", async () => {
    await orga.goto(`${app.url}/verwaltung/dokumentation/${working}`);
    const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#2a6" } })
      .jpeg()
      .toBuffer();
    await orga.getByLabel(/^Fotos hochladen/).setInputFiles({ name: "saal.jpg", mimeType: "image/jpeg", buffer: jpeg });
    await orga.getByRole("button", { name: "Ausgewählte Fotos hochladen" }).click();
    await orga.getByRole("status").filter({ hasText: "1 Foto, davon 0 zur Veröffentlichung freigegeben." }).waitFor();
    await orga.getByLabel("Alternativtext zu Foto 1", { exact: true }).fill("Volle Stuhlreihen im Saal");
    await orga.getByLabel("Foto 1 freigegeben (alle erkennbaren Personen haben zugestimmt)").check();
    await orga.getByRole("button", { name: "Fotos speichern" }).click();
    await orga.getByRole("status").filter({ hasText: "1 Foto, davon 1 zur Veröffentlichung freigegeben." }).waitFor();
    // The conference has not taken place yet: publishing (and mailing participants) asks first.
    await orga.getByRole("button", { name: "Veröffentlichen" }).click();
    await orga
      .getByText(/^Nicht veröffentlicht: Die Konferenz hat noch nicht stattgefunden/)
      .first()
      .waitFor();
    expect(await (await fetch(`${app.url}/konferenzen/${working}/dokumentation`)).text()).not.toContain(
      "Volle Stuhlreihen im Saal",
    );
    await orga.getByLabel(/^Trotzdem veröffentlichen/).check();
    await orga.getByRole("button", { name: "Veröffentlichen" }).click();
    await orga.getByRole("status").filter({ hasText: "Die Dokumentation ist veröffentlicht." }).waitFor();
    const doc = await browser.newPage();
    await doc.goto(`${app.url}/konferenzen/${working}/dokumentation`);
    await doc.getByRole("img", { name: "Volle Stuhlreihen im Saal" }).first().waitFor();
    await doc.close();

    await orga.goto(`${app.url}/verwaltung/dokumente`);
    await orga.getByRole("link", { name: "Neuer Eintrag" }).click();
    await orga.getByLabel(/^Titel/).fill(`Integrationsbericht ${working}`);
    await orga.getByLabel(/^Jahr/).fill(String(working));
    await orga.getByLabel(/^Art/).selectOption({ label: "Integrationsbericht" });
    await orga.getByLabel(/^Externer Link/).fill("https://www.bottrop.de/integration");
    await orga.getByLabel(/^Veröffentlicht/).check();
    await orga.getByRole("button", { name: "Eintrag anlegen" }).click();
    await orga.getByRole("heading", { name: `Integrationsbericht ${working}`, level: 1 }).waitFor();
    const library = await (await fetch(`${app.url}/dokumente`)).text();
    expect(library).toContain(`Integrationsbericht ${working}`);
  });

  it("rolls the open goals over into the next conference once it took place, with a preview, and mails the coordinator", async () => {
    const preview = async () => {
      await orga.goto(`${app.url}/verwaltung/ziele`);
      await orga.getByLabel("Aus dem Jahr").selectOption(String(working));
      await orga.getByLabel("In das Jahr").selectOption(String(NEXT));
      await orga.getByRole("button", { name: "Vorschau: Welche Ziele, wer bekommt Post?" }).click();
    };
    // Not before the conference of the year took place.
    await preview();
    await orga.getByText("Nicht übernommen: Die Konferenz des Ausgangsjahrs hat noch nicht stattgefunden.").waitFor();

    // The conference takes place (here: moved to yesterday, the test cannot wait for January).
    await orga.goto(`${app.url}/verwaltung/konferenzen/${working}`);
    await orga.getByLabel(/^Beginn \(Datum/).fill(berlinLocal(-26 * 60));
    await orga.getByLabel(/^Ende \(Datum/).fill(berlinLocal(-20 * 60));
    await orga.getByRole("button", { name: "Konferenz speichern" }).click();
    await orga.getByText("Gespeichert.").first().waitFor();

    await preview();
    const shown = await textOf(
      orga.locator("section", { hasText: `Vorschau: offene Ziele von ${working} nach ${NEXT}` }),
    );
    expect(shown).toContain(
      `Stadtteilnetzwerk Batenbrock: 1 offenes Ziel · E-Mail an ${COORDINATOR.name} <${COORDINATOR.email}>`,
    );
    await orga.getByRole("button", { name: "Offene Ziele jetzt übernehmen und E-Mails senden" }).click();
    await orga
      .getByRole("status")
      .filter({ hasText: /Ziele? übernommen/ })
      .waitFor();
    await waitForMail(app.dataDir, COORDINATOR.email, new RegExp(`Integrationskonferenz ${NEXT}`));
    const board = await (await fetch(`${app.url}/ziele?jahr=${NEXT}`)).text();
    expect(board).toContain("Sprechstunde der Ausländerbehörde im Stadtteil");
  });
});

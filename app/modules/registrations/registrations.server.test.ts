import { asc, eq, like } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { outbox, registrationConsents, registrations } from "~/db/schema";
import { registrationSchema } from "./registration.schema";
import {
  cancelRegistration,
  changeForum,
  deleteRegistration,
  exportRegistration,
  findByManageToken,
  updateNeeds,
} from "./manage.server";
import { confirmRegistration, getConfirmation, register } from "./register.server";
import { expireHolds, sendReminders } from "./jobs.server";
import { getAvailability } from "./seats.server";
import { confirmTokenIn, DAY, input, mailsTo, makeConference, manageTokenIn, registrationOf } from "./testing";
import { renderQueued } from "~/modules/mail/outbox.server";

describe("register and confirm (double opt-in)", () => {
  it("holds a seat, mails a confirm link; GET changes nothing, the POST confirms and mails an .ics with the right local time", async () => {
    const { conf } = await makeConference({ capacity: 10 });
    const result = await register({ conferenceId: conf.id, data: input("Aylin@Example.org "), locale: "de" });
    expect(result).toMatchObject({ ok: true, outcome: "held" });
    const reg = await registrationOf("aylin@example.org", conf.id);
    expect(reg).toMatchObject({ status: "held", firstName: "Aylin", privacyVersion: expect.any(String) });
    expect(reg!.holdExpiresAt!.getTime() - reg!.createdAt.getTime()).toBe(48 * 3_600_000);

    const [mail] = await mailsTo("aylin@example.org");
    expect(mail!.subject).toBe(`Bitte bestätigen Sie Ihre Anmeldung: ${conf.title}`);
    const token = confirmTokenIn(mail!.text)!;
    expect(token).toBeTruthy();
    // Only hashes are stored.
    expect(JSON.stringify(reg)).not.toContain(token);

    expect(await getConfirmation(token)).toMatchObject({ status: "held", title: conf.title });
    expect((await registrationOf("aylin@example.org", conf.id))!.status).toBe("held");

    const confirmed = await confirmRegistration(token);
    expect(confirmed.kind).toBe("confirmed");
    expect((await registrationOf("aylin@example.org", conf.id))!.status).toBe("confirmed");
    // A double click confirms nothing twice and sends no second mail.
    expect((await confirmRegistration(token)).kind).toBe("confirmed");
    const mails = await mailsTo("aylin@example.org");
    expect(mails.map((m) => m.subject)).toEqual([
      `Bitte bestätigen Sie Ihre Anmeldung: ${conf.title}`,
      `Anmeldung bestätigt: ${conf.title}`,
    ]);
    const done = mails[1]!;
    expect(manageTokenIn(done.text)).toBe(confirmed.kind === "confirmed" ? confirmed.manageToken : "");
    // The calendar file and the check-in QR code.
    expect(done.attachments.map((a) => a.filename).sort()).toEqual([
      "einlass-qr-code.png",
      "integrationskonferenz.ics",
    ]);
    const icsAttachment = done.attachments.find((a) => a.filename.endsWith(".ics"))!;
    expect(
      Buffer.from(done.attachments.find((a) => a.filename.endsWith(".png"))!.contentBase64, "base64")
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    const ics = Buffer.from(icsAttachment.contentBase64, "base64").toString("utf8");

    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    const vtz = cal.getFirstSubcomponent("vtimezone")!;
    expect(vtz.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    ICAL.TimezoneService.register(vtz);
    const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
    expect(event.startDate.zone?.tzid).toBe("Europe/Berlin");
    expect([event.startDate.hour, event.startDate.minute]).toEqual([9, 30]);
    expect([event.endDate.hour, event.endDate.minute]).toEqual([16, 0]);
    expect(event.startDate.toJSDate().toISOString()).toBe(conf.startsAt.toISOString());
    expect(event.location).toBe("Kulturzentrum, Blumenstraße 12, 46236 Bottrop");
    expect(String(event.component.getFirstPropertyValue("organizer"))).toMatch(/^mailto:/);
    const uid = event.uid;
    expect(uid).toContain(reg!.id);

    // Cancelling sends METHOD:CANCEL for the same UID with a higher SEQUENCE.
    expect(await cancelRegistration(reg!.id)).toBe(true);
    const cancelMail = (await mailsTo("aylin@example.org")).at(-1)!;
    expect(cancelMail.subject).toBe(`Abmeldung bestätigt: ${conf.title}`);
    const cancelCal = new ICAL.Component(
      ICAL.parse(Buffer.from(cancelMail.attachments[0]!.contentBase64, "base64").toString("utf8")),
    );
    expect(cancelCal.getFirstPropertyValue("method")).toBe("CANCEL");
    const cancelled = new ICAL.Event(cancelCal.getFirstSubcomponent("vevent")!);
    expect(cancelled.uid).toBe(uid);
    expect(cancelled.sequence).toBeGreaterThan(event.sequence);
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("is idempotent per address: the second attempt makes no second registration and mails a fresh manage link", async () => {
    const { conf } = await makeConference({ capacity: 10 });
    const first = await register({ conferenceId: conf.id, data: input("zweimal@example.org"), locale: "de" });
    const again = await Promise.all(
      [1, 2, 3].map(() => register({ conferenceId: conf.id, data: input("ZWEIMAL@example.org"), locale: "de" })),
    );
    expect(first.ok && first.outcome).toBe("held");
    expect(again.map((r) => r.ok && r.outcome)).toEqual(["existing", "existing", "existing"]);
    expect(await db.select().from(registrations).where(eq(registrations.conferenceId, conf.id))).toHaveLength(1);
    const mails = await mailsTo("zweimal@example.org");
    expect(mails).toHaveLength(4);
    const links = mails.map((m) => manageTokenIn(m.text));
    expect(new Set(links).size).toBe(4);
    // Only the newest manage link still works.
    expect(await findByManageToken(links[0]!)).toBeNull();
    expect((await findByManageToken(links[3]!))?.registration.email).toBe("zweimal@example.org");
  });

  it("makes one registration out of simultaneous double submits of a new address", async () => {
    const { conf } = await makeConference({ capacity: 10 });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        register({ conferenceId: conf.id, data: input("doppelklick@example.org"), locale: "de" }),
      ),
    );
    expect(results.filter((r) => r.ok && r.outcome === "held")).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.outcome === "existing")).toHaveLength(4);
    expect(await db.select().from(registrations).where(eq(registrations.conferenceId, conf.id))).toHaveLength(1);
  });

  it("refuses outside the registration window", async () => {
    const published = await makeConference({ capacity: 10, status: "published" });
    expect(await register({ conferenceId: published.conf.id, data: input("a@example.org"), locale: "de" })).toEqual({
      ok: false,
      reason: "closed",
    });
    const over = await makeConference({ capacity: 10, closesAt: new Date(Date.now() - 1000) });
    expect(await register({ conferenceId: over.conf.id, data: input("a@example.org"), locale: "de" })).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(await db.select().from(registrations).where(eq(registrations.email, "a@example.org"))).toHaveLength(0);
  });

  it("ignores a filled honeypot without saving anything", async () => {
    const { conf } = await makeConference({ capacity: 10 });
    expect(
      await register({
        conferenceId: conf.id,
        data: input("bot@example.org", { website: "http://spam" }),
        locale: "de",
      }),
    ).toMatchObject({ ok: true, outcome: "ignored" });
    expect(await registrationOf("bot@example.org", conf.id)).toBeUndefined();
  });
});

describe("capacity, waitlist and promotion", () => {
  it("never gives more seats than the capacity; the waitlist moves up in order when someone cancels", async () => {
    const { conf } = await makeConference({ capacity: 2 });
    for (const n of [1, 2, 3, 4])
      await register({ conferenceId: conf.id, data: input(`p${n}@example.org`), locale: "de" });
    const rows = await db
      .select()
      .from(registrations)
      .where(eq(registrations.conferenceId, conf.id))
      .orderBy(asc(registrations.createdAt));
    expect(rows.map((r) => [r.email, r.status, r.waitlistPosition])).toEqual([
      ["p1@example.org", "held", null],
      ["p2@example.org", "held", null],
      ["p3@example.org", "waitlisted", 1],
      ["p4@example.org", "waitlisted", 2],
    ]);
    expect((await mailsTo("p4@example.org"))[0]!.text).toContain("auf Platz 2");
    expect(await getAvailability(conf.id)).toMatchObject({ capacity: 2, taken: 2, free: 0, waitlisted: 2 });

    await cancelRegistration(rows[0]!.id);
    expect((await registrationOf("p3@example.org", conf.id))!.status).toBe("held");
    expect((await registrationOf("p4@example.org", conf.id))!.status).toBe("waitlisted");
    const promotedMail = (await mailsTo("p3@example.org")).at(-1)!;
    expect(promotedMail.subject).toBe(`Ein Platz ist frei geworden: ${conf.title}`);
    const token = confirmTokenIn(promotedMail.text)!;
    expect((await confirmRegistration(token)).kind).toBe("confirmed");
    const p4 = await findByManageToken(manageTokenIn((await mailsTo("p4@example.org"))[0]!.text)!);
    expect(p4?.position).toBe(1);
    expect(await getAvailability(conf.id)).toMatchObject({ taken: 2, free: 0, waitlisted: 1 });
  });

  it("keeps forum capacity: a full forum is refused while seats are free; a cancellation promotes someone whose forum fits", async () => {
    const {
      conf,
      forums: [a, b],
    } = await makeConference({ capacity: 3, forums: [1, 5] });
    expect(
      await register({ conferenceId: conf.id, data: input("f1@example.org", { forumId: a!.id }), locale: "de" }),
    ).toMatchObject({ ok: true, outcome: "held" });
    expect(
      await register({ conferenceId: conf.id, data: input("f2@example.org", { forumId: a!.id }), locale: "de" }),
    ).toEqual({ ok: false, reason: "forumFull" });
    expect(await registrationOf("f2@example.org", conf.id)).toBeUndefined();
    await register({ conferenceId: conf.id, data: input("f2@example.org", { forumId: b!.id }), locale: "de" });
    await register({ conferenceId: conf.id, data: input("f3@example.org"), locale: "de" });
    // Full now: both go to the waitlist, f4 wants the full forum A, f5 forum B.
    await register({ conferenceId: conf.id, data: input("f4@example.org", { forumId: a!.id }), locale: "de" });
    await register({ conferenceId: conf.id, data: input("f5@example.org", { forumId: b!.id }), locale: "de" });
    expect((await registrationOf("f4@example.org", conf.id))!.status).toBe("waitlisted");
    // f3 (no forum) cancels: forum A is still full, so f5 moves up and f4 keeps place 1.
    await cancelRegistration((await registrationOf("f3@example.org", conf.id))!.id);
    expect((await registrationOf("f5@example.org", conf.id))!.status).toBe("held");
    expect((await registrationOf("f4@example.org", conf.id))!.status).toBe("waitlisted");
    // Changing to a full forum is refused; to a forum with room it works.
    const f2 = (await registrationOf("f2@example.org", conf.id))!;
    expect(await changeForum(f2.id, a!.id)).toBe("full");
    const f1 = (await registrationOf("f1@example.org", conf.id))!;
    expect(await changeForum(f1.id, b!.id)).toBe("changed");
    // …which frees forum A's seat but not a conference seat: f4 still waits.
    expect((await registrationOf("f4@example.org", conf.id))!.status).toBe("waitlisted");
    const avail = await getAvailability(conf.id);
    expect(avail.forums.map((f) => [f.taken, f.free])).toEqual([
      [0, 1],
      [3, 2],
    ]);
  });

  it("frees an expired hold (48 h) and gives it to the first person in line", async () => {
    const { conf } = await makeConference({ capacity: 1 });
    const t0 = new Date();
    await register({ conferenceId: conf.id, data: input("slow@example.org"), locale: "de", now: t0 });
    await register({ conferenceId: conf.id, data: input("next@example.org"), locale: "de", now: t0 });
    const slowToken = confirmTokenIn((await mailsTo("slow@example.org"))[0]!.text)!;
    // Other tests of this file share the database: look at this conference only.
    await expireHolds(new Date(t0.getTime() + 47 * 3_600_000));
    expect((await registrationOf("slow@example.org", conf.id))!.status).toBe("held");
    expect(await expireHolds(new Date(t0.getTime() + 48 * 3_600_000 + 1))).toBeGreaterThanOrEqual(1);
    expect((await registrationOf("slow@example.org", conf.id))!.status).toBe("expired");
    expect((await mailsTo("slow@example.org")).at(-1)!.subject).toBe(`Reservierung abgelaufen: ${conf.title}`);
    expect((await registrationOf("next@example.org", conf.id))!.status).toBe("held");
    expect((await mailsTo("next@example.org")).at(-1)!.subject).toBe(`Ein Platz ist frei geworden: ${conf.title}`);
    expect((await confirmRegistration(slowToken)).kind).toBe("invalid");
    // The expired person may register again and goes to the end of the line.
    await register({ conferenceId: conf.id, data: input("slow@example.org"), locale: "de" });
    expect((await registrationOf("slow@example.org", conf.id))!.status).toBe("waitlisted");
  });

  it("honours a configured hold of 2 hours, and refuses a late confirmation before the job runs", async () => {
    const { conf } = await makeConference({ capacity: 1, holdHours: 2 });
    const t0 = new Date();
    await register({ conferenceId: conf.id, data: input("late@example.org"), locale: "de", now: t0 });
    const token = confirmTokenIn((await mailsTo("late@example.org"))[0]!.text)!;
    expect((await confirmRegistration(token, new Date(t0.getTime() + 2 * 3_600_000 + 1))).kind).toBe("expired");
    expect((await registrationOf("late@example.org", conf.id))!.status).toBe("held");
  });

  it("takes 200 simultaneous registrations for 50 seats: exactly 50 held, 150 waitlisted in strict order, no duplicates, one mail each", async () => {
    const { conf } = await makeConference({ capacity: 50 });
    const emails = Array.from({ length: 200 }, (_, i) => `massen${i}@example.org`);
    const started = Date.now();
    const results = await Promise.all(
      emails.map((email) => register({ conferenceId: conf.id, data: input(email), locale: "de" })),
    );
    const ms = Date.now() - started;
    console.info(`200 concurrent registrations: ${ms} ms`);
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.select().from(registrations).where(eq(registrations.conferenceId, conf.id));
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.email)).size).toBe(200);
    expect(rows.filter((r) => r.status === "held")).toHaveLength(50);
    const waiting = rows
      .filter((r) => r.status === "waitlisted")
      .sort((x, y) => x.waitlistPosition! - y.waitlistPosition!);
    expect(waiting.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    const mails = await db.select().from(outbox).where(like(outbox.topic, "registration:%"));
    const mine = mails.filter((m) => emails.includes(m.to));
    expect(mine).toHaveLength(200);
    expect(new Set(mine.map((m) => m.to)).size).toBe(200);
    // Each waitlisted person's mail names their own place in line.
    for (const r of waiting.slice(0, 5))
      expect((await renderQueued(mine.find((m) => m.to === r.email)!)).text).toContain(
        `auf Platz ${r.waitlistPosition}`,
      );
    // Promotion follows the same order.
    await cancelRegistration(rows.find((r) => r.status === "held")!.id);
    expect((await db.select().from(registrations).where(eq(registrations.id, waiting[0]!.id)))[0]!.status).toBe("held");
    expect((await db.select().from(registrations).where(eq(registrations.id, waiting[1]!.id)))[0]!.status).toBe(
      "waitlisted",
    );
  });
});

describe("manage link: needs, consents, export, deletion", () => {
  it("stores Art. 9 needs only with explicit consent, records every consent with version and time, erases on withdrawal", async () => {
    expect(
      registrationSchema.safeParse({ ...input("x@example.org"), dietaryNeeds: "vegan", specialConsent: undefined })
        .success,
    ).toBe(false);
    const { conf } = await makeConference({ capacity: 5 });
    await register({
      conferenceId: conf.id,
      data: input("needs@example.org", {
        accessibility: ["wheelchair", "sign_language"],
        dietaryNeeds: "vegetarisch",
        specialConsent: "on",
        photoConsent: "yes",
      }),
      locale: "de",
    });
    const reg = (await registrationOf("needs@example.org", conf.id))!;
    expect(reg).toMatchObject({
      accessibilityNeeds: ["wheelchair", "sign_language"],
      dietaryNeeds: "vegetarisch",
      photoConsent: true,
    });
    expect(reg.specialConsentAt).not.toBeNull();
    await updateNeeds(reg.id, {
      intent: "needs",
      accessibility: [],
      accessibilityOther: "",
      dietaryNeeds: "vegetarisch",
      specialConsent: undefined,
      photoConsent: "no",
    });
    const after = (await registrationOf("needs@example.org", conf.id))!;
    expect(after).toMatchObject({
      accessibilityNeeds: [],
      dietaryNeeds: "",
      specialConsentAt: null,
      photoConsent: false,
    });
    const consents = await db
      .select()
      .from(registrationConsents)
      .where(eq(registrationConsents.registrationId, reg.id))
      .orderBy(asc(registrationConsents.createdAt));
    expect(consents.map((c) => [c.purpose, c.granted])).toEqual(
      expect.arrayContaining([
        ["privacy", true],
        ["special_categories", true],
        ["photo", true],
        ["special_categories", false],
        ["photo", false],
      ]),
    );
    expect(consents.every((c) => c.textVersion.length > 0)).toBe(true);

    const data = await exportRegistration(reg.id);
    expect(data?.registration.email).toBe("needs@example.org");
    expect(data?.consents).toHaveLength(5);
    expect(data?.mails[0]?.subject).toContain("Bitte bestätigen");
  });

  it("deletes the registration with its consents and mails, and hands the seat on", async () => {
    const { conf } = await makeConference({ capacity: 1 });
    await register({ conferenceId: conf.id, data: input("weg@example.org"), locale: "de" });
    await register({ conferenceId: conf.id, data: input("warte@example.org"), locale: "de" });
    const reg = (await registrationOf("weg@example.org", conf.id))!;
    expect(await deleteRegistration(reg.id)).toBe(true);
    expect(await registrationOf("weg@example.org", conf.id)).toBeUndefined();
    expect(await mailsTo("weg@example.org")).toHaveLength(0);
    expect(
      await db.select().from(registrationConsents).where(eq(registrationConsents.registrationId, reg.id)),
    ).toHaveLength(0);
    expect((await registrationOf("warte@example.org", conf.id))!.status).toBe("held");
  });
});

describe("reminder", () => {
  it("mails confirmed participants N days before with the .ics, once", async () => {
    const { conf } = await makeConference({ capacity: 5, startsInDays: 2 });
    await register({ conferenceId: conf.id, data: input("erinnern@example.org"), locale: "de" });
    await register({ conferenceId: conf.id, data: input("unbestaetigt@example.org"), locale: "de" });
    await confirmRegistration(confirmTokenIn((await mailsTo("erinnern@example.org"))[0]!.text)!);
    expect(await sendReminders(new Date(conf.startsAt.getTime() - 4 * DAY))).toBe(0);
    expect(await sendReminders()).toBe(1);
    expect(await sendReminders()).toBe(0);
    const reminder = (await mailsTo("erinnern@example.org")).at(-1)!;
    expect(reminder.subject).toMatch(/^Erinnerung: /);
    expect(reminder.attachments[0]!.contentType).toContain("text/calendar");
    expect(manageTokenIn(reminder.text)).toBeTruthy();
    expect((await mailsTo("unbestaetigt@example.org")).some((m) => m.subject.startsWith("Erinnerung"))).toBe(false);
  });
});

describe("demo", () => {
  it("adds a few registrations whose manage links work", async () => {
    const { seedRegistrationsDemo } = await import("./demo.server");
    const { conf } = await makeConference({ capacity: 20, forums: [10, 10] });
    await seedRegistrationsDemo({ conferenceId: conf.id, now: new Date() });
    expect(await getAvailability(conf.id)).toMatchObject({ taken: 5, free: 15, waitlisted: 0 });
  });
});

describe("form schema", () => {
  it("reports a missing Art. 9 consent together with the other errors", () => {
    const result = registrationSchema.safeParse({ firstName: "Anna", dietaryNeeds: "vegan" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(
      expect.arrayContaining(["lastName", "email", "privacyConsent", "photoConsent", "specialConsent"]),
    );
    expect(
      registrationSchema.safeParse({ ...input("ok@example.org"), dietaryNeeds: "vegan", specialConsent: "on" }).success,
    ).toBe(true);
  });
});

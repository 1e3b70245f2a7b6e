import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { auditLog, outbox, registrationConsents, registrations } from "~/db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import { getParticipant } from "./participants.server";
import { organiserEditSchema } from "./organiser.schema";
import { cancelRegistration, findByManageToken } from "./manage.server";
import { confirmRegistration, register } from "./register.server";
import { registerByOrganiser, updateByOrganiser } from "./by-organiser.server";
import type { Actor, Registration } from "./seats.server";
import {
  confirmTokenIn,
  DAY,
  input,
  mailsTo,
  makeConference,
  manageTokenIn,
  organiserInput,
  registrationOf,
} from "./testing";

let actor: Actor;
beforeAll(async () => {
  actor = await createUser({ email: "orga-hand@example.org", name: "Olga Organisation", role: "organiser" });
});

const auditOf = (registrationId: string) =>
  db.select().from(auditLog).where(eq(auditLog.subjectId, registrationId)).orderBy(asc(auditLog.at));
const consentsOf = (registrationId: string) =>
  db
    .select()
    .from(registrationConsents)
    .where(eq(registrationConsents.registrationId, registrationId))
    .orderBy(asc(registrationConsents.createdAt));

/** What the edit form posts for a registration, with some fields changed. */
function edit(reg: Registration, changes: Record<string, unknown> = {}) {
  const result = organiserEditSchema.safeParse({
    intent: "edit",
    firstName: reg.firstName,
    lastName: reg.lastName,
    email: reg.email,
    organisation: reg.organisation,
    organisationType: reg.organisationType,
    jobTitle: reg.jobTitle,
    forumId: reg.forumId ?? "",
    accessibility: reg.accessibilityNeeds,
    accessibilityOther: reg.accessibilityOther,
    dietaryNeeds: reg.dietaryNeeds,
    specialConsent: reg.specialConsentAt ? "on" : undefined,
    photoConsent: reg.photoConsent ? "yes" : "no",
    documentationNews: reg.documentationNewsAt ? "on" : undefined,
    locale: reg.locale,
    ...changes,
  });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

describe("organisers register someone by hand", () => {
  it("confirms at once with a free seat: consents with text versions, the confirmation mail with .ics and a working manage link, an audit entry", async () => {
    const { conf, forums } = await makeConference({ capacity: 5, forums: [3] });
    const result = await registerByOrganiser({
      conferenceId: conf.id,
      data: organiserInput("Telefon@Example.org", {
        forumId: forums[0]!.id,
        dietaryNeeds: "vegan",
        specialConsent: "on",
        photoConsent: "yes",
        locale: "en",
      }),
      actor,
    });
    expect(result).toMatchObject({ ok: true, outcome: "confirmed" });
    const reg = (await registrationOf("telefon@example.org", conf.id))!;
    expect(reg).toMatchObject({
      status: "confirmed",
      forumId: forums[0]!.id,
      dietaryNeeds: "vegan",
      photoConsent: true,
      locale: "en",
      holdExpiresAt: null,
      confirmTokenHash: null,
    });
    expect(reg.confirmedAt).not.toBeNull();
    expect(reg.specialConsentAt).not.toBeNull();
    expect((await consentsOf(reg.id)).map((c) => [c.purpose, c.granted, c.textVersion])).toEqual(
      expect.arrayContaining([
        ["privacy", true, "datenschutz-2026-11"],
        ["special_categories", true, "art9-2026-11"],
        ["photo", true, "foto-2026-11"],
      ]),
    );
    // The mail in the person's language, with the calendar file, the check-in code and the manage link.
    const [mail, ...more] = await mailsTo("telefon@example.org");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Registration confirmed: ${conf.title}`);
    expect(mail!.attachments.map((a) => a.filename).sort()).toEqual([
      "einlass-qr-code.png",
      "integrationskonferenz.ics",
    ]);
    expect((await findByManageToken(manageTokenIn(mail!.text)!))?.registration.id).toBe(reg.id);
    const [entry, ...rest] = await auditOf(reg.id);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: actor.id,
      actorName: "Olga Organisation",
      action: "registration.create",
      subjectType: "registration",
    });
    expect(entry!.summary).toContain("datenschutz-2026-11");
    expect(entry!.summary).not.toContain("telefon");
  });

  it("puts the person on the waitlist when the conference is full, refuses a full or unknown forum while seats are free", async () => {
    const { conf, forums } = await makeConference({ capacity: 2, forums: [1, 5] });
    await register({
      conferenceId: conf.id,
      data: input("online@example.org", { forumId: forums[0]!.id }),
      locale: "de",
    });
    expect(
      await registerByOrganiser({
        conferenceId: conf.id,
        data: organiserInput("voll@example.org", { forumId: forums[0]!.id }),
        actor,
      }),
    ).toEqual({ ok: false, reason: "forumFull" });
    expect(
      await registerByOrganiser({
        conferenceId: conf.id,
        data: organiserInput("voll@example.org", { forumId: randomUUID() }),
        actor,
      }),
    ).toEqual({ ok: false, reason: "unknownForum" });
    expect(await registrationOf("voll@example.org", conf.id)).toBeUndefined();
    expect(
      await registerByOrganiser({ conferenceId: conf.id, data: organiserInput("zwei@example.org"), actor }),
    ).toMatchObject({ ok: true, outcome: "confirmed" });
    // Full: the waitlist, whatever forum is wished for; the mail names the place in line.
    expect(
      await registerByOrganiser({
        conferenceId: conf.id,
        data: organiserInput("drei@example.org", { forumId: forums[0]!.id }),
        actor,
      }),
    ).toMatchObject({ ok: true, outcome: "waitlisted" });
    const waiting = (await registrationOf("drei@example.org", conf.id))!;
    expect(waiting).toMatchObject({ status: "waitlisted", waitlistPosition: 1, confirmedAt: null });
    const [mail] = await mailsTo("drei@example.org");
    expect(mail!.text).toContain("auf Platz 1");
    expect(mail!.attachments).toHaveLength(0);
    expect((await auditOf(waiting.id))[0]!.summary).toContain("Warteliste");
    // The waiting person moves up like anyone else (held, with a confirm link) when the forum has room.
    await cancelRegistration((await registrationOf("online@example.org", conf.id))!.id);
    expect((await registrationOf("drei@example.org", conf.id))!.status).toBe("held");
    const promoted = (await mailsTo("drei@example.org")).at(-1)!;
    expect((await confirmRegistration(confirmTokenIn(promoted.text)!)).kind).toBe("confirmed");
  });

  it("refuses an address that is already registered (also through the public form), and starts a cancelled one over", async () => {
    const { conf } = await makeConference({ capacity: 5 });
    await register({ conferenceId: conf.id, data: input("schon@example.org"), locale: "de" });
    const mailsBefore = (await mailsTo("schon@example.org")).length;
    expect(
      await registerByOrganiser({ conferenceId: conf.id, data: organiserInput(" SCHON@example.org"), actor }),
    ).toEqual({ ok: false, reason: "duplicate" });
    expect(await db.select().from(registrations).where(eq(registrations.conferenceId, conf.id))).toHaveLength(1);
    expect(await mailsTo("schon@example.org")).toHaveLength(mailsBefore);
    const first = (await registrationOf("schon@example.org", conf.id))!;
    expect(await auditOf(first.id)).toHaveLength(0);
    // Two organisers entering the same caller at once: one registration.
    const both = await Promise.all(
      [1, 2].map(() =>
        registerByOrganiser({ conferenceId: conf.id, data: organiserInput("zugleich@example.org"), actor }),
      ),
    );
    expect(both.map((r) => (r.ok ? r.outcome : r.reason)).sort()).toEqual(["confirmed", "duplicate"]);

    await cancelRegistration(first.id);
    expect(
      await registerByOrganiser({
        conferenceId: conf.id,
        data: organiserInput("schon@example.org", { firstName: "Neu" }),
        actor,
      }),
    ).toMatchObject({ ok: true, outcome: "confirmed", registrationId: first.id });
    expect((await registrationOf("schon@example.org", conf.id))!).toMatchObject({
      status: "confirmed",
      firstName: "Neu",
      calendarSequence: first.calendarSequence + 2,
    });
  });

  it("works after the public registration window, not for drafts or after the conference day", async () => {
    const late = await makeConference({
      capacity: 5,
      status: "registration_closed",
      closesAt: new Date(Date.now() - DAY),
    });
    expect(
      await registerByOrganiser({ conferenceId: late.conf.id, data: organiserInput("spaet@example.org"), actor }),
    ).toMatchObject({ ok: true, outcome: "confirmed" });
    const draft = await makeConference({ capacity: 5, status: "draft" });
    expect(
      await registerByOrganiser({ conferenceId: draft.conf.id, data: organiserInput("entwurf@example.org"), actor }),
    ).toEqual({ ok: false, reason: "closed" });
    const over = await makeConference({ capacity: 5, startsInDays: -2 });
    expect(
      await registerByOrganiser({ conferenceId: over.conf.id, data: organiserInput("vorbei@example.org"), actor }),
    ).toEqual({ ok: false, reason: "closed" });
  });

  it("keeps the capacity when organisers and the public form register at the same time", async () => {
    const { conf } = await makeConference({ capacity: 10 });
    const byHand = Array.from({ length: 20 }, (_, i) => `hand${i}@example.org`);
    const online = Array.from({ length: 20 }, (_, i) => `web${i}@example.org`);
    const results = await Promise.all([
      ...byHand.map((email) => registerByOrganiser({ conferenceId: conf.id, data: organiserInput(email), actor })),
      ...online.map((email) => register({ conferenceId: conf.id, data: input(email), locale: "de" })),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.select().from(registrations).where(eq(registrations.conferenceId, conf.id));
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.status === "confirmed" || r.status === "held")).toHaveLength(10);
    const waiting = rows.filter((r) => r.status === "waitlisted").map((r) => r.waitlistPosition!);
    expect(waiting.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const mails = await db
      .select()
      .from(outbox)
      .where(inArray(outbox.to, [...byHand, ...online]));
    expect(mails).toHaveLength(40);
    const audited = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "registration.create"),
          inArray(
            auditLog.subjectId,
            rows.map((r) => r.id),
          ),
        ),
      );
    expect(audited).toHaveLength(20);
  });

  it("writes nothing and mails nobody when the audit entry cannot be written (one transaction)", async () => {
    const { conf } = await makeConference({ capacity: 5 });
    const ghost = { id: randomUUID(), name: "Niemand" };
    await expect(
      registerByOrganiser({ conferenceId: conf.id, data: organiserInput("atomar@example.org"), actor: ghost }),
    ).rejects.toThrow();
    expect(await registrationOf("atomar@example.org", conf.id)).toBeUndefined();
    expect(await mailsTo("atomar@example.org")).toHaveLength(0);
  });
});

describe("organisers correct a registration", () => {
  it("changes the details, records changed consents and names the changed fields in the audit log", async () => {
    const { conf } = await makeConference({ capacity: 5 });
    await register({
      conferenceId: conf.id,
      data: input("tippfehler@example.org", { dietaryNeeds: "vegan", specialConsent: "on" }),
      locale: "de",
    });
    const reg = (await registrationOf("tippfehler@example.org", conf.id))!;
    const mails = (await mailsTo("tippfehler@example.org")).length;
    const result = await updateByOrganiser({
      conferenceId: conf.id,
      registrationId: reg.id,
      data: edit(reg, {
        lastName: "Kaya-Demir",
        organisationType: "volunteer",
        dietaryNeeds: "",
        specialConsent: undefined,
        photoConsent: "yes",
      }),
      actor,
    });
    expect(result).toEqual({
      ok: true,
      changed: ["lastName", "organisationType", "dietaryNeeds", "specialConsentAt", "photoConsent"],
    });
    expect((await registrationOf("tippfehler@example.org", conf.id))!).toMatchObject({
      lastName: "Kaya-Demir",
      organisationType: "volunteer",
      dietaryNeeds: "",
      specialConsentAt: null,
      photoConsent: true,
      status: "held",
    });
    const consents = (await consentsOf(reg.id)).map((c) => [c.purpose, c.granted]);
    expect(consents).toEqual(
      expect.arrayContaining([
        ["special_categories", false],
        ["photo", true],
      ]),
    );
    const [entry] = await auditOf(reg.id);
    expect(entry).toMatchObject({
      action: "registration.update",
      actorId: actor.id,
      summary: "Geändert: Nachname, Art der Organisation, Bedarfe, Einwilligung Art. 9, Einwilligung Fotos",
    });
    expect(entry!.summary).not.toContain("Kaya");
    // No change, no entry; a detail change sends no mail.
    expect(
      await updateByOrganiser({
        conferenceId: conf.id,
        registrationId: reg.id,
        data: edit((await registrationOf("tippfehler@example.org", conf.id))!),
        actor,
      }),
    ).toEqual({ ok: true, changed: [] });
    expect(await auditOf(reg.id)).toHaveLength(1);
    expect(await mailsTo("tippfehler@example.org")).toHaveLength(mails);
    // The edit form starts from what is stored: saving a typo fix keeps the documentation consent.
    await register({
      conferenceId: conf.id,
      data: input("newsletter@example.org", { documentationNews: "on" }),
      locale: "de",
    });
    const news = (await registrationOf("newsletter@example.org", conf.id))!;
    const form = (await getParticipant(conf.id, news.id))!.values;
    expect(form.documentationNews).toBe("on");
    expect(
      await updateByOrganiser({
        conferenceId: conf.id,
        registrationId: news.id,
        data: edit(news, { lastName: "Neu" }),
        actor,
      }),
    ).toEqual({ ok: true, changed: ["lastName"] });
    expect((await registrationOf("newsletter@example.org", conf.id))!.documentationNewsAt).not.toBeNull();
    const renamed = (await registrationOf("newsletter@example.org", conf.id))!;
    expect(
      await updateByOrganiser({
        conferenceId: conf.id,
        registrationId: news.id,
        data: edit(renamed, { documentationNews: undefined }),
        actor,
      }),
    ).toEqual({ ok: true, changed: ["documentationNewsAt"] });
    expect((await consentsOf(news.id)).map((c) => [c.purpose, c.granted])).toContainEqual([
      "documentation_news",
      false,
    ]);
    // Another conference's registration is not found through this one.
    const other = await makeConference({ capacity: 5 });
    expect(
      await updateByOrganiser({ conferenceId: other.conf.id, registrationId: reg.id, data: edit(reg), actor }),
    ).toEqual({ ok: false, reason: "unknown" });
  });

  it("moves a held registration to a corrected address: the new address gets fresh links, the old ones stop working", async () => {
    const { conf } = await makeConference({ capacity: 5 });
    await register({ conferenceId: conf.id, data: input("tipfehler@example.org"), locale: "de" });
    const reg = (await registrationOf("tipfehler@example.org", conf.id))!;
    const [old] = await mailsTo("tipfehler@example.org");
    expect(
      await updateByOrganiser({
        conferenceId: conf.id,
        registrationId: reg.id,
        data: edit(reg, { email: "Tippfehler@Example.org" }),
        actor,
      }),
    ).toMatchObject({ ok: true, changed: ["email"] });
    expect(await findByManageToken(manageTokenIn(old!.text)!)).toBeNull();
    expect((await confirmRegistration(confirmTokenIn(old!.text)!)).kind).toBe("invalid");
    const [fresh] = await mailsTo("tippfehler@example.org");
    expect(fresh!.subject).toBe(`Bitte bestätigen Sie Ihre Anmeldung: ${conf.title}`);
    expect((await findByManageToken(manageTokenIn(fresh!.text)!))?.registration.email).toBe("tippfehler@example.org");
    expect((await confirmRegistration(confirmTokenIn(fresh!.text)!)).kind).toBe("confirmed");
    expect((await auditOf(reg.id))[0]!.summary).toBe("Geändert: E-Mail");
  });

  it("refuses an address another registration of the conference has, and a full forum; a forum with room works", async () => {
    const { conf, forums } = await makeConference({ capacity: 5, forums: [1, 3] });
    await registerByOrganiser({
      conferenceId: conf.id,
      data: organiserInput("eins@example.org", { forumId: forums[0]!.id }),
      actor,
    });
    await registerByOrganiser({ conferenceId: conf.id, data: organiserInput("zwei@example.org"), actor });
    const zwei = (await registrationOf("zwei@example.org", conf.id))!;
    expect(
      await updateByOrganiser({
        conferenceId: conf.id,
        registrationId: zwei.id,
        data: edit(zwei, { email: "EINS@example.org" }),
        actor,
      }),
    ).toEqual({ ok: false, reason: "duplicate" });
    expect(
      await updateByOrganiser({
        conferenceId: conf.id,
        registrationId: zwei.id,
        data: edit(zwei, { forumId: forums[0]!.id }),
        actor,
      }),
    ).toEqual({ ok: false, reason: "forumFull" });
    expect(
      await updateByOrganiser({
        conferenceId: conf.id,
        registrationId: zwei.id,
        data: edit(zwei, { forumId: forums[1]!.id }),
        actor,
      }),
    ).toMatchObject({ ok: true, changed: ["forumId"] });
    expect((await registrationOf("zwei@example.org", conf.id))!.forumId).toBe(forums[1]!.id);
    expect(await auditOf(zwei.id)).toHaveLength(2);
  });

  it("cancels through the same cancel function: the seat goes to the first person in line, the audit log names the organiser", async () => {
    const { conf } = await makeConference({ capacity: 1 });
    await registerByOrganiser({ conferenceId: conf.id, data: organiserInput("absage@example.org"), actor });
    await register({ conferenceId: conf.id, data: input("wartet@example.org"), locale: "de" });
    const reg = (await registrationOf("absage@example.org", conf.id))!;
    expect(await cancelRegistration(reg.id, new Date(), actor)).toBe(true);
    expect((await registrationOf("absage@example.org", conf.id))!.status).toBe("cancelled");
    expect((await mailsTo("absage@example.org")).at(-1)!.subject).toBe(`Abmeldung bestätigt: ${conf.title}`);
    expect((await registrationOf("wartet@example.org", conf.id))!.status).toBe("held");
    expect((await auditOf(reg.id)).map((e) => e.action)).toEqual(["registration.create", "registration.cancel"]);
  });
});

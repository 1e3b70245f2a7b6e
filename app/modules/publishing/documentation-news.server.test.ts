import { randomUUID } from "node:crypto";
import { and, asc, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  conferences,
  documentationNotices,
  documentations,
  outbox,
  registrationConsents,
  registrations,
} from "~/db/schema";
import type { Locale } from "~/i18n/catalog";
import { markSent, renderQueued } from "~/modules/mail/outbox.server";
import { applyRetention } from "~/modules/privacy/retention.server";
import { CONSENT_VERSIONS, registrationSchema } from "~/modules/registrations/registration.schema";
import { confirmRegistration, register } from "~/modules/registrations/register.server";
import { deleteRegistration, exportRegistration, updateNeeds } from "~/modules/registrations/manage.server";
import { ensureDocumentation, publishDueDocumentations, setPublished } from "./documentation.server";

const DAY = 86_400_000;
let yearSeq = 2400;

async function conference(opts: { endsInDays: number; status?: "registration_open" | "held" }) {
  const endsAt = new Date(Date.now() + opts.endsInDays * DAY);
  const [conf] = await db
    .insert(conferences)
    .values({
      year: yearSeq++,
      title: `Integrationskonferenz ${yearSeq}`,
      startsAt: new Date(endsAt.getTime() - 6 * 3_600_000),
      endsAt,
      venueName: "Kulturzentrum",
      venueAddress: "Blumenstraße 12, 46236 Bottrop",
      capacity: 50,
      status: opts.status ?? "registration_open",
    })
    .returning();
  return conf!;
}

/** Registers through the form's schema and the real use case; `confirm` follows the mailed link. */
async function person(
  conferenceId: string,
  email: string,
  opts: { news: boolean; locale?: Locale; confirm?: boolean },
) {
  const data = registrationSchema.parse({
    firstName: "Aylin",
    lastName: email.split("@")[0],
    email,
    organisation: "Stadtteilzentrum Ebel",
    organisationType: "independent_provider",
    photoConsent: "no",
    privacyConsent: "on",
    ...(opts.news ? { documentationNews: "on" } : {}),
  });
  expect(await register({ conferenceId, data, locale: opts.locale ?? "de" })).toMatchObject({
    ok: true,
    outcome: "held",
  });
  const [reg] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), eq(registrations.email, email)));
  if (opts.confirm !== false) {
    const [held] = await db.select().from(outbox).where(eq(outbox.to, email));
    const token = /\/anmeldung-bestaetigen\/([a-z2-7]+)/.exec((await renderQueued(held!)).text)![1]!;
    expect((await confirmRegistration(token)).kind).toBe("confirmed");
  }
  return reg!;
}

const newsMails = async (email: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, email), like(outbox.text, "%/dokumentation%")))
    .orderBy(asc(outbox.createdAt));

const needs = (news: boolean) => ({
  intent: "needs" as const,
  accessibility: [],
  accessibilityOther: "",
  dietaryNeeds: "",
  photoConsent: "no" as const,
  documentationNews: news ? ("on" as const) : undefined,
});

describe("mail when the documentation is published (consent documentation_news)", () => {
  it("records the opt-in, mails confirmed people who opted in, in their language, exactly once", async () => {
    const conf = await conference({ endsInDays: 20 });
    const de = await person(conf.id, "de@example.org", { news: true });
    const en = await person(conf.id, "en@example.org", { news: true, locale: "en" });
    await person(conf.id, "ar@example.org", { news: true, locale: "ar" });
    await person(conf.id, "ohne@example.org", { news: false });
    await person(conf.id, "unbestaetigt@example.org", { news: true, confirm: false });
    const withdrawn = await person(conf.id, "widerruf@example.org", { news: true });

    // The opt-in is recorded like every other purpose: purpose, text version, time.
    const [grant] = await db
      .select()
      .from(registrationConsents)
      .where(
        and(eq(registrationConsents.registrationId, de.id), eq(registrationConsents.purpose, "documentation_news")),
      );
    expect(grant).toMatchObject({ granted: true, textVersion: CONSENT_VERSIONS.documentation_news });
    expect(grant!.createdAt).toBeInstanceOf(Date);
    // Only those who ticked the box: the checkbox is unticked by default and nothing is recorded without it.
    const grants = await db
      .select()
      .from(registrationConsents)
      .where(and(eq(registrationConsents.purpose, "documentation_news"), eq(registrationConsents.granted, true)));
    expect(grants).toHaveLength(5);

    // Withdrawing through the manage page is as easy as giving, recorded too, and in the export.
    await updateNeeds(withdrawn.id, needs(false));
    const history = await db
      .select()
      .from(registrationConsents)
      .where(
        and(
          eq(registrationConsents.registrationId, withdrawn.id),
          eq(registrationConsents.purpose, "documentation_news"),
        ),
      )
      .orderBy(asc(registrationConsents.createdAt));
    expect(history.map((c) => c.granted)).toEqual([true, false]);
    const exported = await exportRegistration(withdrawn.id);
    expect(exported!.registration.documentationNewsAt).toBeNull();
    expect(exported!.consents.filter((c) => c.purpose === "documentation_news").map((c) => c.granted)).toEqual([
      true,
      false,
    ]);
    expect((await exportRegistration(de.id))!.registration.documentationNewsAt).toBeInstanceOf(Date);

    const doc = await ensureDocumentation(conf.id);
    const first = (await setPublished({ documentationId: doc.id, publish: true, publishEarly: true, actor: null }))!;
    expect(first.notified).toBe(3);

    const [deMail] = await newsMails("de@example.org");
    expect(deMail!.subject).toBe(`Die Dokumentation ist veröffentlicht: ${conf.title}`);
    expect(deMail!.text).toContain(`/konferenzen/${conf.year}/dokumentation`);
    expect(deMail!.text).toMatch(/\/meine-anmeldung\/[a-z2-7]+/);
    expect(deMail!.topic).toBe(`registration:${de.id}`);
    const [enMail] = await newsMails("en@example.org");
    expect(enMail!.subject).toBe(`The documentation is published: ${conf.title}`);
    const [arMail] = await newsMails("ar@example.org");
    expect(arMail!.subject).toBe(`تم نشر التوثيق: ${conf.title}`);
    expect(arMail!.html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
    for (const email of ["ohne@example.org", "unbestaetigt@example.org", "widerruf@example.org"])
      expect(await newsMails(email), email).toEqual([]);
    // The mail is part of the person's own data.
    expect((await exportRegistration(de.id))!.mails.map((m) => m.subject)).toContain(deMail!.subject);

    // Publishing again, withdrawing the consent and giving it again: nobody is mailed twice.
    await markSent(deMail!.id);
    expect(
      (await setPublished({ documentationId: doc.id, publish: true, publishEarly: true, actor: null }))!.notified,
    ).toBe(0);
    await updateNeeds(de.id, needs(false));
    await updateNeeds(de.id, needs(true));
    await setPublished({ documentationId: doc.id, publish: false, actor: null });
    expect(
      (await setPublished({ documentationId: doc.id, publish: true, publishEarly: true, actor: null }))!.notified,
    ).toBe(2);
    for (const email of ["de@example.org", "en@example.org", "ar@example.org"])
      expect(await newsMails(email), email).toHaveLength(1);
    // Withdrawing the documentation took back the two mails still waiting, publishing again queued them again (once).
    expect((await newsMails("en@example.org"))[0]!.id).not.toBe(enMail!.id);
    expect(
      await db.select().from(documentationNotices).where(eq(documentationNotices.documentationId, doc.id)),
    ).toHaveLength(3);

    // A person who deletes their data takes the record and the mail with them.
    await deleteRegistration(en.id);
    expect(await newsMails("en@example.org")).toEqual([]);
    expect(
      await db.select().from(documentationNotices).where(eq(documentationNotices.documentationId, doc.id)),
    ).toHaveLength(2);
    expect(
      (await setPublished({ documentationId: doc.id, publish: true, publishEarly: true, actor: null }))!.notified,
    ).toBe(0);
  });

  it("mails nobody whose registration was anonymised, and nothing before the publish date", async () => {
    const conf = await conference({ endsInDays: -400, status: "held" });
    const id = randomUUID();
    await db.insert(registrations).values({
      id,
      conferenceId: conf.id,
      email: "alt@example.org",
      firstName: "Ayşe",
      lastName: "Yılmaz",
      organisation: "Jugendmigrationsdienst",
      organisationType: "independent_provider",
      status: "confirmed",
      confirmedAt: new Date(),
      checkedInAt: new Date(),
      documentationNewsAt: new Date(),
      privacyVersion: CONSENT_VERSIONS.privacy,
      privacyConsentAt: new Date(),
      manageTokenHash: `hash-${id}`,
      manageSalt: "salt",
    });
    const doc = await ensureDocumentation(conf.id);

    // A documentation dated ahead (set outside the form, which allows today or earlier only) stays quiet until its day.
    const publishAt = new Date(Date.now() + 2 * DAY);
    await db.update(documentations).set({ publishedAt: publishAt }).where(eq(documentations.id, doc.id));
    expect(await publishDueDocumentations(new Date())).toBe(0);
    expect(await newsMails("alt@example.org")).toEqual([]);
    expect(await publishDueDocumentations(new Date(publishAt.getTime() + 1000))).toBe(1);
    expect(await newsMails("alt@example.org")).toHaveLength(1);
    // The job picks a documentation up once.
    expect(await publishDueDocumentations(new Date(publishAt.getTime() + 2000))).toBe(0);

    // After anonymisation (retention) nothing reaches the person, whatever is published again.
    await applyRetention(new Date());
    const [anon] = await db.select().from(registrations).where(eq(registrations.id, id));
    expect(anon!.documentationNewsAt).toBeNull();
    await db.delete(documentationNotices).where(eq(documentationNotices.registrationId, id));
    await db.update(registrations).set({ documentationNewsAt: new Date() }).where(eq(registrations.id, id));
    expect(
      (await setPublished({ documentationId: doc.id, publish: true, publishEarly: true, actor: null }))!.notified,
    ).toBe(0);
    expect(await db.select().from(outbox).where(like(outbox.to, "%anonymisiert%"))).toEqual([]);
  });
});

import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { auditLog, conferences, outbox, registrationConsents, registrations } from "~/db/schema";
import { checkIn } from "~/modules/attendance/checkin.server";
import { createUser } from "~/modules/auth/accounts.server";
import { createProposal } from "~/modules/goals/proposals.server";
import { castBallot, saveVotingRound, voterKey, votingResults } from "~/modules/goals/voting.server";
import { startOutboxWorker } from "~/modules/mail/worker.server";
import { search } from "~/modules/publishing/search.server";
import { logger } from "~/utils/logger.server";
import { berlinParts, berlinTime } from "~/utils/time";
import { messageConfirmed } from "./participants.server";
import { CONSENT_VERSIONS, registrationSchema } from "./registration.schema";
import { confirmRegistration, register } from "./register.server";
import { deleteRegistration, exportRegistration, updateNeeds } from "./manage.server";
import { renderQueued } from "~/modules/mail/outbox.server";

// G6 / Art. 17: a deleted registration leaves nothing behind that names or leads to the person —
// checked by reading every table of the database, so a table added later is covered too.

const DAY = 86_400_000;
let yearSeq = 2500;

async function conference() {
  const start = new Date(Date.now() + 20 * DAY);
  const { year, month, day } = berlinParts(start);
  const [conf] = await db
    .insert(conferences)
    .values({
      year: yearSeq++,
      title: "Löschkonferenz",
      startsAt: berlinTime(year, month, day, 9, 30),
      endsAt: berlinTime(year, month, day, 16, 0),
      venueName: "Kulturzentrum",
      venueAddress: "Blumenstraße 12, 46236 Bottrop",
      capacity: 10,
      status: "registration_open",
    })
    .returning();
  await saveVotingRound({
    conferenceId: conf!.id,
    pointsPerVoter: 5,
    maxPerProposal: 3,
    opensAt: new Date(Date.now() - DAY),
    closesAt: new Date(Date.now() + DAY),
  });
  const proposal = await createProposal({
    conferenceId: conf!.id,
    title: "Sprachcafés in jedem Stadtteil",
    source: "organiser",
  });
  return { conf: conf!, proposalId: proposal.id };
}

/** A person who used everything a participant can: needs, consents, mails, a ballot, check-in. */
async function busyParticipant(conferenceId: string, proposalId: string, tag: string) {
  const person = {
    firstName: `Lotta${tag}`,
    lastName: `Loeschmich${tag}`,
    email: `lotta.${tag.toLowerCase()}@loeschen.example`,
    organisation: `Verein Spurlos ${tag}`,
    jobTitle: `Kassenwartin ${tag}`,
    dietaryNeeds: `nur-testkost-${tag}`,
    accessibilityOther: `Begleitperson-${tag}`,
  };
  const parsed = registrationSchema.parse({
    ...person,
    organisationType: "volunteer",
    specialConsent: "on",
    photoConsent: "yes",
    privacyConsent: "on",
    accessibility: ["wheelchair"],
  });
  await register({ conferenceId, data: parsed, locale: "de" });
  const [reg] = await db.select().from(registrations).where(eq(registrations.email, person.email));
  const [held] = await db
    .select()
    .from(outbox)
    .where(eq(outbox.topic, `registration:${reg!.id}`));
  const confirmToken = /\/anmeldung-bestaetigen\/([a-z2-7]+)/.exec((await renderQueued(held!)).text)![1]!;
  expect((await confirmRegistration(confirmToken)).kind).toBe("confirmed");
  await updateNeeds(reg!.id, {
    intent: "needs",
    accessibility: ["wheelchair"],
    accessibilityOther: person.accessibilityOther,
    dietaryNeeds: person.dietaryNeeds,
    specialConsent: "on",
    photoConsent: "no",
  });
  const key = voterKey("registration", reg!.id);
  expect(await castBallot({ conferenceId, voterKey: key, points: { [proposalId]: 3 } })).toMatchObject({ ok: true });
  const organiser = { id: (await orga()).id, name: "Orga" };
  expect(await checkIn({ conferenceId, registrationId: reg!.id, actor: organiser, confirmOutsideDay: true })).toBe(
    "checkedIn",
  );
  return { id: reg!.id, person, voterKey: key, manageTokenHash: reg!.manageTokenHash };
}

let organiser: { id: string } | undefined;
async function orga() {
  organiser ??= await createUser({
    email: "orga-loeschen@ikon.example",
    name: "Orga Löschen",
    role: "organiser",
    password: "orga-loeschen-2026",
  });
  return organiser;
}

/** Every row of every table as JSON text, with its table's name. */
async function allRows(): Promise<{ table: string; json: string }[]> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: { table_name: string }[] };
  const rows: { table: string; json: string }[] = [];
  for (const { table_name } of tables.rows) {
    const result = (await db.execute(
      sql`select row_to_json(t)::text as json from ${sql.identifier(table_name)} t`,
    )) as unknown as { rows: { json: string }[] };
    for (const r of result.rows) rows.push({ table: table_name, json: r.json });
  }
  return rows;
}

/** Where any of the needles is still found (case-insensitive), as "table: needle". */
async function leftovers(needles: string[], allowed: Record<string, string[]> = {}): Promise<string[]> {
  const found = new Set<string>();
  for (const row of await allRows()) {
    const text = row.json.toLowerCase();
    for (const needle of needles) {
      if (text.includes(needle.toLowerCase()) && !allowed[row.table]?.includes(needle))
        found.add(`${row.table}: ${needle}`);
    }
  }
  return [...found];
}

const needlesOf = (p: Awaited<ReturnType<typeof busyParticipant>>) => [
  ...Object.values(p.person),
  p.id,
  p.voterKey,
  p.manageTokenHash,
];

/** Every log call while `task` runs, as one JSON text. */
async function logsDuring(task: () => Promise<void>): Promise<string> {
  const spies = (["trace", "debug", "info", "warn", "error", "fatal"] as const).map((level) => vi.spyOn(logger, level));
  try {
    await task();
    return JSON.stringify(spies.flatMap((s) => s.mock.calls));
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("deleting a registration reaches everything (Art. 17)", () => {
  it("through the manage link: registration, consents, queued and sent mails go; the ballot still counts but leads nowhere; logs never had the address", async () => {
    const { conf, proposalId } = await conference();
    let p!: Awaited<ReturnType<typeof busyParticipant>>;
    const logs = await logsDuring(async () => {
      p = await busyParticipant(conf.id, proposalId, "Manage");
      expect(await messageConfirmed(conf.id, { subject: "Programm", body: "Hallo zusammen" })).toBe(1);
      // The mail server refuses the first message and names the recipient, as SMTP servers do.
      let refused = false;
      const worker = startOutboxWorker({
        transport: {
          name: "test",
          async send(mail) {
            if (!refused) {
              refused = true;
              throw new Error(
                `550 5.1.1 <${mail.to}>: Recipient address rejected: User unknown in virtual mailbox table`,
              );
            }
          },
        },
        from: "konferenz@ikon.test",
        messageIdDomain: "ikon.test",
        pollMs: 60_000,
        maxAttempts: 8,
      });
      await worker.drain();
      await worker.stop();
      expect(refused).toBe(true);
    });
    expect(logs).toContain("mail delivery failed");
    expect(logs.toLowerCase()).not.toContain(p.person.email);

    // Before: the data is really there (the checks below could not pass by accident).
    expect(await leftovers(needlesOf(p))).toEqual(
      expect.arrayContaining([
        "registrations: " + p.person.email,
        "outbox: " + p.person.email,
        "ballots: " + p.voterKey,
      ]),
    );
    expect(
      await db.select().from(registrationConsents).where(eq(registrationConsents.registrationId, p.id)),
    ).not.toHaveLength(0);
    const pointsBefore = (await votingResults(conf.id)).rows.find((r) => r.id === proposalId)!.points;

    expect(await deleteRegistration(p.id)).toBe(true);

    // The check-in's audit entry names the registration only by its (now meaningless) id.
    expect(await leftovers(needlesOf(p), { audit_log: [p.id] })).toEqual([]);
    expect(await exportRegistration(p.id)).toBeNull();
    expect(await search({ q: p.person.lastName })).toEqual([]);
    // Results stay as they were: the vote was cast; only its link to the person is gone.
    const after = await votingResults(conf.id);
    expect(after.rows.find((r) => r.id === proposalId)!.points).toBe(pointsBefore);
    expect(after.ballots).toBe(1);
  });

  it("on request by an organiser: only inside the conference, in the audit log without personal content", async () => {
    const { conf, proposalId } = await conference();
    const other = await conference();
    const p = await busyParticipant(conf.id, proposalId, "Orga");
    const actor = { id: (await orga()).id, name: "Orga Löschen" };

    // The id of another conference's page changes nothing.
    expect(await deleteRegistration(p.id, { byOrganiser: { actor, conferenceId: other.conf.id } })).toBe(false);
    expect(await db.select().from(registrations).where(eq(registrations.id, p.id))).toHaveLength(1);

    expect(await deleteRegistration(p.id, { byOrganiser: { actor, conferenceId: conf.id } })).toBe(true);
    expect(await leftovers(needlesOf(p), { audit_log: [p.id] })).toEqual([]);
    const entries = await db.select().from(auditLog).where(eq(auditLog.subjectId, p.id));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["registration.checkin", "registration.delete"]),
    );
    expect(entries.find((e) => e.action === "registration.delete")).toMatchObject({
      actorId: actor.id,
      subjectType: "registration",
    });
    // A second click finds nothing to delete.
    expect(await deleteRegistration(p.id, { byOrganiser: { actor, conferenceId: conf.id } })).toBe(false);
  });
});

describe("consents (Art. 7)", () => {
  it("records every grant and withdrawal with purpose, text version and time; withdrawing takes one save, like giving", async () => {
    const { conf } = await conference();
    const t0 = new Date();
    const data = registrationSchema.parse({
      firstName: "Kemal",
      lastName: "Yıldız",
      email: "kemal@example.org",
      organisation: "Moscheeverein",
      organisationType: "migrant_organisation",
      dietaryNeeds: "halal",
      specialConsent: "on",
      photoConsent: "yes",
      privacyConsent: "on",
    });
    await register({ conferenceId: conf.id, data, locale: "de", now: t0 });
    const [reg] = await db.select().from(registrations).where(eq(registrations.email, "kemal@example.org"));
    const consents = () =>
      db.select().from(registrationConsents).where(eq(registrationConsents.registrationId, reg!.id));
    const given = await consents();
    expect(
      given
        .map((c) => ({ purpose: c.purpose, granted: c.granted, textVersion: c.textVersion, at: c.createdAt.getTime() }))
        .sort((a, b) => a.purpose.localeCompare(b.purpose)),
    ).toEqual([
      { purpose: "photo", granted: true, textVersion: CONSENT_VERSIONS.photo, at: t0.getTime() },
      { purpose: "privacy", granted: true, textVersion: CONSENT_VERSIONS.privacy, at: t0.getTime() },
      {
        purpose: "special_categories",
        granted: true,
        textVersion: CONSENT_VERSIONS.special_categories,
        at: t0.getTime(),
      },
    ]);

    // One save of the manage page's form withdraws both optional consents at once.
    const t1 = new Date(t0.getTime() + 60_000);
    await updateNeeds(
      reg!.id,
      {
        intent: "needs",
        accessibility: [],
        accessibilityOther: "",
        dietaryNeeds: "",
        specialConsent: undefined,
        photoConsent: "no",
      },
      t1,
    );
    const withdrawn = (await consents()).filter((c) => !c.granted);
    expect(
      withdrawn
        .map((c) => ({ purpose: c.purpose, textVersion: c.textVersion, at: c.createdAt.getTime() }))
        .sort((a, b) => a.purpose.localeCompare(b.purpose)),
    ).toEqual([
      { purpose: "photo", textVersion: CONSENT_VERSIONS.photo, at: t1.getTime() },
      { purpose: "special_categories", textVersion: CONSENT_VERSIONS.special_categories, at: t1.getTime() },
    ]);
    // Takes effect at once: the Art. 9 detail is gone, photos are no longer allowed.
    const [after] = await db.select().from(registrations).where(eq(registrations.id, reg!.id));
    expect(after).toMatchObject({ dietaryNeeds: "", specialConsentAt: null, photoConsent: false });
    // Saving again without a change records nothing new.
    await updateNeeds(
      reg!.id,
      {
        intent: "needs",
        accessibility: [],
        accessibilityOther: "",
        dietaryNeeds: "",
        specialConsent: undefined,
        photoConsent: "no",
      },
      new Date(t1.getTime() + 1000),
    );
    expect(await consents()).toHaveLength(5);
  });
});

import { createHmac, randomUUID } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, asc, count, eq, inArray, isNull, lte, max, sql } from "drizzle-orm";
import { createElement } from "react";
import { RegistrationEmail } from "#emails/registration";
import { db, type DbOrTx } from "~/db/client.server";
import { conferences, forums, outbox, registrationConsents, registrations } from "~/db/schema";
import { isLocale, translator, type Locale, type MessageKey } from "~/i18n/catalog";
import { normaliseEmail } from "~/modules/auth/accounts.server";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { checkinUrl } from "~/modules/attendance/checkin.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { unlinkBallots } from "~/modules/goals/voting.server";
import { qrPng } from "~/modules/attendance/qr.server";
import { enqueueMail, renderMail, type MailMessage } from "~/modules/mail/outbox.server";
import { env } from "~/utils/env.server";
import { formatDate, formatDateTime, formatTime } from "~/utils/time";
import { conferenceIcs, icsAttachment } from "./ics.server";
import type { OrganiserAddInput, OrganiserEditInput } from "./organiser.schema";
import { CONSENT_VERSIONS, type NeedsInput, type PersonInput, type RegistrationInput } from "./registration.schema";

export type Conference = typeof conferences.$inferSelect;
export type Registration = typeof registrations.$inferSelect;
type Tx = DbOrTx;

/** Statuses that occupy a seat of the conference (and of the chosen forum). */
export const SEAT_STATUSES = ["held", "confirmed"] as const;
/** Statuses of a registration that is still going. */
export const LIVE_STATUSES = ["held", "confirmed", "waitlisted"] as const;
const isLive = (status: string) => (LIVE_STATUSES as readonly string[]).includes(status);
const holdsSeat = (status: string) => (SEAT_STATUSES as readonly string[]).includes(status);

/** An organiser acting on registrations (recorded in the audit log). */
export type Actor = { id: string; name: string };

// ---------------------------------------------------------------------------------------------
// Links. The manage link's token is derived (HMAC with the server secret) from the registration
// and a random salt, so it can be mailed again (reminder) while the database keeps only its
// SHA-256 hash. A new salt voids every older manage link.

export function manageToken(registrationId: string, salt: string): string {
  const mac = createHmac("sha256", env.SESSION_SECRET).update(`manage:${registrationId}:${salt}`).digest();
  return encodeBase32LowerCaseNoPadding(mac.subarray(0, 20));
}
export const manageUrl = (token: string) => `${env.APP_URL}/meine-anmeldung/${token}`;
export const confirmUrl = (token: string) => `${env.APP_URL}/anmeldung-bestaetigen/${token}`;

function freshManage(registrationId: string) {
  const salt = generateToken();
  const token = manageToken(registrationId, salt);
  return { salt, token, hash: hashToken(token) };
}

// ---------------------------------------------------------------------------------------------
// Registration window and seats

export type RegistrationState = "open" | "notOpen" | "notYet" | "over" | "closed";

export function registrationState(conf: Pick<Conference, "status" | "registrationOpensAt" | "registrationClosesAt" | "startsAt">, now = new Date()): RegistrationState {
  if (conf.status === "published" || conf.status === "draft") return "notOpen";
  if (conf.status !== "registration_open") return "closed";
  if (conf.registrationOpensAt && now < conf.registrationOpensAt) return "notYet";
  if (conf.registrationClosesAt && now >= conf.registrationClosesAt) return "over";
  if (now >= conf.startsAt) return "over";
  return "open";
}

type Counts = { taken: number; waitlisted: number; byForum: Map<string, number> };

async function seatCounts(tx: Tx, conferenceId: string): Promise<Counts> {
  const rows = await tx
    .select({ forumId: registrations.forumId, status: registrations.status, n: count() })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), inArray(registrations.status, [...LIVE_STATUSES])))
    .groupBy(registrations.forumId, registrations.status);
  return countSeats(rows);
}

function countSeats(rows: { forumId: string | null; status: Registration["status"]; n: number }[]): Counts {
  const counts: Counts = { taken: 0, waitlisted: 0, byForum: new Map() };
  for (const r of rows) {
    if (r.status === "waitlisted") {
      counts.waitlisted += r.n;
      continue;
    }
    counts.taken += r.n;
    if (r.forumId) counts.byForum.set(r.forumId, (counts.byForum.get(r.forumId) ?? 0) + r.n);
  }
  return counts;
}

type ForumSeats = { id: string; title: string; capacity: number };

/**
 * Free seats of the conference and each forum, for the public page and the form. A caller that
 * has just read the conference and its forums passes them (`known`): then only the counts are read.
 */
export async function getAvailability(conferenceId: string, known?: { capacity: number; forums: ForumSeats[] }) {
  const [[conf], forumList, counts] = await Promise.all([
    known ? [known] : db.select({ capacity: conferences.capacity }).from(conferences).where(eq(conferences.id, conferenceId)),
    known
      ? known.forums.map(({ id, title, capacity }) => ({ id, title, capacity }))
      : db.select({ id: forums.id, title: forums.title, capacity: forums.capacity }).from(forums).where(eq(forums.conferenceId, conferenceId)).orderBy(asc(forums.position)),
    seatCounts(db, conferenceId),
  ]);
  const capacity = conf?.capacity ?? 0;
  return {
    capacity,
    taken: counts.taken,
    free: Math.max(0, capacity - counts.taken),
    waitlisted: counts.waitlisted,
    forums: forumList.map((f) => {
      const taken = counts.byForum.get(f.id) ?? 0;
      return { ...f, taken, free: Math.max(0, f.capacity - taken) };
    }),
  };
}

/** Locks the conference row: every seat decision of one conference happens one after another. */
async function lockConference(tx: Tx, conferenceId: string): Promise<Conference | undefined> {
  const [conf] = await tx.select().from(conferences).where(eq(conferences.id, conferenceId)).for("update");
  return conf;
}

type SeatPlan = { ok: true; forumId: string | null; seatFree: boolean; position: number | null } | { ok: false; reason: "forumFull" | "unknownForum" };

/**
 * The one seat decision for a new registration, on every path (public form, organisers): a free
 * seat of the conference — and of the chosen forum — or else the next place in line. A full forum
 * is refused only while the conference has seats (on the waitlist the forum is a wish). Call with
 * the conference row locked.
 */
async function planSeat(tx: Tx, conf: Conference, forumId: string): Promise<SeatPlan> {
  const forumList = await tx.select().from(forums).where(eq(forums.conferenceId, conf.id));
  const forum = forumId ? forumList.find((f) => f.id === forumId) : undefined;
  if (forumId && !forum) return { ok: false, reason: "unknownForum" };
  const counts = await seatCounts(tx, conf.id);
  const seatFree = counts.taken < conf.capacity;
  if (forum && seatFree && (counts.byForum.get(forum.id) ?? 0) >= forum.capacity) return { ok: false, reason: "forumFull" };
  if (seatFree) return { ok: true, forumId: forum?.id ?? null, seatFree, position: null };
  const [row] = await tx.select({ last: max(registrations.waitlistPosition) }).from(registrations).where(eq(registrations.conferenceId, conf.id));
  return { ok: true, forumId: forum?.id ?? null, seatFree, position: (row?.last ?? 0) + 1 };
}

/** Whether a changed forum has room for this registration (a waiting person only states a wish). Call with the conference row locked. */
async function forumRoom(tx: Tx, conf: Conference, current: Pick<Registration, "status" | "forumId">, forumId: string | null): Promise<"ok" | "full" | "unknown"> {
  if (!forumId) return "ok";
  const [forum] = await tx.select().from(forums).where(and(eq(forums.id, forumId), eq(forums.conferenceId, conf.id)));
  if (!forum) return "unknown";
  if (holdsSeat(current.status) && current.forumId !== forumId) {
    const counts = await seatCounts(tx, conf.id);
    if ((counts.byForum.get(forumId) ?? 0) >= forum.capacity) return "full";
  }
  return "ok";
}

function findByAddress(tx: Tx, conferenceId: string, email: string): Promise<Registration | undefined> {
  return tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), eq(registrations.email, email)))
    .then((rows) => rows[0]);
}

// ---------------------------------------------------------------------------------------------
// Mails

type MailKind = "held" | "waitlisted" | "existing" | "confirmed" | "promoted" | "cancelled" | "expired" | "reminder";

async function registrationMail(
  kind: MailKind,
  reg: Pick<Registration, "id" | "email" | "firstName" | "lastName" | "locale" | "holdExpiresAt" | "calendarSequence">,
  conf: Conference,
  extra: { manageToken?: string; confirmToken?: string; position?: number | string } = {},
): Promise<MailMessage> {
  const locale: Locale = isLocale(reg.locale) ? reg.locale : "de";
  const t = translator(locale);
  const vars = {
    title: conf.title,
    date: formatDate(conf.startsAt, locale),
    time: formatTime(conf.startsAt, locale),
    venue: conf.venueName,
    address: conf.venueAddress,
    deadline: reg.holdExpiresAt ? formatDateTime(reg.holdExpiresAt, locale) : "",
    position: extra.position ?? 0,
  };
  const subject = t(`registration.mail.${kind}.subject` as MessageKey, vars);
  const body = t(`registration.mail.${kind}.body` as MessageKey, vars);
  const greeting = t("mail.greeting", { name: `${reg.firstName} ${reg.lastName}` });
  const manage = extra.manageToken ? { label: t("registration.mail.manageLabel"), url: manageUrl(extra.manageToken) } : undefined;
  const button = extra.confirmToken ? { label: t("registration.mail.held.button"), url: confirmUrl(extra.confirmToken) } : undefined;
  const rendered = await renderMail(
    createElement(RegistrationEmail, { lang: locale, preview: subject, footer: t("mail.footer"), greeting, paragraphs: [body], button, manage }),
  );
  const withIcs = kind === "confirmed" || kind === "reminder" || kind === "cancelled";
  const cancel = kind === "cancelled";
  const attachments = withIcs
    ? [icsAttachment(conferenceIcs({ conference: conf, registrationId: reg.id, sequence: reg.calendarSequence, cancel, manageUrl: manage?.url }), cancel)]
    : [];
  // The check-in QR code (no personal data in it) travels with the confirmation and the reminder.
  if (kind === "confirmed" || kind === "reminder") {
    attachments.push({ filename: "einlass-qr-code.png", contentType: "image/png", contentBase64: (await qrPng(checkinUrl(conf.year, reg.id))).toString("base64") });
  }
  return { to: reg.email, subject, ...rendered, attachments, topic: `registration:${reg.id}` };
}

async function recordConsents(tx: Tx, registrationId: string, now: Date, entries: { purpose: keyof typeof CONSENT_VERSIONS; granted: boolean }[]) {
  if (!entries.length) return;
  await tx.insert(registrationConsents).values(entries.map((e) => ({ registrationId, purpose: e.purpose, granted: e.granted, textVersion: CONSENT_VERSIONS[e.purpose], createdAt: now })));
}

type NeedsPart = Pick<NeedsInput, "accessibility" | "accessibilityOther" | "dietaryNeeds" | "specialConsent" | "photoConsent" | "documentationNews">;

function needsValues(input: Omit<NeedsPart, "photoConsent">, now: Date) {
  // Art. 9 data only with the explicit consent; without it nothing of it is kept.
  const consent = input.specialConsent === "on";
  return {
    accessibilityNeeds: consent ? input.accessibility : [],
    accessibilityOther: consent ? input.accessibilityOther : "",
    dietaryNeeds: consent ? input.dietaryNeeds : "",
    specialConsentAt: consent ? now : null,
  };
}

/** Changed needs and consents of an existing registration, and the consent records the change makes. */
function needsChange(current: Registration, input: NeedsPart, now: Date) {
  const special = input.specialConsent === "on";
  const photo = input.photoConsent === "yes";
  const news = input.documentationNews === "on";
  return {
    set: {
      ...needsValues(input, now),
      specialConsentAt: special ? (current.specialConsentAt ?? now) : null,
      photoConsent: photo,
      documentationNewsAt: news ? (current.documentationNewsAt ?? now) : null,
    },
    consents: [
      ...(special !== (current.specialConsentAt !== null) ? [{ purpose: "special_categories" as const, granted: special }] : []),
      ...(photo !== current.photoConsent ? [{ purpose: "photo" as const, granted: photo }] : []),
      ...(news !== (current.documentationNewsAt !== null) ? [{ purpose: "documentation_news" as const, granted: news }] : []),
    ],
  };
}

type NewRegistration = {
  id: string;
  /** A cancelled or expired registration of the same address, which starts over. */
  existing: Registration | undefined;
  conferenceId: string;
  email: string;
  data: PersonInput;
  locale: Locale;
  plan: Extract<SeatPlan, { ok: true }>;
  status: "held" | "confirmed" | "waitlisted";
  manage: ReturnType<typeof freshManage>;
  confirmTokenHash: string | null;
  holdExpiresAt: Date | null;
  now: Date;
};

/** Writes a new registration (or restarts an ended one of the same address) with its consent records. */
async function writeRegistration(tx: Tx, w: NewRegistration): Promise<Registration> {
  const { data, now } = w;
  const values = {
    conferenceId: w.conferenceId,
    email: w.email,
    firstName: data.firstName,
    lastName: data.lastName,
    organisation: data.organisation,
    organisationType: data.organisationType,
    jobTitle: data.jobTitle,
    forumId: w.plan.forumId,
    status: w.status,
    waitlistPosition: w.plan.position,
    ...needsValues(data, now),
    photoConsent: data.photoConsent === "yes",
    documentationNewsAt: data.documentationNews === "on" ? now : null,
    privacyVersion: CONSENT_VERSIONS.privacy,
    privacyConsentAt: now,
    manageTokenHash: w.manage.hash,
    manageSalt: w.manage.salt,
    confirmTokenHash: w.confirmTokenHash,
    holdExpiresAt: w.holdExpiresAt,
    locale: w.locale,
    confirmedAt: w.status === "confirmed" ? now : null,
    cancelledAt: null,
    reminderSentAt: null,
    checkedInAt: null,
    updatedAt: now,
  };
  const [reg] = w.existing
    ? await tx
        .update(registrations)
        .set({ ...values, calendarSequence: w.existing.calendarSequence + 1 })
        .where(eq(registrations.id, w.existing.id))
        .returning()
    : await tx
        .insert(registrations)
        .values({ id: w.id, ...values, createdAt: now })
        .returning();
  await recordConsents(tx, reg!.id, now, [
    { purpose: "privacy", granted: true },
    ...(data.specialConsent === "on" ? [{ purpose: "special_categories" as const, granted: true }] : []),
    { purpose: "photo", granted: data.photoConsent === "yes" },
    ...(data.documentationNews === "on" ? [{ purpose: "documentation_news" as const, granted: true }] : []),
  ]);
  return reg!;
}

/** Puts the place in line into a waitlist mail rendered before the transaction knew it. */
async function withPosition(tx: Tx, mail: MailMessage, reg: Pick<Registration, "conferenceId" | "waitlistPosition">): Promise<MailMessage> {
  const rank = String(await waitlistRank(tx, reg));
  const fill = (text: string) => text.split(POSITION_SLOT).join(rank);
  return { ...mail, subject: fill(mail.subject), html: fill(mail.html), text: fill(mail.text) };
}

// ---------------------------------------------------------------------------------------------
// Register

export type RegisterResult =
  | { ok: true; outcome: "held" | "waitlisted" | "existing" | "ignored"; holdHours: number }
  | { ok: false; reason: "closed" | "forumFull" | "unknownForum" };

/**
 * A registration without an account. Under the conference row lock: a free seat (and a free seat in
 * the chosen forum) gives a held seat awaiting confirmation; a full conference gives a place on the
 * waitlist. The same address again (double click, retry) changes nothing but mails a fresh manage
 * link; the caller shows the same neutral answer in every case.
 */
export function register(input: RegisterInput): Promise<RegisterResult> {
  return registrationSlots(() => registerNow(input));
}

type RegisterInput = { conferenceId: string; data: RegistrationInput; locale: Locale; now?: Date };

/**
 * Seat decisions of one conference run one after another anyway (row lock), so a process lets
 * only a few registrations at a time reach the database: a burst waits here instead of taking
 * every pooled connection (and timing out waiting for one) while other pages still get through.
 */
function slots(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(fn: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
const registrationSlots = slots(4);

async function registerNow(input: RegisterInput): Promise<RegisterResult> {
  const now = input.now ?? new Date();
  const data = input.data;
  const email = normaliseEmail(data.email);

  // Mails are rendered before the conference row is locked, so the lock is held only for a few
  // queries (200 simultaneous registrations otherwise queue for the pool behind the renderer).
  const [pre] = await db.select().from(conferences).where(eq(conferences.id, input.conferenceId));
  if (!pre || registrationState(pre, now) !== "open") return { ok: false, reason: "closed" };
  if (data.website) return { ok: true, outcome: "ignored", holdHours: pre.holdHours };
  const known = await findByAddress(db, pre.id, email);
  const knownLive = known && isLive(known.status);
  const id = known?.id ?? randomUUID();
  const manage = freshManage(id);
  const confirmToken = generateToken();
  const holdExpiresAt = new Date(now.getTime() + pre.holdHours * 3_600_000);
  const person = { id, email, firstName: data.firstName, lastName: data.lastName, locale: input.locale, holdExpiresAt, calendarSequence: 0 };
  const [heldMail, waitMail, existingMail] = await Promise.all([
    knownLive ? null : registrationMail("held", person, pre, { manageToken: manage.token, confirmToken }),
    knownLive ? null : registrationMail("waitlisted", person, pre, { manageToken: manage.token, position: POSITION_SLOT }),
    knownLive ? registrationMail("existing", known, pre, { manageToken: manage.token }) : null,
  ]);

  return db.transaction(async (tx): Promise<RegisterResult> => {
    const conf = await lockConference(tx, input.conferenceId);
    if (!conf || registrationState(conf, now) !== "open") return { ok: false, reason: "closed" };
    // Checked before looking at the address, so the answer never depends on who is registered.
    const plan = await planSeat(tx, conf, data.forumId);
    if (!plan.ok) return plan;

    const existing = await findByAddress(tx, conf.id, email);
    if (existing && isLive(existing.status)) {
      // Usually rendered above; a simultaneous first submit of the same address renders here.
      const prepared = existingMail && existing.id === id;
      const fresh = prepared ? manage : freshManage(existing.id);
      await tx.update(registrations).set({ manageSalt: fresh.salt, manageTokenHash: fresh.hash, updatedAt: now }).where(eq(registrations.id, existing.id));
      await enqueueMail(tx, prepared ? existingMail : await registrationMail("existing", existing, conf, { manageToken: fresh.token }));
      return { ok: true, outcome: "existing", holdHours: conf.holdHours };
    }
    if (!heldMail || !waitMail || (existing && existing.id !== id)) {
      // The row changed between the look-up and the lock (very rare): start over with the lock released.
      throw new RegistrationRace();
    }

    const reg = await writeRegistration(tx, {
      id,
      existing,
      conferenceId: conf.id,
      email,
      data,
      locale: input.locale,
      plan,
      status: plan.seatFree ? "held" : "waitlisted",
      manage,
      confirmTokenHash: plan.seatFree ? hashToken(confirmToken) : null,
      holdExpiresAt: plan.seatFree ? holdExpiresAt : null,
      now,
    });
    if (plan.seatFree) {
      await enqueueMail(tx, heldMail);
      return { ok: true, outcome: "held", holdHours: conf.holdHours };
    }
    await enqueueMail(tx, await withPosition(tx, waitMail, reg));
    return { ok: true, outcome: "waitlisted", holdHours: conf.holdHours };
  }).catch(async (error: unknown) => {
    if (error instanceof RegistrationRace) return registerNow(input);
    throw error;
  });
}

/** Stands in for the place in line in a mail rendered before the transaction knows it. */
const POSITION_SLOT = "\u2063PLATZ\u2063";
class RegistrationRace extends Error {}

/** The place in the queue: 1 for the next person to move up. */
export async function waitlistRank(tx: Tx, reg: Pick<Registration, "conferenceId" | "waitlistPosition">): Promise<number> {
  if (reg.waitlistPosition === null) return 0;
  const [row] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, reg.conferenceId), eq(registrations.status, "waitlisted"), lte(registrations.waitlistPosition, reg.waitlistPosition)));
  return row?.n ?? 0;
}

/**
 * Gives free seats to the waitlist in strict order. Someone whose forum is full keeps their place
 * and the next person in line whose choice fits moves up. Call with the conference row locked.
 */
async function fillFreeSeats(tx: Tx, conf: Conference, now: Date): Promise<string[]> {
  if (now >= conf.startsAt) return [];
  const counts = await seatCounts(tx, conf.id);
  let free = conf.capacity - counts.taken;
  if (free <= 0 || counts.waitlisted === 0) return [];
  const forumCap = new Map((await tx.select({ id: forums.id, capacity: forums.capacity }).from(forums).where(eq(forums.conferenceId, conf.id))).map((f) => [f.id, f.capacity]));
  const waiting = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conf.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistPosition));
  const promoted: string[] = [];
  for (const w of waiting) {
    if (free <= 0) break;
    if (w.forumId && (counts.byForum.get(w.forumId) ?? 0) >= (forumCap.get(w.forumId) ?? 0)) continue;
    const confirmToken = generateToken();
    const [reg] = await tx
      .update(registrations)
      .set({ status: "held", holdExpiresAt: new Date(now.getTime() + conf.holdHours * 3_600_000), confirmTokenHash: hashToken(confirmToken), updatedAt: now })
      .where(and(eq(registrations.id, w.id), eq(registrations.status, "waitlisted")))
      .returning();
    if (!reg) continue;
    free -= 1;
    if (w.forumId) counts.byForum.set(w.forumId, (counts.byForum.get(w.forumId) ?? 0) + 1);
    await enqueueMail(tx, await registrationMail("promoted", reg, conf, { confirmToken, manageToken: manageToken(reg.id, reg.manageSalt) }));
    promoted.push(reg.id);
  }
  return promoted;
}

// ---------------------------------------------------------------------------------------------
// Double opt-in

/** What the confirm page shows on GET (changes nothing: mail scanners open links). */
export async function getConfirmation(token: string) {
  const [row] = await db
    .select({ status: registrations.status, holdExpiresAt: registrations.holdExpiresAt, title: conferences.title })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .where(eq(registrations.confirmTokenHash, hashToken(token)));
  return row ?? null;
}

export type ConfirmResult = { kind: "confirmed"; manageToken: string } | { kind: "invalid" | "expired" | "notHeld" };

/** The POST of the confirm page: a held seat becomes a confirmed registration (twice is harmless). */
export async function confirmRegistration(token: string, now = new Date()): Promise<ConfirmResult> {
  const [found] = await db.select().from(registrations).where(eq(registrations.confirmTokenHash, hashToken(token)));
  if (!found) return { kind: "invalid" };
  return db.transaction(async (tx): Promise<ConfirmResult> => {
    const conf = (await lockConference(tx, found.conferenceId))!;
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, found.id));
    if (!reg || reg.confirmTokenHash !== found.confirmTokenHash) return { kind: "invalid" };
    const token = manageToken(reg.id, reg.manageSalt);
    if (reg.status === "confirmed") return { kind: "confirmed", manageToken: token };
    if (reg.status === "expired" || (reg.status === "held" && reg.holdExpiresAt && reg.holdExpiresAt <= now)) return { kind: "expired" };
    if (reg.status !== "held") return { kind: "notHeld" };
    const [updated] = await tx.update(registrations).set({ status: "confirmed", confirmedAt: now, updatedAt: now }).where(eq(registrations.id, reg.id)).returning();
    await enqueueMail(tx, await registrationMail("confirmed", updated!, conf, { manageToken: token }));
    return { kind: "confirmed", manageToken: token };
  });
}

// ---------------------------------------------------------------------------------------------
// Manage link

export async function findByManageToken(token: string) {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
  const [row] = await db
    .select({ registration: registrations, conference: conferences })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .where(eq(registrations.manageTokenHash, hashToken(token)));
  if (!row) return null;
  const forumList = await db
    .select({ id: forums.id, title: forums.title, capacity: forums.capacity })
    .from(forums)
    .where(eq(forums.conferenceId, row.conference.id))
    .orderBy(asc(forums.position));
  const position = row.registration.status === "waitlisted" ? await waitlistRank(db, row.registration) : 0;
  return { ...row, forums: forumList, position };
}

/**
 * Cancels and hands the seat to the first person in line. False when nothing was left to cancel.
 * An organiser cancelling for someone (`by`) is recorded in the audit log in the same transaction.
 */
export async function cancelRegistration(registrationId: string, now = new Date(), by?: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ conferenceId: registrations.conferenceId }).from(registrations).where(eq(registrations.id, registrationId));
    if (!current) return false;
    const conf = (await lockConference(tx, current.conferenceId))!;
    const [before] = await tx.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, registrationId));
    const [reg] = await tx
      .update(registrations)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now, confirmTokenHash: null, calendarSequence: sql`${registrations.calendarSequence} + 1` })
      .where(and(eq(registrations.id, registrationId), inArray(registrations.status, [...LIVE_STATUSES])))
      .returning();
    if (!reg) return false;
    const mail = await registrationMail("cancelled", reg, conf, { manageToken: manageToken(reg.id, reg.manageSalt) });
    // Only a confirmed registration was sent a calendar entry that now has to be removed.
    if (before?.status !== "confirmed") mail.attachments = [];
    await enqueueMail(tx, mail);
    await fillFreeSeats(tx, conf, now);
    if (by) await recordAudit(tx, { actor: by, action: "registration.cancel", subjectType: "registration", subjectId: reg.id, summary: `Von der Verwaltung abgemeldet (vorher ${before?.status ?? "?"})` });
    return true;
  });
}

export type ChangeForumResult = "changed" | "full" | "unknown" | "notAllowed";

export async function changeForum(registrationId: string, forumId: string | null, now = new Date()): Promise<ChangeForumResult> {
  return db.transaction(async (tx): Promise<ChangeForumResult> => {
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!current || !isLive(current.status)) return "notAllowed";
    const conf = (await lockConference(tx, current.conferenceId))!;
    const room = await forumRoom(tx, conf, current, forumId);
    if (room !== "ok") return room;
    await tx.update(registrations).set({ forumId, updatedAt: now }).where(eq(registrations.id, registrationId));
    // A seat freed in the old forum may let a waiting person of that forum move up.
    await fillFreeSeats(tx, conf, now);
    return "changed";
  });
}

/** Needs and consents changed through the manage link; withdrawing the Art. 9 consent erases those details. Every change of a consent is recorded. */
export async function updateNeeds(registrationId: string, input: NeedsInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!current) return;
    const change = needsChange(current, input, now);
    await tx
      .update(registrations)
      .set({ ...change.set, updatedAt: now })
      .where(eq(registrations.id, registrationId));
    await recordConsents(tx, registrationId, now, change.consents);
  });
}

/** Art. 15/20: everything stored about this registration, as plain data. */
export async function exportRegistration(registrationId: string) {
  const [row] = await db
    .select({ registration: registrations, conference: { year: conferences.year, title: conferences.title }, forum: { title: forums.title } })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .leftJoin(forums, eq(forums.id, registrations.forumId))
    .where(eq(registrations.id, registrationId));
  if (!row) return null;
  const [consents, mails] = await Promise.all([
    db
      .select({ purpose: registrationConsents.purpose, granted: registrationConsents.granted, textVersion: registrationConsents.textVersion, at: registrationConsents.createdAt })
      .from(registrationConsents)
      .where(eq(registrationConsents.registrationId, registrationId))
      .orderBy(asc(registrationConsents.createdAt)),
    db
      .select({ subject: outbox.subject, to: outbox.to, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
      .from(outbox)
      .where(eq(outbox.topic, `registration:${registrationId}`))
      .orderBy(asc(outbox.createdAt)),
  ]);
  const r = row.registration;
  return {
    conference: row.conference,
    registration: {
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      organisation: r.organisation,
      organisationType: r.organisationType,
      jobTitle: r.jobTitle,
      forum: row.forum?.title ?? null,
      status: r.status,
      accessibilityNeeds: r.accessibilityNeeds,
      accessibilityOther: r.accessibilityOther,
      dietaryNeeds: r.dietaryNeeds,
      photoConsent: r.photoConsent,
      documentationNewsAt: r.documentationNewsAt,
      privacyVersion: r.privacyVersion,
      privacyConsentAt: r.privacyConsentAt,
      specialConsentAt: r.specialConsentAt,
      locale: r.locale,
      createdAt: r.createdAt,
      confirmedAt: r.confirmedAt,
      cancelledAt: r.cancelledAt,
      checkedInAt: r.checkedInAt,
    },
    consents,
    mails,
  };
}

/**
 * Art. 17: removes the registration, its consents and every mail about it (queued and sent); its
 * ballot stays counted but no longer leads back to it; a seat goes to the waitlist. Questions and
 * likes belong to a device, never to a registration, so there is nothing of them to find.
 * `byOrganiser`: a deletion on request, only inside that conference and written to the audit log.
 */
export async function deleteRegistration(
  registrationId: string,
  opts: { now?: Date; byOrganiser?: { actor: { id: string; name: string }; conferenceId: string } } = {},
): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ conferenceId: registrations.conferenceId }).from(registrations).where(eq(registrations.id, registrationId));
    if (!current || (opts.byOrganiser && current.conferenceId !== opts.byOrganiser.conferenceId)) return false;
    const conf = (await lockConference(tx, current.conferenceId))!;
    await tx.delete(outbox).where(eq(outbox.topic, `registration:${registrationId}`));
    await unlinkBallots(tx, "registration", registrationId);
    const deleted = await tx.delete(registrations).where(eq(registrations.id, registrationId)).returning({ id: registrations.id });
    if (!deleted.length) return false;
    if (opts.byOrganiser) {
      await recordAudit(tx, { actor: opts.byOrganiser.actor, action: "registration.delete", subjectType: "registration", subjectId: registrationId, summary: "Auf Antrag gelöscht" });
    }
    await fillFreeSeats(tx, conf, now);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Scheduled jobs

/** Frees seats whose confirmation did not come in time and moves the waitlist up. */
export async function expireHolds(now = new Date()): Promise<number> {
  const due = await db
    .selectDistinct({ conferenceId: registrations.conferenceId })
    .from(registrations)
    .where(and(eq(registrations.status, "held"), lte(registrations.holdExpiresAt, now)));
  let expired = 0;
  for (const { conferenceId } of due) {
    expired += await db.transaction(async (tx) => {
      const conf = (await lockConference(tx, conferenceId))!;
      const rows = await tx
        .update(registrations)
        .set({ status: "expired", confirmTokenHash: null, updatedAt: now })
        .where(and(eq(registrations.conferenceId, conferenceId), eq(registrations.status, "held"), lte(registrations.holdExpiresAt, now)))
        .returning();
      for (const reg of rows) await enqueueMail(tx, await registrationMail("expired", reg, conf));
      await fillFreeSeats(tx, conf, now);
      return rows.length;
    });
  }
  return expired;
}

/** The reminder N days before the start, with the calendar entry again; once per registration. */
export async function sendReminders(now = new Date()): Promise<number> {
  const due = await db
    .select({ registration: registrations, conference: conferences })
    .from(registrations)
    .innerJoin(conferences, eq(conferences.id, registrations.conferenceId))
    .where(
      and(
        eq(registrations.status, "confirmed"),
        isNull(registrations.reminderSentAt),
        sql`${conferences.reminderDaysBefore} > 0`,
        sql`${conferences.startsAt} > ${now}`,
        sql`${conferences.startsAt} - make_interval(days => ${conferences.reminderDaysBefore}) <= ${now}`,
      ),
    );
  let sent = 0;
  for (const { registration: reg, conference: conf } of due) {
    const mail = await registrationMail("reminder", reg, conf, { manageToken: manageToken(reg.id, reg.manageSalt) });
    sent += await db.transaction(async (tx) => {
      const claimed = await tx
        .update(registrations)
        .set({ reminderSentAt: now })
        .where(and(eq(registrations.id, reg.id), isNull(registrations.reminderSentAt), eq(registrations.status, "confirmed")))
        .returning({ id: registrations.id });
      if (!claimed.length) return 0;
      await enqueueMail(tx, mail);
      return 1;
    });
  }
  return sent;
}

/** After an organiser added seats (conference or forum): the waitlist moves up at once. */
export async function fillSeats(conferenceId: string, now = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const conf = await lockConference(tx, conferenceId);
    return conf ? fillFreeSeats(tx, conf, now) : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Organisers: registrations by hand (a phone call, the desk) and corrections. The same seat
// decision, waitlist and one-registration-per-address rule as the public path; see
// docs/decisions/007-registrations-by-organisers.md.

/** Organisers may enter registrations from publication until the conference day ends; the public window does not bind them. */
export function organiserMayRegister(conf: Pick<Conference, "status" | "endsAt">, now = new Date()): boolean {
  return conf.status !== "draft" && conf.status !== "held" && conf.status !== "documented" && now < conf.endsAt;
}

export type RegisterByOrganiserResult =
  | { ok: true; outcome: "confirmed" | "waitlisted"; registrationId: string }
  | { ok: false; reason: "closed" | "duplicate" | "forumFull" | "unknownForum" };

/**
 * An organiser registers someone who agreed to the privacy notice on the phone or at the desk:
 * with a free seat the registration is confirmed at once (the organiser spoke to the person, so
 * there is no address to verify by double opt-in), else it goes to the waitlist. The person gets
 * the usual mail with their manage link (and the calendar file when confirmed); the consents are
 * recorded with their text versions, the organiser's action in the audit log — all in one
 * transaction. An address with a live registration is refused (organisers may know that).
 */
export function registerByOrganiser(input: ByOrganiserInput): Promise<RegisterByOrganiserResult> {
  return registrationSlots(() => registerByOrganiserNow(input));
}

type ByOrganiserInput = { conferenceId: string; data: OrganiserAddInput; actor: Actor; now?: Date };

async function registerByOrganiserNow(input: ByOrganiserInput): Promise<RegisterByOrganiserResult> {
  const now = input.now ?? new Date();
  const { data, actor } = input;
  const email = normaliseEmail(data.email);
  const [pre] = await db.select().from(conferences).where(eq(conferences.id, input.conferenceId));
  if (!pre || !organiserMayRegister(pre, now)) return { ok: false, reason: "closed" };
  const known = await findByAddress(db, pre.id, email);
  if (known && isLive(known.status)) return { ok: false, reason: "duplicate" };
  const id = known?.id ?? randomUUID();
  const manage = freshManage(id);
  const person = { id, email, firstName: data.firstName, lastName: data.lastName, locale: data.locale, holdExpiresAt: null, calendarSequence: known ? known.calendarSequence + 1 : 0 };
  const [confirmedMail, waitMail] = await Promise.all([
    registrationMail("confirmed", person, pre, { manageToken: manage.token }),
    registrationMail("waitlisted", person, pre, { manageToken: manage.token, position: POSITION_SLOT }),
  ]);

  return db
    .transaction(async (tx): Promise<RegisterByOrganiserResult> => {
      const conf = await lockConference(tx, pre.id);
      if (!conf || !organiserMayRegister(conf, now)) return { ok: false, reason: "closed" };
      const plan = await planSeat(tx, conf, data.forumId);
      if (!plan.ok) return plan;
      const existing = await findByAddress(tx, conf.id, email);
      if (existing && isLive(existing.status)) return { ok: false, reason: "duplicate" };
      if (existing?.id !== known?.id) throw new RegistrationRace();
      const reg = await writeRegistration(tx, {
        id,
        existing,
        conferenceId: conf.id,
        email,
        data,
        locale: data.locale,
        plan,
        status: plan.seatFree ? "confirmed" : "waitlisted",
        manage,
        confirmTokenHash: null,
        holdExpiresAt: null,
        now,
      });
      await enqueueMail(tx, plan.seatFree ? confirmedMail : await withPosition(tx, waitMail, reg));
      await recordAudit(tx, {
        actor,
        action: "registration.create",
        subjectType: "registration",
        subjectId: reg.id,
        summary: `Von Hand angemeldet (${plan.seatFree ? "bestätigt" : "Warteliste"}); Zustimmung zu den Datenschutzhinweisen ${CONSENT_VERSIONS.privacy} von der Verwaltung erfasst`,
      });
      return { ok: true, outcome: plan.seatFree ? "confirmed" : "waitlisted", registrationId: reg.id };
    })
    .catch(async (error: unknown) => {
      if (error instanceof RegistrationRace) return registerByOrganiserNow(input);
      throw error;
    });
}

export type UpdateByOrganiserResult = { ok: true; changed: string[] } | { ok: false; reason: "unknown" | "duplicate" | "forumFull" | "unknownForum" };

/** Names of the changed parts for the audit log (no content: the log says what, not to what). */
const AUDIT_FIELDS: Record<string, string> = {
  firstName: "Vorname",
  lastName: "Nachname",
  email: "E-Mail",
  organisation: "Organisation",
  organisationType: "Art der Organisation",
  jobTitle: "Funktion",
  forumId: "Forum",
  locale: "Sprache",
  accessibilityNeeds: "Bedarfe",
  accessibilityOther: "Bedarfe",
  dietaryNeeds: "Bedarfe",
  specialConsentAt: "Einwilligung Art. 9",
  photoConsent: "Einwilligung Fotos",
  documentationNewsAt: "Einwilligung Dokumentation",
};

function changedFields(before: Registration, after: Record<string, unknown>): string[] {
  const same = (a: unknown, b: unknown) => (a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : JSON.stringify(a) === JSON.stringify(b));
  return Object.keys(AUDIT_FIELDS).filter((key) => key in after && !same(before[key as keyof Registration], after[key]));
}

/**
 * An organiser corrects a registration. A changed forum must have room (as on the manage page) and
 * may let a waiting person move up; a changed address must be free in this conference, voids the
 * old manage (and confirm) link and gets the mail of the current status with a fresh one. Changed
 * consents are recorded like the person's own changes; the audit entry names the changed fields.
 */
export async function updateByOrganiser(input: {
  conferenceId: string;
  registrationId: string;
  data: OrganiserEditInput;
  actor: Actor;
  now?: Date;
}): Promise<UpdateByOrganiserResult> {
  const now = input.now ?? new Date();
  const { data } = input;
  const email = normaliseEmail(data.email);
  const [before] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, input.registrationId), eq(registrations.conferenceId, input.conferenceId)));
  if (!before) return { ok: false, reason: "unknown" };

  // A new address: render the mail of the current status before the lock, as everywhere else.
  let moved: { manage: ReturnType<typeof freshManage>; confirmToken: string; status: Registration["status"]; mail: MailMessage | null } | null = null;
  if (email !== before.email) {
    if (await findByAddress(db, before.conferenceId, email)) return { ok: false, reason: "duplicate" };
    const [conf] = await db.select().from(conferences).where(eq(conferences.id, before.conferenceId));
    const manage = freshManage(before.id);
    const confirmToken = generateToken();
    const person = { ...before, email, firstName: data.firstName, lastName: data.lastName, locale: data.locale };
    const kind = before.status === "held" || before.status === "confirmed" || before.status === "waitlisted" ? before.status : null;
    const mail = kind
      ? await registrationMail(kind, person, conf!, { manageToken: manage.token, confirmToken: kind === "held" ? confirmToken : undefined, position: POSITION_SLOT })
      : null;
    moved = { manage, confirmToken, status: before.status, mail };
  }

  return db
    .transaction(async (tx): Promise<UpdateByOrganiserResult> => {
      const conf = (await lockConference(tx, before.conferenceId))!;
      const [current] = await tx.select().from(registrations).where(eq(registrations.id, before.id));
      if (!current) return { ok: false, reason: "unknown" };
      // Moved up, expired or changed meanwhile: the prepared mail no longer fits, so start again.
      if (current.email !== before.email || (moved && current.status !== moved.status)) throw new RegistrationRace();
      if (moved && (await findByAddress(tx, conf.id, email))) return { ok: false, reason: "duplicate" };
      const forumId = data.forumId || null;
      const room = forumId === current.forumId ? "ok" : await forumRoom(tx, conf, current, forumId);
      if (room !== "ok") return { ok: false, reason: room === "full" ? "forumFull" : "unknownForum" };

      const needs = needsChange(current, data, now);
      const set = {
        firstName: data.firstName,
        lastName: data.lastName,
        email,
        organisation: data.organisation,
        organisationType: data.organisationType,
        jobTitle: data.jobTitle,
        forumId,
        locale: data.locale,
        ...needs.set,
      };
      const changed = changedFields(current, set);
      if (!changed.length) return { ok: true, changed };
      const links = moved
        ? { manageSalt: moved.manage.salt, manageTokenHash: moved.manage.hash, ...(current.status === "held" ? { confirmTokenHash: hashToken(moved.confirmToken) } : {}) }
        : {};
      await tx
        .update(registrations)
        .set({ ...set, ...links, updatedAt: now })
        .where(eq(registrations.id, current.id));
      await recordConsents(tx, current.id, now, needs.consents);
      if (moved?.mail) await enqueueMail(tx, current.status === "waitlisted" ? await withPosition(tx, moved.mail, current) : moved.mail);
      // A seat freed in the old forum may let a waiting person of that forum move up.
      if (forumId !== current.forumId) await fillFreeSeats(tx, conf, now);
      await recordAudit(tx, {
        actor: input.actor,
        action: "registration.update",
        subjectType: "registration",
        subjectId: current.id,
        summary: `Geändert: ${[...new Set(changed.map((key) => AUDIT_FIELDS[key]))].join(", ")}`,
      });
      return { ok: true, changed };
    })
    .catch(async (error: unknown) => {
      if (error instanceof RegistrationRace) return updateByOrganiser(input);
      throw error;
    });
}

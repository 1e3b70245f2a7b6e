import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, registrations } from "~/db/schema";
import { normaliseEmail } from "~/modules/auth/accounts.server";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueMail, type MailMessage } from "~/modules/mail/outbox.server";
import { freshManage } from "./links.server";
import { POSITION_SLOT, registrationMail, withPosition } from "./mails.server";
import type { OrganiserAddInput, OrganiserEditInput } from "./organiser.schema";
import { CONSENT_VERSIONS } from "./registration.schema";
import {
  findByAddress,
  forumRoom,
  isLive,
  lockConference,
  planSeat,
  registrationSlots,
  RegistrationRace,
  type Actor,
  type Conference,
  type Registration,
} from "./seats.server";
import { fillFreeSeats } from "./waitlist.server";
import { needsChange, recordConsents, writeRegistration } from "./write.server";

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
  const person = {
    id,
    email,
    firstName: data.firstName,
    lastName: data.lastName,
    locale: data.locale,
    holdExpiresAt: null,
    calendarSequence: known ? known.calendarSequence + 1 : 0,
  };
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

export type UpdateByOrganiserResult =
  { ok: true; changed: string[] } | { ok: false; reason: "unknown" | "duplicate" | "forumFull" | "unknownForum" };

/** Names of the changed parts for the audit log (no content: the log says what, not to what). */
const AUDIT_FIELDS: Record<string, string> = {
  firstName: "Vorname",
  lastName: "Nachname",
  latinName: "Name in lateinischer Schrift",
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
  const same = (a: unknown, b: unknown) =>
    a instanceof Date || b instanceof Date
      ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
      : JSON.stringify(a) === JSON.stringify(b);
  return Object.keys(AUDIT_FIELDS).filter(
    (key) => key in after && !same(before[key as keyof Registration], after[key]),
  );
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
  let moved: {
    manage: ReturnType<typeof freshManage>;
    confirmToken: string;
    status: Registration["status"];
    mail: MailMessage | null;
  } | null = null;
  if (email !== before.email) {
    if (await findByAddress(db, before.conferenceId, email)) return { ok: false, reason: "duplicate" };
    const [conf] = await db.select().from(conferences).where(eq(conferences.id, before.conferenceId));
    const manage = freshManage(before.id);
    const confirmToken = generateToken();
    const person = { ...before, email, firstName: data.firstName, lastName: data.lastName, locale: data.locale };
    const kind =
      before.status === "held" || before.status === "confirmed" || before.status === "waitlisted"
        ? before.status
        : null;
    const mail = kind
      ? await registrationMail(kind, person, conf!, {
          manageToken: manage.token,
          confirmToken: kind === "held" ? confirmToken : undefined,
          position: POSITION_SLOT,
        })
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
        latinName: data.latinName,
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
        ? {
            manageSalt: moved.manage.salt,
            manageTokenHash: moved.manage.hash,
            ...(current.status === "held" ? { confirmTokenHash: hashToken(moved.confirmToken) } : {}),
          }
        : {};
      await tx
        .update(registrations)
        .set({ ...set, ...links, updatedAt: now })
        .where(eq(registrations.id, current.id));
      await recordConsents(tx, current.id, now, needs.consents);
      if (moved?.mail)
        await enqueueMail(
          tx,
          current.status === "waitlisted" ? await withPosition(tx, moved.mail, current) : moved.mail,
        );
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

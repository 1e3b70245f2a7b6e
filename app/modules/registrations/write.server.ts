import { eq } from "drizzle-orm";
import { registrationConsents, registrations } from "~/db/schema";
import type { Locale } from "~/i18n/catalog";
import type { freshManage } from "./links.server";
import { CONSENT_VERSIONS, type NeedsInput, type PersonInput } from "./registration.schema";
import type { Registration, SeatPlan, Tx } from "./seats.server";

// Writing a registration, its needs and its consent records (the same on every path).

export async function recordConsents(
  tx: Tx,
  registrationId: string,
  now: Date,
  entries: { purpose: keyof typeof CONSENT_VERSIONS; granted: boolean }[],
) {
  if (!entries.length) return;
  await tx.insert(registrationConsents).values(
    entries.map((e) => ({
      registrationId,
      purpose: e.purpose,
      granted: e.granted,
      textVersion: CONSENT_VERSIONS[e.purpose],
      createdAt: now,
    })),
  );
}

type NeedsPart = Pick<
  NeedsInput,
  "accessibility" | "accessibilityOther" | "dietaryNeeds" | "specialConsent" | "photoConsent" | "documentationNews"
>;

export function needsValues(input: Omit<NeedsPart, "photoConsent">, now: Date) {
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
export function needsChange(current: Registration, input: NeedsPart, now: Date) {
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
      ...(special !== (current.specialConsentAt !== null)
        ? [{ purpose: "special_categories" as const, granted: special }]
        : []),
      ...(photo !== current.photoConsent ? [{ purpose: "photo" as const, granted: photo }] : []),
      ...(news !== (current.documentationNewsAt !== null)
        ? [{ purpose: "documentation_news" as const, granted: news }]
        : []),
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
export async function writeRegistration(tx: Tx, w: NewRegistration): Promise<Registration> {
  const { data, now } = w;
  const values = {
    conferenceId: w.conferenceId,
    email: w.email,
    firstName: data.firstName,
    lastName: data.lastName,
    latinName: data.latinName,
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

import { z } from "zod";
import { isSingleLine } from "~/utils/single-line";
import { emailField } from "~/modules/auth/auth.schema";

export {
  ACCESSIBILITY_NEEDS,
  CONSENT_VERSIONS,
  ORGANISATION_TYPES,
  SORTS,
  STATUSES,
  type OrganisationType,
} from "./registration.constants";
import { ACCESSIBILITY_NEEDS, ORGANISATION_TYPES } from "./registration.constants";

const text = (max: number) => z.string().trim().max(max, "errors.tooLong");
const required = (max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(max, "errors.tooLong")
    .refine(isSingleLine, "errors.lineBreak");
const checkbox = z.literal("on").optional();
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(ACCESSIBILITY_NEEDS.length),
  );

/** Who the person is and which forum they choose: the same fields on the public and the organisers' form. */
export const personShape = {
  firstName: required(100),
  lastName: required(100),
  /** Optional: the name in Latin letters, for a name written in another script (check-in search). */
  latinName: text(200).default(""),
  email: emailField,
  organisation: required(200),
  organisationType: z.enum(ORGANISATION_TYPES, { error: "registration.errors.organisationType" }),
  jobTitle: text(200).refine(isSingleLine, "errors.lineBreak").default(""),
  forumId: z.union([z.literal(""), z.uuid({ error: "registration.errors.forum" })]).default(""),
};

/** Needs and consents: the part a person may change later through the manage link. */
export const needsShape = {
  accessibility: list(z.enum(ACCESSIBILITY_NEEDS, { error: "errors.invalid" })),
  accessibilityOther: text(500).default(""),
  dietaryNeeds: text(500).default(""),
  specialConsent: checkbox,
  photoConsent: z.enum(["yes", "no"], { error: "registration.errors.photo" }),
  /** Optional, unticked: one mail when the conference documentation is published. */
  documentationNews: checkbox,
};

/** Art. 9 details only with the explicit consent; checked even when other fields are wrong, so all errors show at once. */
function needsWithoutConsent(v: unknown): boolean {
  const x = (v ?? {}) as {
    accessibility?: unknown;
    accessibilityOther?: unknown;
    dietaryNeeds?: unknown;
    specialConsent?: unknown;
  };
  const filled = (s: unknown) => typeof s === "string" && s.trim() !== "";
  const hasNeeds =
    (Array.isArray(x.accessibility) && x.accessibility.length > 0) ||
    filled(x.accessibility) ||
    filled(x.accessibilityOther) ||
    filled(x.dietaryNeeds);
  return hasNeeds && x.specialConsent !== "on";
}
export const specialConsentCheck = (v: unknown) => !needsWithoutConsent(v);
/** The refinement's options: the error goes to the consent checkbox (message: a catalogue key). */
export const specialConsentParams = (message = "registration.errors.specialConsent") => ({
  path: ["specialConsent"],
  message,
  when: () => true,
});

export const registrationSchema = z
  .object({
    ...personShape,
    ...needsShape,
    privacyConsent: z.literal("on", { error: "registration.errors.privacy" }),
    /** Honeypot: people do not see it; bots fill it. */
    website: z.string().max(500).optional(),
  })
  .refine(specialConsentCheck, specialConsentParams());

export type RegistrationInput = z.output<typeof registrationSchema>;

export const needsSchema = z
  .object({ intent: z.literal("needs"), ...needsShape })
  .refine(specialConsentCheck, specialConsentParams());
export type NeedsInput = z.output<typeof needsSchema>;

/** What every registration path stores about the person (the public form and the organisers'). */
export type PersonInput = Pick<RegistrationInput, keyof typeof personShape | keyof typeof needsShape>;

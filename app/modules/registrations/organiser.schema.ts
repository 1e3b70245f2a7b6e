import { z } from "zod";
import { locales } from "~/i18n/locales";
import { needsShape, personShape, specialConsentCheck, specialConsentParams } from "./registration.schema";

// Organisers enter a registration for someone (by phone, at the desk) or correct one. The language
// decides the mails the person gets; the consents are the person's, recorded by the organiser.
const organiserShape = { ...personShape, ...needsShape, locale: z.enum(locales, { error: "errors.invalid" }) };

export const organiserAddSchema = z
  .object({
    intent: z.literal("add"),
    ...organiserShape,
    /** The organiser confirms that the person agreed to the privacy notice (current text version). */
    privacyConsent: z.literal("on", { error: "participants.hand.errors.privacy" }),
  })
  .refine(specialConsentCheck, specialConsentParams("participants.hand.errors.specialConsent"));
export type OrganiserAddInput = z.output<typeof organiserAddSchema>;

export const organiserEditSchema = z
  .object({ intent: z.literal("edit"), ...organiserShape })
  .refine(specialConsentCheck, specialConsentParams("participants.hand.errors.specialConsent"));
export type OrganiserEditInput = z.output<typeof organiserEditSchema>;

// Plain values shared by forms and server; no zod here, so pages can use them without shipping
// the validation library to the browser.
import { ORGANISATION_TYPES, REGISTRATION_STATUSES } from "~/db/enums";

// One list each, shared with the pg enums (app/db/enums.ts).
export { ORGANISATION_TYPES };
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const STATUSES = REGISTRATION_STATUSES;
export const SORTS = ["name", "organisation", "created", "status"] as const;

export const ACCESSIBILITY_NEEDS = ["sign_language", "wheelchair", "induction_loop"] as const;

/** Versions of the consent texts shown at the form; stored with every grant (Art. 7 DSGVO). */
export const CONSENT_VERSIONS = {
  privacy: "datenschutz-2026-11",
  special_categories: "art9-2026-11",
  photo: "foto-2026-11",
  documentation_news: "dokumentation-2026-12",
} as const;

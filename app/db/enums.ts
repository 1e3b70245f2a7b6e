/**
 * Values of the pg enums that forms and pages need as well: one list each, used by the schema
 * (pgEnum) and re-exported by the domain modules. Plain values, no drizzle: pages may import them.
 */
export const ORGANISATION_TYPES = [
  "administration",
  "independent_provider",
  "school_daycare",
  "migrant_organisation",
  "volunteer",
  "politics",
  "other",
] as const;

export const REGISTRATION_STATUSES = ["held", "confirmed", "waitlisted", "cancelled", "expired"] as const;

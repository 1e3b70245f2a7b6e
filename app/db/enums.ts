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

/** The six areas of the Integrationsmonitoring (library entries and indicators). */
export const MONITORING_AREAS = [
  "demografie",
  "beschaeftigung",
  "bildung",
  "gesundheit",
  "lebensunterhalt",
  "rechtliche_situation",
] as const;
export type MonitoringArea = (typeof MONITORING_AREAS)[number];

/**
 * The population groups an indicator's values are given for. An indicator compares either by
 * nationality (german/foreign) or by migration background (with/without); "total" is everyone.
 */
export const POPULATION_GROUPS = ["total", "german", "foreign", "with_migration", "without_migration"] as const;
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];

export const INDICATOR_COMPARISONS = ["nationality", "migration", "none"] as const;
export type IndicatorComparison = (typeof INDICATOR_COMPARISONS)[number];

import { z } from "zod";
import { MONITORING_AREAS, type MonitoringArea } from "~/db/enums";
import { isSafeExternalUrl } from "~/utils/safe-url";

export const LIBRARY_TYPES = [
  "konzept",
  "integrationsbericht",
  "zahlen",
  "flyer",
  "plakat",
  "arbeitshilfe",
  "broschuere",
  "integrationsprofil",
  "dokumentation",
  "sonstiges",
] as const;
export type LibraryType = (typeof LIBRARY_TYPES)[number];

export { MONITORING_AREAS, type MonitoringArea };

export { isSafeExternalUrl };

const optionalYear = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.coerce
    .number({ message: "library.error.year" })
    .int("library.error.year")
    .min(1950, "library.error.year")
    .max(2100, "library.error.year")
    .nullable(),
);

export const libraryEntrySchema = z.object({
  title: z.string().trim().min(1, "errors.required").max(300),
  year: optionalYear,
  type: z.enum(LIBRARY_TYPES, { message: "library.error.type" }),
  area: z.preprocess(
    (v) => (v === "" ? null : v),
    z.enum(MONITORING_AREAS, { message: "errors.invalid" }).nullable().optional(),
  ),
  description: z.string().trim().max(5000).default(""),
  parentId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ message: "errors.invalid" }).nullable().optional()),
  position: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(10_000)),
  url: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.string().max(2000).refine(isSafeExternalUrl, "library.error.url").nullable().optional(),
  ),
  published: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type LibraryEntryInput = z.output<typeof libraryEntrySchema>;

export const libraryFilterSchema = z.object({
  typ: z.enum(LIBRARY_TYPES).or(z.literal("")).catch(""),
  jahr: z.coerce.number().int().min(1950).max(2100).or(z.literal("")).catch(""),
  bereich: z.enum(MONITORING_AREAS).or(z.literal("")).catch(""),
});

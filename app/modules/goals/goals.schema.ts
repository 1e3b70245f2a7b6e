import { z } from "zod";
import type { GoalFilter } from "./goals.server";

const STATUSES = ["neu", "in_umsetzung", "erreicht", "angepasst", "uebertragen", "verworfen"] as const;

/** The board's filters from the query string; anything malformed is simply ignored. */
export const boardFilterSchema = z.object({
  jahr: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  feld: z.uuid().optional().catch(undefined),
  gruppe: z.uuid().optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  empfehlung: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-ZÄÖÜ]{2,5}-\d{1,3}[A-Z]?$/)
    .optional()
    .catch(undefined),
});

export function parseBoardFilter(url: string) {
  const params = Object.fromEntries([...new URL(url).searchParams].filter(([, v]) => v !== ""));
  const filter = boardFilterSchema.parse(params);
  const goalFilter: GoalFilter = {
    year: filter.jahr,
    fieldId: filter.feld,
    groupId: filter.gruppe,
    status: filter.status,
    recommendationCode: filter.empfehlung,
  };
  return { filter, goalFilter };
}

const text = (max: number) => z.string({ error: "errors.required" }).trim().max(max, "errors.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "errors.tooLong").optional().default("");
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.uuid()));

export const proposalSchema = z.object({
  intent: z.literal("propose"),
  title: text(200).pipe(z.string().min(3, "goals.errors.titleShort")),
  description: optionalText(2000),
  fieldId: z
    .union([z.literal(""), z.uuid()])
    .optional()
    .transform((v) => v || null),
  proposedGroupId: z
    .union([z.literal(""), z.uuid()])
    .optional()
    .transform((v) => v || null),
  recommendationIds: idList,
});

/** An organiser rewords a proposal; who made it stays. */
export const proposalEditSchema = z.object({
  title: text(200).pipe(z.string().min(3, "goals.errors.titleShort")),
  description: optionalText(2000),
  fieldId: z
    .union([z.literal(""), z.uuid()])
    .optional()
    .transform((v) => v || null),
});

/** A correction of one status entry of a goal: its year, status and Sachstand. */
export const statusEntrySchema = z.object({
  year: z.coerce.number("errors.invalid").int("errors.invalid").min(2000, "errors.invalid").max(2100, "errors.invalid"),
  status: z.enum(STATUSES, "goals.errors.status"),
  sachstand: optionalText(1500),
});

export const agreeSchema = z.object({
  title: text(200).pipe(z.string().min(3, "goals.errors.titleShort")),
  description: optionalText(2000),
  fieldId: z
    .union([z.literal(""), z.uuid()])
    .optional()
    .transform((v) => v || null),
  ownerGroupId: z.uuid("goals.errors.ownerRequired"),
  partners: optionalText(500),
  measure: optionalText(1000),
  indicator: optionalText(500),
  targetYear: z.coerce
    .number("goals.errors.targetYear")
    .int("goals.errors.targetYear")
    .min(2000, "goals.errors.targetYear")
    .max(2100, "goals.errors.targetYear"),
  recommendationIds: idList,
  originProposalId: z
    .union([z.literal(""), z.uuid()])
    .optional()
    .transform((v) => v || null),
  conferenceId: z.uuid(),
});

export const statusUpdateSchema = z.object({
  status: z.enum(STATUSES, "goals.errors.status"),
  sachstand: text(1500).pipe(z.string().min(1, "errors.required")),
});

export const roundSchema = z.object({
  pointsPerVoter: z.coerce.number("errors.invalid").int("errors.invalid"),
  maxPerProposal: z.coerce.number("errors.invalid").int("errors.invalid"),
  opensAt: z.string().min(1, "errors.required"),
  closesAt: z.string().min(1, "errors.required"),
});

export const goalDetailsSchema = z.object({
  intent: z.literal("details"),
  title: text(200).pipe(z.string().min(3, "goals.errors.titleShort")),
  description: optionalText(2000),
  ownerGroupId: z.uuid("goals.errors.ownerRequired"),
  partners: optionalText(500),
  measure: optionalText(1000),
  indicator: optionalText(500),
  targetYear: z.coerce
    .number("goals.errors.targetYear")
    .int("goals.errors.targetYear")
    .min(2000, "goals.errors.targetYear")
    .max(2100, "goals.errors.targetYear"),
});

export const goalAdminSchema = z.discriminatedUnion("intent", [
  statusUpdateSchema.extend({ intent: z.literal("status") }),
  goalDetailsSchema,
]);

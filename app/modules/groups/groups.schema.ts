import { z } from "zod";
import { isSingleLine } from "~/utils/single-line";
import { emailField } from "~/modules/auth/auth.schema";
import { REPORT_SECTIONS } from "./report-sections";

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").default("");
const required = (max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(max, "errors.tooLong")
    .refine(isSingleLine, "errors.lineBreak");

export const groupSchema = z.object({
  intent: z.literal("save"),
  name: required(200),
  kind: z.enum(["working_group", "district_network"], { error: "errors.required" }),
  slug: required(80).pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "groups.error.slug")),
  description: text(4000),
  fieldsOfAction: text(2000).transform((v) =>
    v
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  ),
  contactName: text(200).transform((v) => v || null),
  contactEmail: z
    .string()
    .trim()
    .max(254, "errors.tooLong")
    .default("")
    .pipe(z.union([z.literal(""), z.email("errors.email")]))
    .transform((v) => v || null),
});

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  inviteName: required(200),
  inviteEmail: emailField,
});

export const startReportSchema = z.object({ intent: z.literal("start"), conferenceId: z.uuid() });

export const reportTextSchema = z.object({
  intent: z.literal("save"),
  activities: text(20_000),
  progress: text(20_000),
  obstacles: text(20_000),
  networking: text(20_000),
  previousGoals: text(20_000),
  proposals: text(20_000),
});
// The form and REPORT_SECTIONS must list the same parts.
export const REPORT_FIELDS: readonly Exclude<keyof z.infer<typeof reportTextSchema>, "intent">[] = REPORT_SECTIONS;

/** "Bericht einreichen" sits in the text form: submitting saves what is on screen first. */
export const reportSubmitSchema = reportTextSchema.extend({ intent: z.literal("submit") });

/** The organisers' steps (their form carries only an optional comment). */
export const stepSchema = z.object({
  intent: z.enum(["request_changes", "approve", "publish"]),
  comment: text(4000),
});

export const deadlineSchema = z.object({
  intent: z.literal("deadline"),
  conferenceId: z.uuid(),
  submitBy: required(40),
  reminderDays: z.coerce
    .number({ error: "errors.invalid" })
    .int("errors.invalid")
    .min(0, "errors.invalid")
    .max(90, "errors.invalid"),
});

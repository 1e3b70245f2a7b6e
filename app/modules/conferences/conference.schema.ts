import { z } from "zod";
import { isSingleLine } from "~/utils/single-line";
import { parseBerlinLocal } from "~/utils/time";

export const CONFERENCE_STATUSES = [
  "draft",
  "published",
  "registration_open",
  "registration_closed",
  "held",
  "documented",
] as const;
export const AGENDA_KINDS = ["welcome", "expert_input", "group_presentations", "discussion", "forum", "break"] as const;

const required = (max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(max, "errors.tooLong")
    .refine(isSingleLine, "errors.lineBreak");
const berlin = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .transform((v, ctx) => {
    const d = parseBerlinLocal(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "conference.errors.dateTime" });
      return z.NEVER;
    }
    return d;
  });
const optionalBerlin = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = parseBerlinLocal(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "conference.errors.dateTime" });
      return z.NEVER;
    }
    return d;
  });
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: "conference.errors.number" })
    .int("conference.errors.number")
    .min(min, "conference.errors.number")
    .max(max, "conference.errors.number");

export const conferenceSchema = z
  .object({
    intent: z.literal("conference"),
    year: int(2000, 2100),
    title: required(200),
    description: z.string().trim().max(5000, "errors.tooLong").default(""),
    startsAt: berlin,
    endsAt: berlin,
    venueName: required(200),
    venueAddress: required(300),
    venueAccessibility: z.string().trim().max(3000, "errors.tooLong").default(""),
    capacity: int(1, 100_000),
    registrationOpensAt: optionalBerlin,
    registrationClosesAt: optionalBerlin,
    status: z.enum(CONFERENCE_STATUSES, { error: "errors.invalid" }),
    holdHours: int(1, 24 * 14),
    reminderDaysBefore: int(0, 60),
  })
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "conference.errors.endBeforeStart" });
    if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt)
      ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "conference.errors.closeBeforeOpen" });
  });
export type ConferenceInput = z.output<typeof conferenceSchema>;

export const forumSchema = z.object({
  intent: z.literal("forum"),
  forumId: z.union([z.literal(""), z.uuid()]).default(""),
  title: required(200),
  description: z.string().trim().max(2000, "errors.tooLong").default(""),
  capacity: int(1, 100_000),
  position: int(0, 1000).default(0),
});

export const agendaSchema = z.object({
  intent: z.literal("agenda"),
  agendaId: z.union([z.literal(""), z.uuid()]).default(""),
  startsAt: berlin,
  endsAt: optionalBerlin,
  title: required(300),
  kind: z.enum(AGENDA_KINDS, { error: "errors.invalid" }),
  speakers: z.string().trim().max(500, "errors.tooLong").default(""),
  forumId: z.union([z.literal(""), z.uuid()]).default(""),
});

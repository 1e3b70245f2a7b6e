import { z } from "zod";
import { DAY_CODE_PATTERN, normaliseDayCode } from "~/modules/conferences/day-code";
import { parseBerlinLocal } from "~/utils/time";

export const QUESTION_MIN = 3;
export const QUESTION_MAX = 500;
export const NAME_MAX = 60;
export const OUTCOME_MAX = 10_000;

/**
 * Text only: control characters (except line breaks) go, runs of blank lines shrink, the text is
 * trimmed. Nothing is interpreted as HTML or a link: pages render it as a plain text node.
 */
export function cleanText(raw: string): string {
  return (
    raw
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => cleanText(v ?? ""))
    .pipe(z.string().max(max, "errors.tooLong"));

export const dayCodeSchema = z.object({
  code: z
    .string({ error: "errors.required" })
    .transform(normaliseDayCode)
    .pipe(z.string().min(1, "errors.required").regex(DAY_CODE_PATTERN, "discussion.errors.codeFormat")),
});

export const askSchema = z.object({
  intent: z.literal("ask"),
  text: z
    .string({ error: "errors.required" })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, "errors.required")
        .min(QUESTION_MIN, "discussion.errors.tooShort")
        .max(QUESTION_MAX, "errors.tooLong"),
    ),
  name: optionalText(NAME_MAX),
});

export const likeSchema = z.object({
  intent: z.enum(["like", "unlike"]),
  questionId: z.uuid(),
});

export const moderateSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["approve", "hide", "answer", "reopen", "pin", "unpin", "toGoal"]), questionId: z.uuid() }),
  z.object({
    intent: z.literal("merge"),
    questionId: z.uuid(),
    targetId: z.uuid({ error: "discussion.errors.mergeTarget" }),
  }),
  z.object({
    intent: z.literal("record"),
    outcome: optionalText(OUTCOME_MAX),
    publish: z.literal("on").optional(),
  }),
]);

const localDate = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = parseBerlinLocal(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "errors.invalid" });
      return z.NEVER;
    }
    return d;
  });

/** Speakers as one line each: "Name, Rolle". */
export function parseSpeakers(raw: string): { name: string; role: string }[] {
  return raw
    .split("\n")
    .map((line) => cleanText(line))
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(",");
      return at < 0 ? { name: line, role: "" } : { name: line.slice(0, at).trim(), role: line.slice(at + 1).trim() };
    });
}

export const inputSchema = z
  .object({
    title: z
      .string({ error: "errors.required" })
      .transform(cleanText)
      .pipe(z.string().min(1, "errors.required").max(200, "errors.tooLong")),
    speakers: optionalText(1000).transform(parseSpeakers),
    abstract: optionalText(5000),
    agendaItemId: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.uuid().nullable()),
    moderation: z.enum(["pre", "post"], { error: "errors.required" }),
    questionsOpenAt: localDate,
    questionsCloseAt: localDate,
  })
  .superRefine((v, ctx) => {
    if (v.questionsOpenAt && v.questionsCloseAt && v.questionsCloseAt <= v.questionsOpenAt) {
      ctx.addIssue({ code: "custom", path: ["questionsCloseAt"], message: "discussion.errors.windowOrder" });
    }
  });

export type InputFields = z.output<typeof inputSchema>;

import { z } from "zod";
import { isSafeExternalUrl } from "~/utils/safe-url";

/** "24.11.2026" or "2026-11-24" → "2026-11-24" (a real calendar date), else undefined. */
export function parseDay(value: string): string | undefined {
  const v = value.trim();
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const iso = de
    ? `${de[3]}-${de[2]!.padStart(2, "0")}-${de[1]!.padStart(2, "0")}`
    : /^\d{4}-\d{2}-\d{2}$/.test(v)
      ? v
      : undefined;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** "2026-11-24" → "24.11.2026" for the form. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

const day = z
  .string({ error: "a11y.errors.date" })
  .transform((v, ctx) => parseDay(v) ?? (ctx.addIssue({ code: "custom", message: "a11y.errors.date" }), z.NEVER));
/** A path on this site ("/media/dgs.vtt"), never "//other.host". */
export const isLocalPath = (v: string) => /^\/(?!\/)[^\s\\]*$/.test(v);
/** The DGS video: a path on this site (embedded) or an https address without credentials (linked); never javascript:, data: or http:. */
export const isVideoAddress = (v: string) => v === "" || isLocalPath(v) || isSafeExternalUrl(v, { httpsOnly: true });
const videoUrl = z.string().trim().max(500, "errors.tooLong").refine(isVideoAddress, "a11y.errors.url");
const localUrl = z
  .string()
  .trim()
  .max(500, "errors.tooLong")
  .refine((v) => v === "" || isLocalPath(v), "a11y.errors.localOnly");

export const statementSchema = z
  .object({
    conformity: z.enum(["full", "partial", "none"], { error: "errors.invalid" }),
    knownBarriers: z.string().trim().max(5000, "errors.tooLong").default(""),
    alternatives: z.string().trim().max(5000, "errors.tooLong").default(""),
    preparedOn: day,
    reviewedOn: day,
    contactEmail: z
      .union([z.literal(""), z.string().trim().toLowerCase().email("errors.email").max(200, "errors.tooLong")])
      .default(""),
    dgsVideoUrl: videoUrl.default(""),
    dgsCaptionsUrl: localUrl.default(""),
  })
  .refine((s) => s.reviewedOn >= s.preparedOn, { path: ["reviewedOn"], message: "a11y.errors.reviewBeforePrepared" })
  .refine((s) => !s.dgsVideoUrl.startsWith("/") || s.dgsCaptionsUrl !== "", {
    path: ["dgsCaptionsUrl"],
    message: "a11y.errors.captionsRequired",
  });
export type StatementInput = z.output<typeof statementSchema>;

export const feedbackSchema = z.object({
  message: z
    .string({ error: "a11y.feedback.errors.message" })
    .trim()
    .min(10, "a11y.feedback.errors.message")
    .max(3000, "errors.tooLong"),
  page: z.string().trim().max(300, "errors.tooLong").default(""),
  name: z.string().trim().max(120, "errors.tooLong").default(""),
  email: z.union([z.literal(""), z.string().trim().email("errors.email").max(200, "errors.tooLong")]).default(""),
  // Honeypot: people leave it empty.
  website: z.string().max(0).optional(),
});
export type FeedbackInput = z.output<typeof feedbackSchema>;

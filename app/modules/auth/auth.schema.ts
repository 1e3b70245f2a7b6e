import { z } from "zod";

export const emailField = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(254, "errors.tooLong")
  .pipe(z.email("errors.email"));

export const passwordLoginSchema = z.object({
  intent: z.literal("password"),
  email: emailField,
  password: z.string({ error: "errors.required" }).min(1, "errors.required").max(1024, "errors.tooLong"),
  redirectTo: z.string().optional(),
});

export const linkRequestSchema = z.object({
  intent: z.literal("link"),
  linkEmail: emailField,
  redirectTo: z.string().optional(),
});

export const loginSchema = z.discriminatedUnion("intent", [passwordLoginSchema, linkRequestSchema]);

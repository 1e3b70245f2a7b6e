import { timingSafeEqual } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { isMessageKey, type MessageKey } from "~/i18n/catalog";

export const CSRF_FIELD = "_csrf";

export type FieldErrors = Record<string, MessageKey>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };
export type FormResult<T> = { ok: true; data: T; form: FormData } | FormFailure;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses the request unless the form carries this browser's CSRF token. */
export function assertCsrf(form: FormData, context: AppLoadContext): void {
  const sent = form.get(CSRF_FIELD);
  if (typeof sent !== "string" || !context.csrfToken || !sameToken(sent, context.csrfToken)) {
    throw data({ error: "csrf" }, { status: 403 });
  }
}

/** zod issue messages are catalogue keys; anything else becomes the generic "invalid". */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    if (errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? issue.message : issue.code === "too_big" ? "errors.tooLong" : "errors.invalid";
  }
  return errors;
}

/** What the user typed, to fill the form again (never passwords). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value !== "string" || key === CSRF_FIELD || /password/i.test(key)) continue;
    values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
}

/** Reads a posted form: checks the CSRF token, then validates with the form's zod schema. */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  context: AppLoadContext,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  const form = await request.formData();
  assertCsrf(form, context);
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (!result.success) return { ok: false, errors: fieldErrors(result.error), values: formValues(form) };
  return { ok: true, data: result.data, form };
}

/** The standard answer to invalid input: 400 with field errors and the typed values. */
export function invalid(failure: FormFailure | { errors: FieldErrors; values: Record<string, string> }) {
  return data({ ok: false as const, errors: failure.errors, values: failure.values }, { status: 400 });
}

/** Too many attempts: 429 with Retry-After, the message shown above the form, the input kept. */
export function rateLimited(retryAfterSeconds: number, values: Record<string, string>) {
  return data(
    { ok: false as const, errors: { _form: "errors.rateLimited" } as FieldErrors, values },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

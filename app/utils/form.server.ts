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

/** More fields than any form of ours has: refused with 413 before anything else looks at them. */
export const MAX_FORM_FIELDS = 300;

/**
 * Control characters no form field needs (NUL, escape, bidi-breaking C0/C1 codes); tab, CR and LF
 * stay allowed here (multi-line texts) and are refused in single-line fields by their schemas.
 */
export function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(value);
}

/** A line break in a single-line field (a name, a title): a header-injection attempt, never a typo. */
export function hasLineBreak(value: string): boolean {
  return /[\r\n\u2028\u2029]/.test(value);
}

/**
 * `request.formData()` with a cap on the number of fields: more than MAX_FORM_FIELDS → 413.
 * (The body's byte size is capped by server.js while it streams in.)
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    if (request.signal.aborted) throw data({ error: "aborted" }, { status: 400 });
    throw data({ error: "malformed" }, { status: 400 });
  }
  let count = 0;
  for (const entry of form.keys()) {
    void entry;
    if (++count > MAX_FORM_FIELDS) throw data({ error: "tooManyFields" }, { status: 413 });
  }
  return form;
}

/** Reads a posted form: checks the CSRF token, then validates with the form's zod schema. */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  context: AppLoadContext,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  const form = await readForm(request);
  assertCsrf(form, context);
  // The entries are read once (linear: a form of many fields must not cost quadratic time).
  const collected: Record<string, string[]> = {};
  const control: FieldErrors = {};
  for (const [key, value] of form) {
    if (typeof value !== "string") continue;
    (collected[key] ??= []).push(value);
    if (hasControlCharacters(value)) control[key] = "errors.controlCharacters";
  }
  const raw: Record<string, unknown> = {};
  for (const [key, all] of Object.entries(collected)) raw[key] = all.length > 1 ? all : all[0];
  const result = schema.safeParse(raw);
  if (!result.success || Object.keys(control).length) {
    const errors = { ...(result.success ? {} : fieldErrors(result.error)), ...control };
    return { ok: false, errors, values: formValues(form) };
  }
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

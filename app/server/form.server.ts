import { timingSafeEqual } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { isMessageKey, type MessageKey } from "~/i18n/catalog";

export const CSRF_FIELD = "_csrf";

export type FieldErrors = Record<string, MessageKey>;
/** A refused form: errors by field (`_form` for the whole form), what was typed, which button sent it. */
export type FormFailure = { ok: false; intent: string | null; errors: FieldErrors; values: Record<string, string> };
export type FormResult<T> =
  { ok: true; intent: string | null; data: T; values: Record<string, string>; form: FormData } | FormFailure;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses the request unless the form carries this browser's CSRF token. */
function assertCsrf(form: FormData, context: AppLoadContext): void {
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
    errors[field] = isMessageKey(issue.message)
      ? issue.message
      : issue.code === "too_big"
        ? "errors.tooLong"
        : "errors.invalid";
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
 * stay allowed (multi-line texts) and are refused in single-line fields by their schemas.
 */
export function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(value);
}

/**
 * Reads a posted (urlencoded) form and checks its CSRF token: a malformed or cut-off body is a 400,
 * more than MAX_FORM_FIELDS fields a 413 (the byte size is capped by server.js while it streams in),
 * a missing or wrong token a 403.
 */
export async function readForm(request: Request, context: AppLoadContext): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    if (request.signal.aborted) throw data({ error: "aborted" }, { status: 400 });
    throw data({ error: "malformed" }, { status: 400 });
  }
  let count = 0;
  for (const key of form.keys()) {
    void key;
    if (++count > MAX_FORM_FIELDS) throw data({ error: "tooManyFields" }, { status: 413 });
  }
  assertCsrf(form, context);
  return form;
}

/**
 * The form as the object a zod schema sees: a field sent once is a string, a field sent several
 * times (checkbox lists, multi-selects) an array of strings; files are left out. Wrap list fields
 * in `many()` so one ticked box is a list of one as well.
 */
export function formObject(form: FormData): Record<string, string | string[]> {
  // The entries are read once: getAll() per key would make a form of many fields cost quadratic time.
  const collected: Record<string, string[]> = {};
  for (const [key, value] of form) {
    if (key === CSRF_FIELD || typeof value !== "string") continue;
    (collected[key] ??= []).push(value);
  }
  const raw: Record<string, string | string[]> = {};
  for (const [key, all] of Object.entries(collected)) raw[key] = all.length > 1 ? all : all[0]!;
  return raw;
}

/** Validates an already read form with a zod schema (see `parseForm`). */
export function validateForm<S extends z.ZodType>(form: FormData, schema: S): FormResult<z.output<S>> {
  const values = formValues(form);
  const intent = typeof form.get("intent") === "string" ? (form.get("intent") as string) : null;
  const raw = formObject(form);
  const control: FieldErrors = {};
  for (const [key, value] of Object.entries(raw))
    if ([value].flat().some(hasControlCharacters)) control[key] = "errors.controlCharacters";
  const result = schema.safeParse(raw);
  if (!result.success || Object.keys(control).length) {
    return { ok: false, intent, errors: { ...(result.success ? {} : fieldErrors(result.error)), ...control }, values };
  }
  return { ok: true, intent, data: result.data, values, form };
}

/**
 * The one way an action reads a form: checks the CSRF token, then validates with the form's zod
 * schema. A form with several submit buttons sends `name="intent" value="…"`; its schema is a
 * `z.discriminatedUnion("intent", [...])` with one object per intent, so `result.data.intent`
 * narrows the data. Ids are checked in the schema (`z.uuid()`): a bad id is a 400, never a 500.
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  context: AppLoadContext,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  return validateForm(await readForm(request, context), schema);
}

/** A list field (checkbox list, multi-select): absent → [], once → [value], several → all. */
export function many<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** A checkbox: ticked (any value sent) → true, absent → false. */
export const checkbox = () => z.preprocess((v) => v !== undefined && v !== "", z.boolean());

/** The standard answer to invalid input: 400 with field errors and the typed values. */
export function invalid(failure: { errors: FieldErrors; values: Record<string, string> }) {
  return data({ ok: false as const, errors: failure.errors, values: failure.values }, { status: 400 });
}

/** Too many attempts: 429 with Retry-After, the message shown above the form, the input kept. */
export function rateLimited(retryAfterSeconds: number, values: Record<string, string>) {
  return data(
    { ok: false as const, errors: { _form: "errors.rateLimited" } as FieldErrors, values },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

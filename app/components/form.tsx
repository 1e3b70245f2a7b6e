import { Form, useRouteLoaderData, type FormProps } from "@remix-run/react";
import {
  useEffect,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";

/** The CSRF token every form posts (the server compares it with the browser's cookie). */
export function CsrfInput() {
  const root = useRouteLoaderData<{ csrfToken?: string }>("root");
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ""} />;
}

/** A Remix form that always carries the CSRF token and works without JavaScript. */
export function SafeForm({ children, ...props }: FormProps) {
  return (
    <Form method="post" {...props}>
      <CsrfInput />
      {children}
    </Form>
  );
}

export type FormErrors = Partial<Record<string, MessageKey>>;

/**
 * Lists every error at the top and takes the focus after a failed submit, so screen-reader and
 * keyboard users learn what went wrong; each entry jumps to its field.
 */
export function ErrorSummary({ errors, labels }: { errors?: FormErrors; labels: Record<string, string> }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, MessageKey] => Boolean(e[1]));
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length, errors]);
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("form.errorSummary")}</h2>
      <p>{entries.length === 1 ? t("form.errorCountOne") : t("form.errorCount", { count: entries.length })}</p>
      <ul>
        {entries.map(([field, key]) => (
          <li key={field}>
            {field === "_form" ? (
              t(key)
            ) : (
              <a href={`#${fieldId(field)}`}>
                {labels[field] ?? field}: {t(key)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

type FieldBase = { name: string; label: string; error?: MessageKey; hint?: ReactNode; required?: boolean; id?: string };

/** The ids a control refers to with aria-describedby: its hint and its error. */
function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** Label ("Pflichtfeld"/"optional" in words), hint and error around one control. */
function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: MessageKey;
  required?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {label} <span className="field__req">({required ? t("form.required") : t("form.optional")})</span>
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
      {children}
    </div>
  );
}

type FieldProps = FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** Label, hint, input and error, wired together with aria-describedby; "Pflichtfeld" in words. */
export function Field({ name, label, error, hint, required, id: idProp, ...input }: FieldProps) {
  const id = idProp ?? fieldId(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

/** Like <Field>, for longer text. */
export function TextareaField({
  name,
  label,
  error,
  hint,
  required,
  id: idProp,
  ...rest
}: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const id = idProp ?? fieldId(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

/** Like <Field>, a choice from a list. */
export function SelectField({
  name,
  label,
  error,
  hint,
  required,
  id: idProp,
  options,
  ...rest
}: FieldBase & { options: Option[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  const t = useT();
  const id = idProp ?? fieldId(name);
  const preset =
    required && rest.value === undefined && rest.defaultValue === undefined ? options[0]?.value : undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
        {...(preset !== undefined ? { defaultValue: preset } : {})}
      >
        {/* A required list starts with an empty choice (HTML: the placeholder option); the first real choice stays preselected. */}
        {required && options[0]?.value !== "" ? <option value="">{t("form.choose")}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * Several choices (checkboxes, `type="checkbox"`) or one (radio buttons, `type="radio"`) in a
 * fieldset: the legend names the group, hint and error are wired to it with aria-describedby.
 */
export function ChoiceGroup({
  name,
  label,
  error,
  hint,
  required,
  type,
  options,
  defaultValue,
}: Omit<FieldBase, "id"> & { type: "checkbox" | "radio"; options: Option[]; defaultValue?: string | string[] }) {
  const t = useT();
  const id = fieldId(name);
  const chosen = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <fieldset
      id={id}
      className={error ? "field field--error" : "field"}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>
        {label} <span className="field__req">({required ? t("form.required") : t("form.optional")})</span>
      </legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
      <ul className="check-list">
        {options.map((o) => (
          <li key={o.value}>
            <label>
              <input
                type={type}
                name={name}
                value={o.value}
                defaultChecked={chosen.has(o.value)}
                required={type === "radio" ? required : undefined}
              />{" "}
              <span>{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * A wide table's horizontal scroll box (320 px screens). Focusable and named, so keyboard users
 * can scroll it too (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll box must be reachable by keyboard
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

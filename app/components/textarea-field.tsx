import type { ReactNode, TextareaHTMLAttributes } from "react";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";
import { fieldId } from "./form";

/** Like <Field>, for longer text: label, hint, error and textarea wired with aria-describedby. */
export function TextareaField({
  name,
  label,
  error,
  hint,
  required,
  ...rest
}: { name: string; label: string; error?: MessageKey; hint?: ReactNode; required?: boolean } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const t = useT();
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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
      <textarea id={id} name={name} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
    </div>
  );
}

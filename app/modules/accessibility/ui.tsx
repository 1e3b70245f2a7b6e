import { fieldId } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";

/** A labelled textarea wired like <Field>: hint and error via aria-describedby, "Pflichtfeld" in words. */
export function TextArea(props: { name: string; label: string; hint?: string; error?: MessageKey; defaultValue?: string; maxLength?: number; required?: boolean; rows?: number }) {
  const t = useT();
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {props.label} <span className="field__req">({props.required ? t("form.required") : t("form.optional")})</span>
      </label>
      {props.hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" id={`${id}-error`}>
          {t(props.error)}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        rows={props.rows ?? 5}
      />
    </div>
  );
}

/** Lines of an organiser's text field as list items (one barrier / alternative per line). */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

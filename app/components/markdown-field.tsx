import { TextareaField } from "~/components/form";
import { SafeHtml } from "~/components/safe-html";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";

/**
 * A long text written as Markdown: the textarea with the plain-language help, a "Vorschau" submit
 * button (name="intent", the given value) and, after such a submit, the server's rendering beside the
 * textarea. Nothing is saved by the preview; it works without JavaScript.
 */
export function MarkdownField({
  name,
  id,
  label,
  defaultValue,
  previewIntent,
  previewHtml,
  rows = 8,
  required,
  error,
}: {
  name: string;
  id?: string;
  label: string;
  defaultValue?: string;
  previewIntent: string;
  /** The rendered preview (sanitised on the server), or undefined when none was asked for. */
  previewHtml?: string;
  rows?: number;
  required?: boolean;
  error?: MessageKey;
}) {
  const t = useT();
  const fieldId = id ?? `field-${name}`;
  return (
    <div className={previewHtml === undefined ? "markdown-field" : "markdown-field markdown-field--preview"}>
      <div className="markdown-field__input">
        <TextareaField
          name={name}
          id={fieldId}
          label={label}
          hint={t("markdown.hint")}
          rows={rows}
          required={required}
          error={error}
          defaultValue={defaultValue}
        />
        <button type="submit" name="intent" value={previewIntent} className="button button--secondary button--small">
          {t("markdown.preview")}
        </button>
      </div>
      {previewHtml !== undefined ? (
        <section className="markdown-field__preview card" aria-labelledby={`${fieldId}-preview`} role="status">
          <h3 id={`${fieldId}-preview`} className="markdown-field__preview-title">
            {t("markdown.previewTitle")}
          </h3>
          {previewHtml ? <SafeHtml html={previewHtml} className="rich-text" /> : <p>{t("markdown.previewEmpty")}</p>}
        </section>
      ) : null}
    </div>
  );
}

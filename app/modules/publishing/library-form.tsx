import { ErrorSummary, Field, SafeForm, fieldId, type FormErrors, TextareaField } from "~/components/form";
import { useT } from "~/i18n/i18n";
import { LIBRARY_TYPES, MONITORING_AREAS } from "./library.schema";
import { libraryAreaKey, libraryTypeKey } from "./ui";

export type EntryValues = Partial<
  Record<"title" | "year" | "type" | "area" | "description" | "parentId" | "position" | "url" | "published", string>
>;

function Select({
  name,
  label,
  value,
  options,
  error,
  required,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: FormErrors[string];
  required?: boolean;
}) {
  const t = useT();
  const id = fieldId(name);
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {label} <span className="field__req">({required ? t("form.required") : t("form.optional")})</span>
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {/* A required list starts with an empty choice (HTML: the placeholder option). */}
        {required && options[0]?.value !== "" ? <option value="">{t("form.choose")}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The organisers' form for a library entry (new and edit). */
export function LibraryEntryForm({
  values,
  errors,
  parents,
  submitLabel,
}: {
  values: EntryValues;
  errors: FormErrors;
  parents: { id: string; title: string; year: number | null }[];
  submitLabel: string;
}) {
  const t = useT();
  const labels = {
    title: t("library.field.title"),
    year: t("library.field.year"),
    type: t("library.field.type"),
    area: t("library.field.area"),
    description: t("library.field.description"),
    parentId: t("library.field.parent"),
    position: t("library.field.position"),
    url: t("library.field.url"),
  };
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <SafeForm noValidate>
        <input type="hidden" name="intent" value="save" />
        <Field name="title" label={labels.title} required error={errors.title} defaultValue={values.title ?? ""} />
        <Field
          name="year"
          label={labels.year}
          inputMode="numeric"
          error={errors.year}
          defaultValue={values.year ?? ""}
        />
        <Select
          name="type"
          label={labels.type}
          required
          value={values.type ?? "integrationsbericht"}
          error={errors.type}
          options={LIBRARY_TYPES.map((v) => ({ value: v, label: t(libraryTypeKey(v)) }))}
        />
        <Select
          name="area"
          label={labels.area}
          value={values.area ?? ""}
          error={errors.area}
          options={[
            { value: "", label: t("library.field.areaNone") },
            ...MONITORING_AREAS.map((v) => ({ value: v, label: t(libraryAreaKey(v)) })),
          ]}
        />
        <Select
          name="parentId"
          label={labels.parentId}
          value={values.parentId ?? ""}
          error={errors.parentId}
          options={[
            { value: "", label: t("library.field.parentNone") },
            ...parents.map((p) => ({ value: p.id, label: p.year ? `${p.title} (${p.year})` : p.title })),
          ]}
        />
        <TextareaField
          name="description"
          label={labels.description}
          rows={4}
          error={errors.description}
          defaultValue={values.description ?? ""}
        />
        <Field
          name="position"
          label={labels.position}
          inputMode="numeric"
          hint={t("library.field.positionHint")}
          error={errors.position}
          defaultValue={values.position ?? "0"}
        />
        <Field
          name="url"
          type="url"
          label={labels.url}
          hint={t("library.field.urlHint")}
          error={errors.url}
          defaultValue={values.url ?? ""}
        />
        <div className="field">
          <input id="field-published" type="checkbox" name="published" defaultChecked={values.published === "on"} />{" "}
          <label htmlFor="field-published">{t("library.field.published")}</label>
        </div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </SafeForm>
    </>
  );
}

import {
  ChoiceGroup,
  ErrorSummary,
  Field,
  SafeForm,
  SelectField,
  TextareaField,
  type FormErrors,
} from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";
import { INDICATOR_COMPARISONS, MONITORING_AREAS } from "./monitoring.schema";

export type IndicatorFormValues = Partial<
  Record<
    "name" | "area" | "definition" | "unit" | "decimals" | "source" | "comparison" | "fieldIds" | "published",
    string
  >
>;

/** The organisers' form for an indicator's description (new and edit); works without JavaScript. */
export function IndicatorForm({
  values,
  errors,
  fields,
  submitLabel,
  intent,
}: {
  values: IndicatorFormValues;
  errors: FormErrors;
  fields: { id: string; code: string; name: string }[];
  submitLabel: string;
  intent?: string;
}) {
  const t = useT();
  const labels: Record<string, string> = {
    name: t("monitoringAdmin.field.name"),
    area: t("monitoringAdmin.field.area"),
    definition: t("monitoringAdmin.field.definition"),
    unit: t("monitoringAdmin.field.unit"),
    decimals: t("monitoringAdmin.field.decimals"),
    source: t("monitoringAdmin.field.source"),
    comparison: t("monitoringAdmin.field.comparison"),
    fieldIds: t("monitoringAdmin.field.fields"),
  };
  return (
    <SafeForm>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Field
        name="name"
        label={labels.name!}
        required
        defaultValue={values.name ?? ""}
        maxLength={200}
        error={errors.name}
      />
      <SelectField
        name="area"
        label={labels.area!}
        required
        defaultValue={values.area ?? ""}
        error={errors.area}
        options={MONITORING_AREAS.map((a) => ({ value: a, label: t(`monitoring.area.${a}` as MessageKey) }))}
      />
      <TextareaField
        name="definition"
        label={labels.definition!}
        hint={t("monitoringAdmin.field.definitionHint")}
        defaultValue={values.definition ?? ""}
        maxLength={2000}
        rows={3}
        error={errors.definition}
      />
      <Field
        name="unit"
        label={labels.unit!}
        hint={t("monitoringAdmin.field.unitHint")}
        defaultValue={values.unit ?? ""}
        maxLength={60}
        error={errors.unit}
      />
      <Field
        name="decimals"
        label={labels.decimals!}
        hint={t("monitoringAdmin.field.decimalsHint")}
        type="number"
        min={0}
        max={3}
        inputMode="numeric"
        defaultValue={values.decimals ?? "1"}
        error={errors.decimals}
      />
      <Field
        name="source"
        label={labels.source!}
        defaultValue={values.source ?? ""}
        maxLength={500}
        error={errors.source}
      />
      <ChoiceGroup
        type="radio"
        name="comparison"
        label={labels.comparison!}
        required
        defaultValue={values.comparison ?? "nationality"}
        error={errors.comparison}
        options={INDICATOR_COMPARISONS.map((c) => ({
          value: c,
          label: t(`monitoringAdmin.comparison.${c}` as MessageKey),
        }))}
      />
      {fields.length ? (
        <ChoiceGroup
          type="checkbox"
          name="fieldIds"
          label={labels.fieldIds!}
          defaultValue={values.fieldIds ? values.fieldIds.split("\n") : []}
          error={errors.fieldIds}
          options={fields.map((f) => ({ value: f.id, label: `${f.code} – ${f.name}` }))}
        />
      ) : null}
      <div className="field">
        <input
          id="field-published"
          type="checkbox"
          name="published"
          defaultChecked={values.published === "on"}
          aria-describedby="field-published-hint"
        />{" "}
        <label htmlFor="field-published">{t("monitoringAdmin.field.published")}</label>
        <p className="field__hint" id="field-published-hint">
          {t("monitoringAdmin.field.publishedHint")}
        </p>
      </div>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </SafeForm>
  );
}

import { ErrorSummary, Field, SafeForm, type FormErrors, SelectField, TextareaField } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";
import { MarkdownField } from "~/components/markdown-field";
import { CONFERENCE_STATUSES } from "./conference.schema";

/** The "Vorschau" button of the description (the save button sends intent=conference). */
export const PREVIEW_INTENT = "previewDescription";

export type ConferenceFormValues = Partial<Record<string, string>>;

/** Create and edit share one form; times are Berlin wall-clock (datetime-local). */
export function ConferenceForm({
  values,
  errors,
  submitLabel,
  previewHtml,
}: {
  values: ConferenceFormValues;
  errors?: FormErrors;
  submitLabel: string;
  /** The description's rendering after "Vorschau" (nothing saved), see `previewConferenceDescription`. */
  previewHtml?: string;
}) {
  const t = useT();
  const labels: Record<string, string> = {
    year: t("admin.conferences.year"),
    title: t("admin.conference.title"),
    description: t("admin.conference.description"),
    startsAt: t("admin.conference.startsAt"),
    endsAt: t("admin.conference.endsAt"),
    venueName: t("admin.conference.venueName"),
    venueAddress: t("admin.conference.venueAddress"),
    venueAccessibility: t("admin.conference.venueAccessibility"),
    capacity: t("admin.conference.capacity"),
    registrationOpensAt: t("admin.conference.registrationOpensAt"),
    registrationClosesAt: t("admin.conference.registrationClosesAt"),
    status: t("admin.conferences.status"),
    holdHours: t("admin.conference.holdHours"),
    reminderDaysBefore: t("admin.conference.reminderDaysBefore"),
  };
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <SafeForm noValidate className="stack">
        <Field
          name="year"
          label={labels.year!}
          type="number"
          inputMode="numeric"
          required
          defaultValue={values.year}
          error={errors?.year}
        />
        <Field name="title" label={labels.title!} required defaultValue={values.title} error={errors?.title} />
        <MarkdownField
          rows={5}
          name="description"
          label={labels.description!}
          defaultValue={values.description}
          error={errors?.description}
          previewIntent={PREVIEW_INTENT}
          previewHtml={previewHtml}
        />
        <Field
          name="startsAt"
          label={labels.startsAt!}
          type="datetime-local"
          required
          defaultValue={values.startsAt}
          error={errors?.startsAt}
        />
        <Field
          name="endsAt"
          label={labels.endsAt!}
          type="datetime-local"
          required
          defaultValue={values.endsAt}
          error={errors?.endsAt}
        />
        <Field
          name="venueName"
          label={labels.venueName!}
          required
          defaultValue={values.venueName}
          error={errors?.venueName}
        />
        <Field
          name="venueAddress"
          label={labels.venueAddress!}
          required
          defaultValue={values.venueAddress}
          error={errors?.venueAddress}
        />
        <TextareaField
          rows={4}
          name="venueAccessibility"
          label={labels.venueAccessibility!}
          defaultValue={values.venueAccessibility}
          error={errors?.venueAccessibility}
        />
        <Field
          name="capacity"
          label={labels.capacity!}
          type="number"
          inputMode="numeric"
          min={1}
          required
          defaultValue={values.capacity}
          error={errors?.capacity}
        />
        <Field
          name="registrationOpensAt"
          label={labels.registrationOpensAt!}
          type="datetime-local"
          defaultValue={values.registrationOpensAt}
          error={errors?.registrationOpensAt}
        />
        <Field
          name="registrationClosesAt"
          label={labels.registrationClosesAt!}
          type="datetime-local"
          defaultValue={values.registrationClosesAt}
          error={errors?.registrationClosesAt}
        />
        <SelectField
          name="status"
          label={labels.status!}
          required
          hint={t("admin.conference.statusHint")}
          defaultValue={values.status ?? "draft"}
          error={errors?.status}
          options={CONFERENCE_STATUSES.map((s) => ({ value: s, label: t(`conference.status.${s}` as MessageKey) }))}
        />
        <Field
          name="holdHours"
          label={labels.holdHours!}
          type="number"
          inputMode="numeric"
          min={1}
          required
          defaultValue={values.holdHours ?? "48"}
          error={errors?.holdHours}
        />
        <Field
          name="reminderDaysBefore"
          label={labels.reminderDaysBefore!}
          type="number"
          inputMode="numeric"
          min={0}
          required
          defaultValue={values.reminderDaysBefore ?? "3"}
          error={errors?.reminderDaysBefore}
        />
        <button type="submit" name="intent" value="conference" className="button">
          {submitLabel}
        </button>
      </SafeForm>
    </>
  );
}

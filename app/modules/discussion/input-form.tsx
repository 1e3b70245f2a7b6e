import { Field } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { useLocale, useT } from "~/i18n/i18n";
import { formatTime } from "~/utils/time";

type Slot = { id: string; title: string; startsAt: string | Date };

/** The fields of a Fachinput (create and edit share them). */
export function InputFormFields({
  idPrefix,
  slots,
  values,
  errors,
}: {
  idPrefix: string;
  slots: Slot[];
  values?: Partial<Record<string, string>>;
  errors?: Partial<Record<string, MessageKey>>;
}) {
  const t = useT();
  const locale = useLocale();
  const id = (name: string) => `${idPrefix}-${name}`;
  const v = values ?? {};
  const textarea = (name: string, label: string, rows: number, hint?: string, required = false) => (
    <div className={errors?.[name] ? "field field--error" : "field"}>
      <label htmlFor={id(name)}>
        {label} <span className="field__req">({required ? t("form.required") : t("form.optional")})</span>
      </label>
      {hint ? (
        <p className="field__hint" id={`${id(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.[name] ? (
        <p className="field__error" id={`${id(name)}-error`}>
          {t(errors[name])}
        </p>
      ) : null}
      <textarea
        id={id(name)}
        name={name}
        rows={rows}
        defaultValue={v[name] ?? ""}
        aria-describedby={
          [hint ? `${id(name)}-hint` : "", errors?.[name] ? `${id(name)}-error` : ""].filter(Boolean).join(" ") ||
          undefined
        }
      />
    </div>
  );
  return (
    <>
      <Field
        id={id("title")}
        name="title"
        label={t("discussion.field.title")}
        required
        defaultValue={v.title ?? ""}
        error={errors?.title}
        maxLength={200}
      />
      {textarea("speakers", t("discussion.field.speakers"), 3, t("discussion.field.speakersHint"))}
      {textarea("abstract", t("discussion.field.abstract"), 5)}
      <div className="field">
        <label htmlFor={id("agendaItemId")}>
          {t("discussion.field.slot")} <span className="field__req">({t("form.optional")})</span>
        </label>
        <select id={id("agendaItemId")} name="agendaItemId" defaultValue={v.agendaItemId ?? ""}>
          <option value="">{t("discussion.field.slotNone")}</option>
          {slots.map((s) => (
            <option key={s.id} value={s.id}>
              {formatTime(s.startsAt, locale)} – {s.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t("discussion.field.moderation")}</legend>
        {(["pre", "post"] as const).map((mode) => (
          <div key={mode}>
            <input
              type="radio"
              id={id(`moderation-${mode}`)}
              name="moderation"
              value={mode}
              defaultChecked={(v.moderation ?? "pre") === mode}
            />{" "}
            <label htmlFor={id(`moderation-${mode}`)}>{t(`discussion.field.moderation.${mode}`)}</label>
          </div>
        ))}
      </fieldset>
      <p className="field__hint">{t("discussion.field.windowHint")}</p>
      <Field
        id={id("questionsOpenAt")}
        name="questionsOpenAt"
        type="datetime-local"
        label={t("discussion.field.openAt")}
        defaultValue={v.questionsOpenAt ?? ""}
        error={errors?.questionsOpenAt}
      />
      <Field
        id={id("questionsCloseAt")}
        name="questionsCloseAt"
        type="datetime-local"
        label={t("discussion.field.closeAt")}
        defaultValue={v.questionsCloseAt ?? ""}
        error={errors?.questionsCloseAt}
      />
    </>
  );
}

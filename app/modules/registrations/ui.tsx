import type { LinksFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { fieldId, type FormErrors } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { useLocale, useT } from "~/i18n/i18n";
import styles from "~/styles/registrations.css?url";
import { formatDate } from "~/utils/time";
import { ACCESSIBILITY_NEEDS } from "./registration.constants";

export const registrationLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export type Availability = { capacity: number; taken: number; free: number; waitlisted: number };
export type StateName = "open" | "notOpen" | "notYet" | "over" | "closed";

/** The registration state in words: "Noch 23 Plätze frei.", "Warteliste", "Anmeldung geschlossen." */
export function stateText(t: (k: MessageKey, v?: Record<string, string | number>) => string, state: StateName, availability: Availability, opensAt: string | Date | null, locale: string): string {
  if (state === "notYet" && opensAt) return t("registration.state.notYet", { date: formatDate(opensAt, locale) });
  if (state === "notOpen") return t("registration.state.notOpen");
  if (state === "over") return t("registration.state.over");
  if (state === "closed") return t("registration.state.closed");
  if (availability.free === 0) return t("registration.state.waitlist");
  return availability.free === 1 ? t("registration.state.freeOne") : t("registration.state.free", { count: availability.free });
}

function FieldError({ id, error }: { id: string; error?: MessageKey }) {
  const t = useT();
  return error ? (
    <p className="field__error" id={`${id}-error`}>
      {t(error)}
    </p>
  ) : null;
}

/** A group of radios or checkboxes: the legend names it, the error sits right under the legend. */
export function ChoiceGroup(props: { name: string; legend: string; required?: boolean; error?: MessageKey; hint?: ReactNode; children: ReactNode }) {
  const t = useT();
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={props.error ? "choice-group field--error" : "choice-group"} id={id} tabIndex={-1} aria-describedby={describedBy}>
      <legend>
        {props.legend} <span className="field__req">({props.required ? t("form.required") : t("form.optional")})</span>
      </legend>
      {props.hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} error={props.error} />
      {props.children}
    </fieldset>
  );
}

export function Choice(props: { type: "radio" | "checkbox"; name: string; value: string; label: ReactNode; checked?: boolean; id?: string; required?: boolean; describedBy?: string; invalid?: boolean }) {
  const id = props.id ?? `${fieldId(props.name)}-${props.value}`;
  return (
    <div className="choice">
      <input
        type={props.type}
        id={id}
        name={props.name}
        value={props.value}
        defaultChecked={props.checked}
        required={props.required}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export function TextArea(props: { name: string; label: string; hint?: string; error?: MessageKey; defaultValue?: string; maxLength?: number }) {
  const t = useT();
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {props.label} <span className="field__req">({t("form.optional")})</span>
      </label>
      {props.hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} error={props.error} />
      <textarea id={id} name={props.name} defaultValue={props.defaultValue} maxLength={props.maxLength} aria-invalid={props.error ? true : undefined} aria-describedby={describedBy} rows={3} />
    </div>
  );
}

export type NeedsValues = {
  accessibility: string[];
  accessibilityOther: string;
  dietaryNeeds: string;
  specialConsent: boolean;
  photoConsent: "yes" | "no" | "";
  documentationNews: boolean;
};

/** Accessibility and catering needs (Art. 9, under explicit consent), the photo consent and the optional mail about the documentation. */
export function NeedsFields({ values, errors, specialDays }: { values: NeedsValues; errors?: FormErrors; specialDays: number }) {
  const t = useT();
  const consentId = fieldId("specialConsent");
  return (
    <>
      <fieldset className="reg-fieldset">
        <legend>{t("registration.section.needs")}</legend>
        <p>{t("registration.needsLead", { days: specialDays })}</p>
        <ChoiceGroup name="accessibility" legend={t("registration.accessibility")} error={errors?.accessibility}>
          {ACCESSIBILITY_NEEDS.map((need) => (
            <Choice key={need} type="checkbox" name="accessibility" value={need} label={t(`registration.access.${need}` as MessageKey)} checked={values.accessibility.includes(need)} />
          ))}
        </ChoiceGroup>
        <TextArea name="accessibilityOther" label={t("registration.accessibilityOther")} defaultValue={values.accessibilityOther} error={errors?.accessibilityOther} maxLength={500} />
        <TextArea name="dietaryNeeds" label={t("registration.dietaryNeeds")} hint={t("registration.dietaryHint")} defaultValue={values.dietaryNeeds} error={errors?.dietaryNeeds} maxLength={500} />
        <div className={errors?.specialConsent ? "field field--error" : "field"}>
          <FieldError id={consentId} error={errors?.specialConsent} />
          <Choice
            type="checkbox"
            name="specialConsent"
            value="on"
            id={consentId}
            checked={values.specialConsent}
            label={t("registration.specialConsent")}
            describedBy={errors?.specialConsent ? `${consentId}-error` : undefined}
            invalid={Boolean(errors?.specialConsent)}
          />
        </div>
      </fieldset>
      <ChoiceGroup name="photoConsent" legend={t("registration.photoConsent")} required error={errors?.photoConsent}>
        <Choice type="radio" name="photoConsent" value="yes" label={t("registration.photo.yes")} checked={values.photoConsent === "yes"} required />
        <Choice type="radio" name="photoConsent" value="no" label={t("registration.photo.no")} checked={values.photoConsent === "no"} required />
      </ChoiceGroup>
      <ChoiceGroup name="documentationNews" legend={t("registration.documentationNews")} hint={t("registration.documentationNewsHint")}>
        <Choice type="checkbox" name="documentationNews" value="on" label={t("registration.documentationNewsConsent")} checked={values.documentationNews} />
      </ChoiceGroup>
    </>
  );
}

export function useDate() {
  const locale = useLocale();
  return (d: string | Date) => formatDate(d, locale);
}

/** A manage link that does not (or no longer) exist. */
export function InvalidLink() {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t("registration.manage.title")}</h1>
      <p className="notice notice--warn">{t("registration.manage.invalid")}</p>
    </div>
  );
}

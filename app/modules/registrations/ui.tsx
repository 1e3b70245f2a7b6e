import type { LinksFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, fieldId, type FormErrors, TextareaField } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { useLocale, useT } from "~/i18n/i18n";
import styles from "~/styles/registrations.css?url";
import { formatDate } from "~/utils/time";
import { ACCESSIBILITY_NEEDS, ORGANISATION_TYPES } from "./registration.constants";

export const registrationLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export type Availability = { capacity: number; taken: number; free: number; waitlisted: number };
export type StateName = "open" | "notOpen" | "notYet" | "over" | "closed";

/** The registration state in words: "Noch 23 Plätze frei.", "Warteliste", "Anmeldung geschlossen." */
export function stateText(
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
  state: StateName,
  availability: Availability,
  opensAt: string | Date | null,
  locale: string,
): string {
  if (state === "notYet" && opensAt) return t("registration.state.notYet", { date: formatDate(opensAt, locale) });
  if (state === "notOpen") return t("registration.state.notOpen");
  if (state === "over") return t("registration.state.over");
  if (state === "closed") return t("registration.state.closed");
  if (availability.free === 0) return t("registration.state.waitlist");
  return availability.free === 1
    ? t("registration.state.freeOne")
    : t("registration.state.free", { count: availability.free });
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
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  required?: boolean;
  error?: MessageKey;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const id = fieldId(props.name);
  const describedBy =
    [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={props.error ? "choice-group field--error" : "choice-group"}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy}
    >
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

export function Choice(props: {
  type: "radio" | "checkbox";
  name: string;
  value: string;
  label: ReactNode;
  checked?: boolean;
  id?: string;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
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

type T = ReturnType<typeof useT>;

/** The field names of a registration form for the error summary. */
export function registrationLabels(t: T): Record<string, string> {
  return {
    firstName: t("registration.firstName"),
    lastName: t("registration.lastName"),
    latinName: t("registration.latinName"),
    email: t("registration.email"),
    organisation: t("registration.organisation"),
    organisationType: t("registration.organisationType"),
    jobTitle: t("registration.jobTitle"),
    forumId: t("registration.forum"),
    accessibility: t("registration.accessibility"),
    accessibilityOther: t("registration.accessibilityOther"),
    dietaryNeeds: t("registration.dietaryNeeds"),
    specialConsent: t("registration.section.needs"),
    photoConsent: t("registration.photoConsent"),
    documentationNews: t("registration.documentationNews"),
    privacyConsent: t("registration.privacy"),
  };
}

/**
 * Name, address, organisation, its type and the function: the same fields on the public form and
 * the organisers' form (where the browser must not fill in the organiser's own details).
 */
export function PersonFields(props: {
  legend: string;
  labels: Record<string, string>;
  values: Record<string, string>;
  errors?: FormErrors;
  emailHint: string;
  autoFill?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const { labels, values, errors } = props;
  const auto = (token: string) => (props.autoFill === false ? "off" : token);
  const orgId = fieldId("organisationType");
  return (
    <fieldset className="reg-fieldset">
      <legend>{props.legend}</legend>
      <Field
        name="firstName"
        label={labels.firstName!}
        required
        autoComplete={auto("given-name")}
        maxLength={100}
        defaultValue={values.firstName}
        error={errors?.firstName}
      />
      <Field
        name="lastName"
        label={labels.lastName!}
        required
        autoComplete={auto("family-name")}
        maxLength={100}
        defaultValue={values.lastName}
        error={errors?.lastName}
      />
      <Field
        name="latinName"
        label={labels.latinName!}
        autoComplete="off"
        maxLength={200}
        hint={t("registration.latinNameHint")}
        defaultValue={values.latinName}
        error={errors?.latinName}
      />
      <Field
        name="email"
        label={labels.email!}
        type="email"
        required
        autoComplete={auto("email")}
        maxLength={254}
        hint={props.emailHint}
        defaultValue={values.email}
        error={errors?.email}
      />
      <Field
        name="organisation"
        label={labels.organisation!}
        required
        autoComplete={auto("organization")}
        maxLength={200}
        defaultValue={values.organisation}
        error={errors?.organisation}
      />
      <div className={errors?.organisationType ? "field field--error" : "field"}>
        <label htmlFor={orgId}>
          {labels.organisationType} <span className="field__req">({t("form.required")})</span>
        </label>
        {errors?.organisationType ? (
          <p className="field__error" id={`${orgId}-error`}>
            {t(errors.organisationType)}
          </p>
        ) : null}
        <select
          id={orgId}
          name="organisationType"
          required
          defaultValue={values.organisationType ?? ""}
          aria-invalid={errors?.organisationType ? true : undefined}
          aria-describedby={errors?.organisationType ? `${orgId}-error` : undefined}
        >
          <option value="">{t("registration.orgType.choose")}</option>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`registration.orgType.${type}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <Field
        name="jobTitle"
        label={labels.jobTitle!}
        autoComplete={auto("organization-title")}
        maxLength={200}
        defaultValue={values.jobTitle}
        error={errors?.jobTitle}
      />
      {props.children}
    </fieldset>
  );
}

export type ForumOption = { id: string; title: string; capacity: number; free: number };

/** The forum choice with the free seats of each forum. */
export function ForumFields(props: {
  legend: string;
  label: string;
  forums: ForumOption[];
  value?: string;
  error?: MessageKey;
}) {
  const t = useT();
  return (
    <fieldset className="reg-fieldset">
      <legend>{props.legend}</legend>
      <ChoiceGroup name="forumId" legend={props.label} error={props.error}>
        <Choice
          type="radio"
          name="forumId"
          value=""
          id={`${fieldId("forumId")}-none`}
          label={t("registration.forum.none")}
          checked={!props.value}
        />
        {props.forums.map((f) => (
          <Choice
            key={f.id}
            type="radio"
            name="forumId"
            value={f.id}
            checked={props.value === f.id}
            label={
              <>
                <span dir="auto">{f.title}</span>{" "}
                <span className="field__req">
                  (
                  {f.free > 0
                    ? t("registration.forumSeats", { free: f.free, capacity: f.capacity })
                    : t("registration.forumFull")}
                  )
                </span>
              </>
            }
          />
        ))}
      </ChoiceGroup>
    </fieldset>
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

/** The needs part of a form's values as posted back (multiple choices joined by line breaks). */
export function needsFormValues(values: Record<string, string>): NeedsValues {
  return {
    accessibility: (values.accessibility ?? "").split("\n").filter(Boolean),
    accessibilityOther: values.accessibilityOther ?? "",
    dietaryNeeds: values.dietaryNeeds ?? "",
    specialConsent: values.specialConsent === "on",
    photoConsent: values.photoConsent === "yes" || values.photoConsent === "no" ? values.photoConsent : "",
    documentationNews: values.documentationNews === "on",
  };
}

/** The wording of the needs part: the person's own words (organisers record them in theirs). */
export type NeedsWords = { lead: MessageKey; special: MessageKey; yes: MessageKey; no: MessageKey };
const PERSON_WORDS: NeedsWords = {
  lead: "registration.needsLead",
  special: "registration.specialConsent",
  yes: "registration.photo.yes",
  no: "registration.photo.no",
};

/** Accessibility and catering needs (Art. 9, under explicit consent), the photo consent and the optional mail about the documentation. */
export function NeedsFields({
  values,
  errors,
  specialDays,
  words = PERSON_WORDS,
}: {
  values: NeedsValues;
  errors?: FormErrors;
  specialDays: number;
  words?: NeedsWords;
}) {
  const t = useT();
  const consentId = fieldId("specialConsent");
  return (
    <>
      <fieldset className="reg-fieldset">
        <legend>{t("registration.section.needs")}</legend>
        <p>{t(words.lead, { days: specialDays })}</p>
        <ChoiceGroup name="accessibility" legend={t("registration.accessibility")} error={errors?.accessibility}>
          {ACCESSIBILITY_NEEDS.map((need) => (
            <Choice
              key={need}
              type="checkbox"
              name="accessibility"
              value={need}
              label={t(`registration.access.${need}` as MessageKey)}
              checked={values.accessibility.includes(need)}
            />
          ))}
        </ChoiceGroup>
        <TextareaField
          rows={3}
          name="accessibilityOther"
          label={t("registration.accessibilityOther")}
          defaultValue={values.accessibilityOther}
          error={errors?.accessibilityOther}
          maxLength={500}
        />
        <TextareaField
          rows={3}
          name="dietaryNeeds"
          label={t("registration.dietaryNeeds")}
          hint={t("registration.dietaryHint")}
          defaultValue={values.dietaryNeeds}
          error={errors?.dietaryNeeds}
          maxLength={500}
        />
        <div className={errors?.specialConsent ? "field field--error" : "field"}>
          <FieldError id={consentId} error={errors?.specialConsent} />
          <Choice
            type="checkbox"
            name="specialConsent"
            value="on"
            id={consentId}
            checked={values.specialConsent}
            label={t(words.special)}
            describedBy={errors?.specialConsent ? `${consentId}-error` : undefined}
            invalid={Boolean(errors?.specialConsent)}
          />
        </div>
      </fieldset>
      <ChoiceGroup name="photoConsent" legend={t("registration.photoConsent")} required error={errors?.photoConsent}>
        <Choice
          type="radio"
          name="photoConsent"
          value="yes"
          label={t(words.yes)}
          checked={values.photoConsent === "yes"}
          required
        />
        <Choice
          type="radio"
          name="photoConsent"
          value="no"
          label={t(words.no)}
          checked={values.photoConsent === "no"}
          required
        />
      </ChoiceGroup>
      <ChoiceGroup
        name="documentationNews"
        legend={t("registration.documentationNews")}
        hint={t("registration.documentationNewsHint")}
      >
        <Choice
          type="checkbox"
          name="documentationNews"
          value="on"
          label={t("registration.documentationNewsConsent")}
          checked={values.documentationNews}
        />
      </ChoiceGroup>
    </>
  );
}

/** The privacy notice and the required agreement to it (the person's own, or recorded by an organiser). */
export function PrivacyConsent(props: { text: string; label: string; checked: boolean; error?: MessageKey }) {
  const t = useT();
  const id = fieldId("privacyConsent");
  return (
    <fieldset className={props.error ? "reg-fieldset reg-fieldset--error" : "reg-fieldset"}>
      <legend>{t("registration.privacy")}</legend>
      <p>{props.text}</p>
      <p>
        <Link to="/datenschutz">{t("registration.privacyLink")}</Link>
      </p>
      {props.error ? (
        <p className="field__error" id={`${id}-error`}>
          {t(props.error)}
        </p>
      ) : null}
      <Choice
        type="checkbox"
        name="privacyConsent"
        value="on"
        id={id}
        required
        checked={props.checked}
        label={
          <>
            {props.label} <span className="field__req">({t("form.required")})</span>
          </>
        }
        describedBy={props.error ? `${id}-error` : undefined}
        invalid={Boolean(props.error)}
      />
    </fieldset>
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

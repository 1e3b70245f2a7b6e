import { ErrorSummary, SafeForm, type FormErrors, SelectField } from "~/components/form";
import { useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/catalog";
import { locales } from "~/i18n/locales";
import { CONSENT_VERSIONS } from "./registration.constants";
import {
  ForumFields,
  NeedsFields,
  needsFormValues,
  PersonFields,
  PrivacyConsent,
  registrationLabels,
  type ForumOption,
  type NeedsWords,
} from "./ui";

/** The person's consents, as the organiser records them. */
const ORGANISER_WORDS: NeedsWords = {
  lead: "participants.hand.needsLead",
  special: "participants.hand.specialConsent",
  yes: "participants.hand.photo.yes",
  no: "participants.hand.photo.no",
};

/**
 * The organisers' registration form: the public form's fields in the organiser's words, the
 * language of the person's mails and — when adding — the recorded agreement to the privacy notice.
 * A plain form (works without JavaScript); after a failed submit the summary takes the focus.
 */
export function OrganiserRegistrationForm(props: {
  intent: "add" | "edit";
  values: Record<string, string>;
  errors?: FormErrors;
  forums: ForumOption[];
  specialDays: number;
  submitLabel: string;
}) {
  const t = useT();
  const { values, errors } = props;
  const labels = {
    ...registrationLabels(t),
    forumId: t("participants.hand.forum"),
    locale: t("participants.hand.locale"),
    privacyConsent: t("registration.privacy"),
  };
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <SafeForm noValidate>
        <input type="hidden" name="intent" value={props.intent} />
        <PersonFields
          legend={t("participants.hand.section.person")}
          labels={labels}
          values={values}
          errors={errors}
          emailHint={t("participants.hand.emailHint")}
          autoFill={false}
        >
          <SelectField
            name="locale"
            label={labels.locale}
            required
            defaultValue={values.locale ?? "de"}
            error={errors?.locale}
            options={locales.map((l) => ({ value: l, label: t(`participants.hand.locale.${l}` as MessageKey) }))}
          />
        </PersonFields>
        {props.forums.length ? (
          <ForumFields
            legend={t("registration.section.forum")}
            label={labels.forumId}
            forums={props.forums}
            value={values.forumId}
            error={errors?.forumId}
          />
        ) : null}
        <NeedsFields
          specialDays={props.specialDays}
          errors={errors}
          values={needsFormValues(values)}
          words={ORGANISER_WORDS}
        />
        {props.intent === "add" ? (
          <PrivacyConsent
            text={t("participants.hand.privacyText", { version: CONSENT_VERSIONS.privacy })}
            label={t("participants.hand.privacyConsent")}
            checked={values.privacyConsent === "on"}
            error={errors?.privacyConsent}
          />
        ) : null}
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
      </SafeForm>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, SafeForm, type FormErrors } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { getPublicConference } from "~/modules/conferences/conferences.server";
import { registrationSchema } from "~/modules/registrations/registration.schema";
import { getAvailability, registrationState } from "~/modules/registrations/seats.server";
import { register } from "~/modules/registrations/register.server";
import {
  ForumFields,
  NeedsFields,
  needsFormValues,
  PersonFields,
  PrivacyConsent,
  registrationLabels,
  registrationLinks,
  stateText,
} from "~/modules/registrations/ui";
import { hitAll } from "~/modules/security/rate-limit.server";
import { retentionSettings } from "~/modules/privacy/retention.server";
import { invalid, parseForm, rateLimited } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatDate, formatDateTime } from "~/utils/time";

export const links = registrationLinks;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("registration.title", { title: data.conference.title }) : "error.notFound.title"),
];

/** Generous per IP (a whole office behind one address), tight per address (each attempt sends a mail). */
const RULES = {
  // Generous: a city hall or a school registers many colleagues from one NAT address.
  perIp: { name: "register-ip", limit: 200, windowMs: 15 * 60_000 },
  perEmail: { name: "register-email", limit: 5, windowMs: 60 * 60_000 },
};

async function load(yearParam: string | undefined) {
  const year = Number(yearParam);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) notFound();
  const found = await getPublicConference(year);
  if (!found) notFound();
  return found;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { conference, forums } = await load(params.year);
  const availability = await getAvailability(conference.id, { capacity: conference.capacity, forums });
  return {
    conference: {
      year: conference.year,
      title: conference.title,
      startsAt: conference.startsAt,
      registrationOpensAt: conference.registrationOpensAt,
      registrationClosesAt: conference.registrationClosesAt,
      holdHours: conference.holdHours,
    },
    state: registrationState(conference),
    availability,
    retention: { specialDays: retentionSettings().specialCategoryDays, contactDays: retentionSettings().anonymiseDays },
    forums: availability.forums.length
      ? availability.forums
      : forums.map((f) => ({ ...f, taken: 0, free: f.capacity })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { conference } = await load(params.year);
  const result = await parseForm(request, context, registrationSchema);
  if (!result.ok) return invalid(result);
  const limit = await hitAll([
    [RULES.perIp, context.clientIp],
    [RULES.perEmail, `${conference.id}:${result.data.email.toLowerCase()}`],
  ]);
  if (!limit.allowed) return rateLimited(limit.retryAfterSeconds, result.values);
  const outcome = await register({ conferenceId: conference.id, data: result.data, locale: await getLocale(request) });
  if (!outcome.ok) {
    const values = Object.fromEntries(
      [...result.form].filter(([k, v]) => typeof v === "string" && k !== "_csrf").map(([k, v]) => [k, String(v)]),
    );
    if (outcome.reason === "closed")
      return data({ ok: false as const, closed: true, errors: {} as FormErrors, values }, { status: 409 });
    const error: MessageKey =
      outcome.reason === "forumFull" ? "registration.errors.forumFull" : "registration.errors.forum";
    return invalid({ errors: { forumId: error }, values });
  }
  // The same answer whether the address was new, already registered, on the waitlist or a bot:
  // 303 to "check your inbox" (a public page, served from the page cache; reloading it sends nothing).
  throw redirect(`/konferenzen/${conference.year}/anmeldung?${SENT}=1`, 303);
}

const SENT = "gesendet";

export default function RegistrationPage() {
  const t = useT();
  const locale = useLocale();
  const { conference, state, availability, forums, retention } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();

  if (params.has(SENT)) {
    return (
      <div className="narrow">
        <h1>{t("registration.doneTitle")}</h1>
        <p className="notice" role="status">
          {t("registration.doneText", { hours: conference.holdHours })}
        </p>
        <p>
          <Link to={`/konferenzen/${conference.year}`}>{t("registration.backToConference")}</Link>
        </p>
      </div>
    );
  }

  const closedNow = (actionData && "closed" in actionData && actionData.closed) || state !== "open";
  if (closedNow) {
    const why =
      state === "notYet" && conference.registrationOpensAt
        ? t("registration.closedWhy.notYet", { date: formatDateTime(conference.registrationOpensAt, locale) })
        : state === "over" && conference.registrationClosesAt
          ? t("registration.closedWhy.over", { date: formatDateTime(conference.registrationClosesAt, locale) })
          : state === "over"
            ? t("registration.state.over")
            : state === "notOpen"
              ? t("registration.state.notOpen")
              : t("registration.closedWhy.status");
    return (
      <div className="narrow">
        <h1>{t("registration.closedTitle")}</h1>
        <p className="lead">{conference.title}</p>
        <p className="notice notice--warn">{t("registration.closedLead")}</p>
        <p>{why}</p>
        <p>{t("registration.closedContact")}</p>
        <p>
          <Link to={`/konferenzen/${conference.year}`}>{t("registration.backToConference")}</Link>
        </p>
      </div>
    );
  }

  const errors = actionData && !actionData.ok ? (actionData.errors as FormErrors) : undefined;
  const values: Record<string, string> = actionData && !actionData.ok ? actionData.values : {};
  const labels = registrationLabels(t);
  const full = availability.free === 0;

  return (
    <div className="prose">
      <h1>{t("registration.title", { title: conference.title })}</h1>
      <p className="lead">{t("registration.lead")}</p>
      <p className="reg-state">{stateText(t, state, availability, conference.registrationOpensAt, locale)}</p>
      {conference.registrationClosesAt ? (
        <p>{t("registration.state.until", { date: formatDate(conference.registrationClosesAt, locale) })}</p>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <SafeForm noValidate data-draft="anmeldung">
        <PersonFields
          legend={t("registration.section.person")}
          labels={labels}
          values={values}
          errors={errors}
          emailHint={t("registration.emailHint")}
        />
        {forums.length ? (
          <ForumFields
            legend={t("registration.section.forum")}
            label={labels.forumId!}
            forums={forums}
            value={values.forumId}
            error={errors?.forumId}
          />
        ) : null}

        <NeedsFields specialDays={retention.specialDays} errors={errors} values={needsFormValues(values)} />

        <PrivacyConsent
          text={t("registration.privacyText", { days: retention.contactDays })}
          label={t("registration.privacyConsent")}
          checked={values.privacyConsent === "on"}
          error={errors?.privacyConsent}
        />

        <div className="reg-hp" aria-hidden="true">
          <label htmlFor="field-website">{t("registration.website")}</label>
          <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <button type="submit" className="button" disabled={busy}>
          {full ? t("registration.waitlistSubmit") : t("registration.submit")}
        </button>
      </SafeForm>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useRouteError,
  useSearchParams,
} from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { z } from "zod";
import { ErrorSummary, SafeForm, type FormErrors } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { needsSchema } from "~/modules/registrations/registration.schema";
import { changeForum, findByManageToken, updateNeeds } from "~/modules/registrations/manage.server";
import { LIVE_STATUSES } from "~/modules/registrations/seats.server";
import { Choice, ChoiceGroup, InvalidLink, NeedsFields, registrationLinks } from "~/modules/registrations/ui";
import { retentionSettings } from "~/modules/privacy/retention.server";
import { checkinUrl } from "~/modules/attendance/checkin.server";
import { qrSvgDataUrl } from "~/modules/attendance/qr.server";
import { invalid, parseForm } from "~/server/form.server";
import { formatDate, formatDateTime } from "~/utils/time";

export const links = registrationLinks;
export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, "registration.manage.title"),
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findByManageToken(params.token ?? "");
  if (!found) throw data({ invalid: true }, { status: 404 });
  const { registration: r, conference: c } = found;
  return {
    token: params.token!,
    conference: {
      year: c.year,
      title: c.title,
      startsAt: c.startsAt,
      venueName: c.venueName,
      venueAddress: c.venueAddress,
    },
    registration: {
      status: r.status,
      firstName: r.firstName,
      lastName: r.lastName,
      latinName: r.latinName,
      email: r.email,
      organisation: r.organisation,
      organisationType: r.organisationType,
      jobTitle: r.jobTitle,
      forumId: r.forumId,
      holdExpiresAt: r.holdExpiresAt,
      accessibility: r.accessibilityNeeds,
      accessibilityOther: r.accessibilityOther,
      dietaryNeeds: r.dietaryNeeds,
      specialConsent: r.specialConsentAt !== null,
      photoConsent: r.photoConsent,
      documentationNews: r.documentationNewsAt !== null,
    },
    position: found.position,
    forums: found.forums,
    live: (LIVE_STATUSES as readonly string[]).includes(r.status),
    retention: { specialDays: retentionSettings().specialCategoryDays },
    // The check-in QR code carries no personal data (see app/modules/attendance/checkin.server.ts).
    checkinQr: r.status === "confirmed" ? await qrSvgDataUrl(checkinUrl(c.year, r.id)) : null,
    checkedIn: r.checkedInAt !== null,
  };
}

const forumSchema = z.object({
  intent: z.literal("forum"),
  forumId: z.union([z.literal(""), z.uuid({ error: "registration.errors.forum" })]).default(""),
});
const schema = z.discriminatedUnion("intent", [forumSchema, needsSchema]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const found = await findByManageToken(params.token ?? "");
  if (!found) throw data({ invalid: true }, { status: 404 });
  const result = await parseForm(request, context, schema);
  if (!result.ok) return invalid(result);
  if (result.data.intent === "forum") {
    const outcome = await changeForum(found.registration.id, result.data.forumId || null);
    if (outcome !== "changed") {
      const error: MessageKey = outcome === "full" ? "registration.errors.forumFull" : "registration.errors.forum";
      return invalid({ errors: { forumId: error }, values: { forumId: result.data.forumId } });
    }
    return data({ ok: true as const, done: "forum" as const });
  }
  await updateNeeds(found.registration.id, result.data);
  return data({ ok: true as const, done: "needs" as const });
}

export default function ManageRegistration() {
  const t = useT();
  const locale = useLocale();
  const {
    token,
    conference,
    registration: r,
    position,
    forums,
    live,
    retention,
    checkinQr,
    checkedIn,
  } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = acted && !acted.ok ? (acted.errors as FormErrors) : undefined;
  const base = `/meine-anmeldung/${token}`;
  const statusText =
    r.status === "held"
      ? t("registration.manage.status.held", { date: r.holdExpiresAt ? formatDateTime(r.holdExpiresAt, locale) : "" })
      : r.status === "waitlisted"
        ? t("registration.manage.status.waitlisted", { position })
        : t(`registration.manage.status.${r.status}` as MessageKey);
  const forumTitle = forums.find((f) => f.id === r.forumId)?.title;

  return (
    <div className="prose">
      <h1>{t("registration.manage.title")}</h1>
      <p className="lead">
        {/* The title is German content: isolated, so an Arabic date beside it keeps its order. */}
        <bdi lang={locale === "de" ? undefined : "de"}>{conference.title}</bdi> ·{" "}
        <bdi>{formatDate(conference.startsAt, locale)}</bdi>
      </p>
      {params.has("bestaetigt") && r.status === "confirmed" ? (
        <p className="notice" role="status">
          {t("registration.manage.confirmed")}
        </p>
      ) : null}
      {acted?.ok ? (
        <p className="notice" role="status">
          {t(acted.done === "forum" ? "registration.manage.forumChanged" : "registration.manage.needsSaved")}
        </p>
      ) : null}
      <ErrorSummary
        errors={errors}
        labels={{
          forumId: t("registration.forum"),
          specialConsent: t("registration.section.needs"),
          photoConsent: t("registration.photoConsent"),
        }}
      />

      <section aria-labelledby="status-title" className="card card--highlight">
        <h2 id="status-title">{t("registration.manage.status")}</h2>
        <p className="reg-state">{statusText}</p>
        {r.status === "confirmed" || r.status === "held" ? (
          <p>
            <a href={`${base}/kalender.ics`} download>
              {t("registration.manage.calendar")}
            </a>
          </p>
        ) : null}
      </section>

      {checkinQr ? (
        <section aria-labelledby="checkin-title" className="card">
          <h2 id="checkin-title">{t("checkin.qrTitle")}</h2>
          <p>{t("checkin.qrHint")}</p>
          <img src={checkinQr} alt={t("checkin.qrAlt")} width={200} height={200} className="checkin-qr" />
          <p>
            {checkedIn ? (
              <a href={`${base}/bescheinigung.pdf`} download>
                {t("certificate.download")}
              </a>
            ) : (
              t("certificate.afterCheckin")
            )}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("registration.manage.details")}</h2>
        <dl className="reg-dl">
          <dt>{t("registration.manage.name")}</dt>
          <dd>
            {r.firstName} {r.lastName}
            {r.latinName ? <> ({r.latinName})</> : null}
          </dd>
          <dt>{t("registration.email")}</dt>
          <dd>{r.email}</dd>
          <dt>{t("registration.organisation")}</dt>
          <dd>
            {r.organisation} ({t(`registration.orgType.${r.organisationType}` as MessageKey)})
          </dd>
          <dt>{t("registration.jobTitle")}</dt>
          <dd>{r.jobTitle || t("registration.manage.none")}</dd>
          {forums.length ? (
            <>
              <dt>{t("registration.section.forum")}</dt>
              <dd>{forumTitle ?? t("registration.forum.none")}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {live && forums.length ? (
        <section aria-labelledby="forum-title">
          <h2 id="forum-title">{t("registration.manage.changeForum")}</h2>
          <SafeForm>
            <input type="hidden" name="intent" value="forum" />
            <ChoiceGroup name="forumId" legend={t("registration.forum")} error={errors?.forumId}>
              <Choice
                type="radio"
                name="forumId"
                value=""
                id="field-forumId-none"
                label={t("registration.forum.none")}
                checked={!r.forumId}
              />
              {forums.map((f) => (
                <Choice
                  key={f.id}
                  type="radio"
                  name="forumId"
                  value={f.id}
                  label={f.title}
                  checked={r.forumId === f.id}
                />
              ))}
            </ChoiceGroup>
            <button type="submit" className="button button--secondary">
              {t("registration.manage.changeForumSubmit")}
            </button>
          </SafeForm>
        </section>
      ) : null}

      <section aria-labelledby="needs-title">
        <h2 id="needs-title">{t("registration.manage.needsTitle")}</h2>
        <SafeForm noValidate>
          <input type="hidden" name="intent" value="needs" />
          <NeedsFields
            specialDays={retention.specialDays}
            errors={errors}
            values={{
              accessibility: r.accessibility,
              accessibilityOther: r.accessibilityOther,
              dietaryNeeds: r.dietaryNeeds,
              specialConsent: r.specialConsent,
              photoConsent: r.photoConsent ? "yes" : "no",
              documentationNews: r.documentationNews,
            }}
          />
          <button type="submit" className="button button--secondary">
            {t("registration.manage.needsSubmit")}
          </button>
        </SafeForm>
      </section>

      {r.status === "confirmed" ? (
        <p>
          <Link to={`${base}/fragen`}>{t("discussion.join")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="data-title">
        <h2 id="data-title">{t("registration.manage.yourData")}</h2>
        <ul className="reg-list">
          <li>
            <a href={`${base}/daten.json`} download>
              {t("registration.manage.download")}
            </a>
          </li>
          {live ? (
            <li>
              <Link to={`${base}/abmelden`}>{t("registration.manage.cancel")}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`${base}/loeschen`}>{t("registration.manage.delete")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <InvalidLink />;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

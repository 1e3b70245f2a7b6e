import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, SafeForm, type FormErrors, TextareaField } from "~/components/form";
import { pageTitle, useGermanContent, useLocale, useT } from "~/i18n/i18n";
import { feedbackSchema } from "~/modules/accessibility/statement.schema";
import { getStatement, sendFeedback } from "~/modules/accessibility/statement.server";
import { lines } from "~/modules/accessibility/ui";
import { hitAll } from "~/modules/security/rate-limit.server";
import { env } from "~/utils/env.server";
import { invalid, parseForm, rateLimited } from "~/server/form.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "a11y.statement.title")];

// Feedback: 5 messages per client IP per hour (a venue behind one NAT still gets through a few).
const FEEDBACK_PER_IP = { name: "a11y-feedback-ip", limit: 5, windowMs: 60 * 60_000 };

export async function loader(_: LoaderFunctionArgs) {
  return { statement: await getStatement(), siteUrl: env.APP_URL };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const result = await parseForm(request, context, feedbackSchema);
  if (!result.ok) return invalid(result);
  const limit = await hitAll([[FEEDBACK_PER_IP, context.clientIp]]);
  if (!limit.allowed)
    return rateLimited(limit.retryAfterSeconds, {
      message: result.data.message,
      page: result.data.page,
      name: result.data.name,
      email: result.data.email,
    });
  // A filled honeypot gets the same answer and sends nothing.
  if (!result.data.website) await sendFeedback(result.data);
  return data({ ok: true as const, errors: {} as FormErrors, values: {} as Record<string, string> });
}

export default function AccessibilityStatement() {
  const t = useT();
  const locale = useLocale();
  const de = useGermanContent();
  const { statement, siteUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values: Record<string, string> = result && !result.ok ? result.values : {};
  const barriers = lines(statement.knownBarriers);
  const alternatives = lines(statement.alternatives);
  const labels = {
    message: t("a11y.feedback.message"),
    page: t("a11y.feedback.page"),
    name: t("a11y.feedback.name"),
    email: t("a11y.feedback.email"),
  };
  return (
    <article className="prose">
      <h1>{t("a11y.statement.title")}</h1>
      <p className="lead">{t("a11y.statement.lead")}</p>
      <p>{t("a11y.statement.scope", { url: siteUrl })}</p>

      <h2>{t("a11y.statement.status")}</h2>
      <p>{t(`a11y.conformity.${statement.conformity as "full" | "partial" | "none"}`)}</p>

      <h2>{t("a11y.statement.barriers")}</h2>
      {barriers.length ? (
        <ul {...de}>
          {barriers.map((b, i) => (
            <li key={i}>{b}</li>
          ))}
        </ul>
      ) : (
        <p>{t("a11y.statement.noBarriers")}</p>
      )}
      {alternatives.length ? (
        <>
          <h2>{t("a11y.statement.alternatives")}</h2>
          <ul {...de}>
            {alternatives.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("a11y.statement.dates")}</h2>
      <p>
        {t("a11y.statement.datesText", {
          prepared: formatDate(`${statement.preparedOn}T12:00:00Z`, locale),
          reviewed: formatDate(`${statement.reviewedOn}T12:00:00Z`, locale),
        })}
      </p>

      <h2 id="feedback">{t("a11y.statement.feedback")}</h2>
      <p>{t("a11y.statement.feedbackLead")}</p>
      {statement.contactEmail ? (
        <p>
          {t("a11y.statement.contact")} <a href={`mailto:${statement.contactEmail}`}>{statement.contactEmail}</a>
        </p>
      ) : null}
      {result?.ok ? (
        <p className="notice" role="status">
          {t("a11y.feedback.sent")}
        </p>
      ) : (
        <>
          <ErrorSummary errors={errors} labels={labels} />
          <SafeForm className="stack" action="/barrierefreiheit#feedback">
            <TextareaField
              rows={5}
              name="message"
              label={labels.message}
              hint={t("a11y.feedback.messageHint")}
              required
              maxLength={3000}
              defaultValue={values.message}
              error={errors?.message}
            />
            <Field
              name="page"
              label={labels.page}
              hint={t("a11y.feedback.pageHint")}
              maxLength={300}
              defaultValue={values.page}
              error={errors?.page}
            />
            <Field
              name="name"
              label={labels.name}
              autoComplete="name"
              maxLength={120}
              defaultValue={values.name}
              error={errors?.name}
            />
            <Field
              name="email"
              type="email"
              label={labels.email}
              hint={t("a11y.feedback.emailHint")}
              autoComplete="email"
              maxLength={200}
              defaultValue={values.email}
              error={errors?.email}
            />
            <div className="hp-field" aria-hidden="true">
              <label htmlFor="a11y-website">{t("registration.website")}</label>
              <input id="a11y-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <button type="submit" className="button">
              {t("a11y.feedback.submit")}
            </button>
          </SafeForm>
        </>
      )}

      <h2>{t("a11y.statement.enforcement")}</h2>
      <p>{t("a11y.statement.enforcementText")}</p>
      <p lang="de">{t("a11y.statement.enforcementAddress")}</p>
      <p>
        <a href="https://www.mags.nrw/ombudsstelle-barrierefreie-informationstechnik">
          {t("a11y.statement.enforcementLink")}
        </a>
      </p>
    </article>
  );
}

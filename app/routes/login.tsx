import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { requestLoginLinkEvenly, verifyCredentials } from "~/modules/auth/accounts.server";
import { loginSchema } from "~/modules/auth/auth.schema";
import { hitAll, hitRateLimit, isRateLimited, rules } from "~/modules/security/rate-limit.server";
import { getUser, signIn } from "~/server/auth.server";
import { env } from "~/utils/env.server";
import { invalid, parseForm, rateLimited } from "~/server/form.server";
import { notFound, safeRedirect } from "~/server/http.server";
import { oidcEnabled } from "~/server/oidc.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "login.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getUser(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo"), "/verwaltung"));
  const city = url.searchParams.get("stadt");
  return {
    signedOut: url.searchParams.has("abgemeldet"),
    linkInvalid: url.searchParams.has("link-ungueltig"),
    cityLogin: oidcEnabled(),
    cityError:
      city === "keine-berechtigung"
        ? ("login.cityNotAuthorised" as const)
        : city
          ? ("login.cityFailed" as const)
          : null,
    passwordLogin: env.PASSWORD_LOGIN,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const result = await parseForm(request, context, loginSchema);
  if (!result.ok) return invalid(result);
  const input = result.data;
  // Per IP generously (a venue behind one NAT must not lock itself out), per account tightly.
  if (input.intent === "link") {
    const limit = await hitAll([
      [rules.linkPerIp, context.clientIp],
      [rules.linkPerAccount, input.linkEmail],
    ]);
    if (!limit.allowed) return rateLimited(limit.retryAfterSeconds, { linkEmail: input.linkEmail });
    await requestLoginLinkEvenly({ email: input.linkEmail, appUrl: env.APP_URL, locale: await getLocale(request) });
    return data({ ok: true as const, linkSent: true, errors: {}, values: {} });
  }
  // PASSWORD_LOGIN=false: staff sign in through the city's account, others by e-mailed link.
  if (!env.PASSWORD_LOGIN) notFound();
  const ipLimit = await hitRateLimit(rules.loginPerIp, context.clientIp);
  if (!ipLimit.allowed) return rateLimited(ipLimit.retryAfterSeconds, { email: input.email });
  const accountLimit = await isRateLimited(rules.loginPerAccount, input.email);
  if (!accountLimit.allowed) return rateLimited(accountLimit.retryAfterSeconds, { email: input.email });
  const userId = await verifyCredentials(input.email, input.password);
  if (!userId) {
    // Only failed attempts count against the account.
    const failed = await hitRateLimit(rules.loginPerAccount, input.email);
    if (!failed.allowed) return rateLimited(failed.retryAfterSeconds, { email: input.email });
    return data(
      { ok: false as const, errors: { password: "login.failed" as const }, values: { email: input.email } },
      { status: 400 },
    );
  }
  return signIn(request, userId, input.redirectTo);
}

export default function Login() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const values = actionData && !actionData.ok ? actionData.values : {};
  const redirectTo = params.get("redirectTo") ?? "";
  const linkSent = actionData?.ok && "linkSent" in actionData;

  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      {loaderData.signedOut ? (
        <p className="notice" role="status">
          {t("logout.done")}
        </p>
      ) : null}
      {loaderData.linkInvalid ? (
        <p className="notice notice--warn" role="alert">
          {t("login.linkInvalid")}
        </p>
      ) : null}
      {loaderData.cityError ? (
        <p className="notice notice--warn" role="alert">
          {t(loaderData.cityError)}
        </p>
      ) : null}
      <p>{t("login.lead")}</p>
      <ErrorSummary
        errors={errors}
        labels={{ email: t("login.email"), password: t("login.password"), linkEmail: t("login.email") }}
      />
      {loaderData.cityLogin ? (
        <section aria-labelledby="login-city-title" className="card">
          <h2 id="login-city-title">{t("login.cityTitle")}</h2>
          {/* A plain link (a full page load): the provider's sign-in page is another site. */}
          <p>
            <a
              className="button"
              href={redirectTo ? `/login/stadt?redirectTo=${encodeURIComponent(redirectTo)}` : "/login/stadt"}
            >
              {t("login.city")}
            </a>
          </p>
        </section>
      ) : null}
      {loaderData.passwordLogin ? (
        <SafeForm className="stack" aria-labelledby="login-password-title">
          <h2 id="login-password-title" className={loaderData.cityLogin ? undefined : "visually-hidden"}>
            {loaderData.cityLogin ? t("login.passwordTitle") : t("login.title")}
          </h2>
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field
            name="email"
            label={t("login.email")}
            type="email"
            autoComplete="username"
            required
            defaultValue={values.email}
            error={errors?.email}
          />
          <Field
            name="password"
            label={t("login.password")}
            type="password"
            autoComplete="current-password"
            required
            error={errors?.password}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("login.submit")}
          </button>
        </SafeForm>
      ) : null}

      <section aria-labelledby="login-link-title" className="card">
        <h2 id="login-link-title">{t("login.orLink")}</h2>
        <p>{t("login.linkLead")}</p>
        {linkSent ? (
          <p className="notice" role="status">
            {t("login.linkSent")}
          </p>
        ) : null}
        <SafeForm className="stack">
          <input type="hidden" name="intent" value="link" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field
            name="linkEmail"
            label={t("login.email")}
            type="email"
            autoComplete="email"
            required
            defaultValue={values.linkEmail}
            error={errors?.linkEmail}
          />
          <button type="submit" className="button button--secondary">
            {t("login.linkSubmit")}
          </button>
        </SafeForm>
      </section>
    </div>
  );
}

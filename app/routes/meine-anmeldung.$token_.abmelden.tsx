import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { cancelRegistration, findByManageToken } from "~/modules/registrations/manage.server";
import { LIVE_STATUSES } from "~/modules/registrations/seats.server";
import { InvalidLink, registrationLinks } from "~/modules/registrations/ui";
import { readForm } from "~/server/form.server";

export const links = registrationLinks;
export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, "registration.cancel.title"),
  { name: "robots", content: "noindex" },
];

async function find(token: string | undefined) {
  const found = await findByManageToken(token ?? "");
  if (!found) throw data(null, { status: 404 });
  return found;
}

/** GET shows the question; only the POST cancels. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await find(params.token);
  return {
    token: params.token!,
    title: found.conference.title,
    live: (LIVE_STATUSES as readonly string[]).includes(found.registration.status),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const found = await find(params.token);
  await cancelRegistration(found.registration.id);
  return { cancelled: true };
}

export default function CancelRegistration() {
  const t = useT();
  const { token, title, live } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const back = `/meine-anmeldung/${token}`;
  if (acted?.cancelled || !live) {
    return (
      <div className="narrow">
        <h1>{t("registration.manage.status.cancelled")}</h1>
        <p className="notice" role="status">
          {t("registration.cancel.done")}
        </p>
        <p>
          <Link to={back}>{t("registration.manage.title")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("registration.cancel.title")}</h1>
      <p className="lead">{title}</p>
      <p>{t("registration.cancel.lead")}</p>
      <SafeForm className="reg-actions">
        <button type="submit" className="button button--danger">
          {t("registration.cancel.submit")}
        </button>
        <Link to={back}>{t("registration.cancel.back")}</Link>
      </SafeForm>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <InvalidLink />;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

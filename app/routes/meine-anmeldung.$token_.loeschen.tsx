import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useRouteError,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { deleteRegistration, findByManageToken } from "~/modules/registrations/manage.server";
import { InvalidLink, registrationLinks } from "~/modules/registrations/ui";
import { readForm } from "~/server/form.server";

export const links = registrationLinks;
export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, "registration.delete.title"),
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findByManageToken(params.token ?? "");
  if (!found) throw data(null, { status: 404 });
  return { token: params.token!, title: found.conference.title };
}

/** Art. 17: the POST deletes everything at once; GET only asks. */
// After the deletion this page's loader would answer 404 (the link is gone): keep the answer on screen.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { deleted?: boolean } | undefined)?.deleted ? false : defaultShouldRevalidate;

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const found = await findByManageToken(params.token ?? "");
  if (!found) throw data(null, { status: 404 });
  await deleteRegistration(found.registration.id);
  return { deleted: true };
}

export default function DeleteRegistration() {
  const t = useT();
  const { token, title } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  if (acted?.deleted) {
    return (
      <div className="narrow">
        <h1>{t("registration.delete.done")}</h1>
        <p className="notice" role="status">
          {t("registration.delete.doneLead")}
        </p>
        <p>
          <Link to="/">{t("error.backHome")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("registration.delete.title")}</h1>
      <p className="lead">{title}</p>
      <p>{t("registration.delete.lead")}</p>
      <SafeForm className="reg-actions">
        <button type="submit" className="button button--danger">
          {t("registration.delete.submit")}
        </button>
        <Link to={`/meine-anmeldung/${token}`}>{t("registration.cancel.back")}</Link>
      </SafeForm>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <InvalidLink />;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}

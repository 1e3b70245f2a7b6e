import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { confirmRegistration, getConfirmation } from "~/modules/registrations/register.server";
import { registrationLinks } from "~/modules/registrations/ui";
import { readForm } from "~/server/form.server";

export const links = registrationLinks;
export const meta: MetaFunction = ({ matches }) => [
  pageTitle(matches, "registration.confirm.title"),
  { name: "robots", content: "noindex" },
];

/** GET only shows the page: mail scanners open links, and opening must not confirm anything. */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getConfirmation(params.token ?? "");
  if (!found) return { state: "invalid" as const, title: "" };
  if (found.status === "held" && found.holdExpiresAt && found.holdExpiresAt <= new Date())
    return { state: "expired" as const, title: found.title };
  return {
    state:
      found.status === "held" || found.status === "confirmed"
        ? ("ready" as const)
        : found.status === "expired"
          ? ("expired" as const)
          : ("notHeld" as const),
    title: found.title,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const result = await confirmRegistration(params.token ?? "");
  if (result.kind === "confirmed") throw redirect(`/meine-anmeldung/${result.manageToken}?bestaetigt=1`);
  return data({ state: result.kind }, { status: result.kind === "invalid" ? 404 : 409 });
}

export default function ConfirmRegistration() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const state = acted?.state ?? loaded.state;
  return (
    <div className="narrow">
      <h1>{t("registration.confirm.title")}</h1>
      {state === "ready" ? (
        <>
          <p>{t("registration.confirm.lead", { title: loaded.title })}</p>
          <SafeForm>
            <button type="submit" className="button">
              {t("registration.confirm.submit")}
            </button>
          </SafeForm>
        </>
      ) : (
        <p className="notice notice--warn" role="alert">
          {t(
            state === "expired"
              ? "registration.confirm.expired"
              : state === "notHeld"
                ? "registration.confirm.notHeld"
                : "registration.confirm.invalid",
          )}
        </p>
      )}
    </div>
  );
}

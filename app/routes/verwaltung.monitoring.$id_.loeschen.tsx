import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmForm } from "~/components/confirm-form";
import { pageTitle, useT } from "~/i18n/i18n";
import { deleteIndicator, getIndicator } from "~/modules/monitoring/indicators.server";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("monitoringAdmin.deleteTitle", { name: data.name }) : "monitoringAdmin.title",
    "admin",
  ),
];

// GET asks, POST deletes.
async function load(request: Request, id: string | undefined) {
  const user = await requireOrganiser(request);
  const indicator = id ? await getIndicator(id) : null;
  if (!indicator) notFound();
  return { user, indicator };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { indicator } = await load(request, params.id);
  return { id: indicator.id, name: indicator.name };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, indicator } = await load(request, params.id);
  await readForm(request, context);
  if (!(await deleteIndicator({ id: indicator.id, actor: { id: user.id, name: user.name } }))) notFound();
  throw redirect("/verwaltung/monitoring?geloescht=1");
}

export default function DeleteIndicator() {
  const t = useT();
  const { id, name } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("monitoringAdmin.deleteTitle", { name })}</h1>
      <p>{t("monitoringAdmin.deleteLead")}</p>
      <ConfirmForm
        submitLabel={t("admin.confirm.delete")}
        cancelTo={`/verwaltung/monitoring/${id}`}
        cancelLabel={t("admin.confirm.cancel")}
      />
    </div>
  );
}

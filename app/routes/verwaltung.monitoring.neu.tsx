import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { listFields } from "~/modules/goals/catalogue.server";
import { IndicatorForm } from "~/modules/monitoring/indicator-form";
import { saveIndicator } from "~/modules/monitoring/indicators.server";
import { indicatorSchema } from "~/modules/monitoring/monitoring.schema";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, parseForm } from "~/server/form.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "monitoringAdmin.new", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const fields = await listFields();
  return { fields: fields.map((f) => ({ id: f.id, code: f.code, name: f.name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const result = await parseForm(request, context, indicatorSchema);
  if (!result.ok) return invalid(result);
  const saved = await saveIndicator({ input: result.data, actor: { id: user.id, name: user.name } });
  if (!saved.ok) return invalid({ errors: { fieldIds: "monitoringAdmin.unknownField" }, values: result.values });
  throw redirect(`/verwaltung/monitoring/${saved.id}?angelegt=1`);
}

export default function NewIndicator() {
  const t = useT();
  const { fields } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/verwaltung/monitoring">{t("monitoringAdmin.back")}</Link>
      </p>
      <h1>{t("monitoringAdmin.new")}</h1>
      <IndicatorForm
        values={failed?.values ?? { published: "on" }}
        errors={failed?.errors ?? {}}
        fields={fields}
        submitLabel={t("monitoringAdmin.create")}
      />
    </>
  );
}

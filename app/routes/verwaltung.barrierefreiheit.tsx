import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, SafeForm, SelectField, TextareaField } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { formatDay, statementSchema } from "~/modules/accessibility/statement.schema";
import { getStatement, saveStatement } from "~/modules/accessibility/statement.server";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, parseForm } from "~/server/form.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "a11y.admin.title", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const s = await getStatement();
  const { updatedAt: _updatedAt, ...fields } = s;
  return { statement: { ...fields, preparedOn: formatDay(s.preparedOn), reviewedOn: formatDay(s.reviewedOn) } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const result = await parseForm(request, context, statementSchema);
  if (!result.ok) return invalid(result);
  await saveStatement(result.data, user);
  throw redirect("/verwaltung/barrierefreiheit?gespeichert=1");
}

export default function AccessibilityAdmin() {
  const t = useT();
  const { statement } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = failed?.errors;
  const v: Record<string, string> = failed?.values ?? statement;
  const labels = {
    conformity: t("a11y.admin.conformity"),
    knownBarriers: t("a11y.admin.knownBarriers"),
    alternatives: t("a11y.admin.alternatives"),
    preparedOn: t("a11y.admin.preparedOn"),
    reviewedOn: t("a11y.admin.reviewedOn"),
    contactEmail: t("a11y.admin.contactEmail"),
    dgsVideoUrl: t("a11y.admin.dgsVideoUrl"),
    dgsCaptionsUrl: t("a11y.admin.dgsCaptionsUrl"),
  };
  return (
    <div className="narrow">
      <h1>{t("a11y.admin.title")}</h1>
      <p className="lead">{t("a11y.admin.lead")}</p>
      <p>
        <Link to="/barrierefreiheit">{t("a11y.admin.show")}</Link>
      </p>
      {params.get("gespeichert") && !failed ? (
        <p className="notice" role="status">
          {t("form.saved")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <SafeForm className="stack">
        <SelectField
          name="conformity"
          label={labels.conformity}
          required
          defaultValue={v.conformity}
          error={errors?.conformity}
          options={(["full", "partial", "none"] as const).map((c) => ({
            value: c,
            label: t(`a11y.admin.conformity.${c}`),
          }))}
        />
        <TextareaField
          rows={5}
          name="knownBarriers"
          label={labels.knownBarriers}
          hint={t("a11y.admin.knownBarriersHint")}
          maxLength={5000}
          defaultValue={v.knownBarriers}
          error={errors?.knownBarriers}
        />
        <TextareaField
          rows={5}
          name="alternatives"
          label={labels.alternatives}
          hint={t("a11y.admin.alternativesHint")}
          maxLength={5000}
          defaultValue={v.alternatives}
          error={errors?.alternatives}
        />
        <Field
          name="preparedOn"
          label={labels.preparedOn}
          hint={t("a11y.admin.dateHint")}
          required
          defaultValue={v.preparedOn}
          error={errors?.preparedOn}
        />
        <Field
          name="reviewedOn"
          label={labels.reviewedOn}
          hint={t("a11y.admin.dateHint")}
          required
          defaultValue={v.reviewedOn}
          error={errors?.reviewedOn}
        />
        <Field
          name="contactEmail"
          type="email"
          label={labels.contactEmail}
          hint={t("a11y.admin.contactEmailHint")}
          defaultValue={v.contactEmail}
          error={errors?.contactEmail}
        />
        <Field
          name="dgsVideoUrl"
          label={labels.dgsVideoUrl}
          hint={t("a11y.admin.dgsVideoUrlHint")}
          defaultValue={v.dgsVideoUrl}
          error={errors?.dgsVideoUrl}
        />
        <Field
          name="dgsCaptionsUrl"
          label={labels.dgsCaptionsUrl}
          hint={t("a11y.admin.dgsCaptionsUrlHint")}
          defaultValue={v.dgsCaptionsUrl}
          error={errors?.dgsCaptionsUrl}
        />
        <button type="submit" className="button">
          {t("a11y.admin.submit")}
        </button>
      </SafeForm>
    </div>
  );
}

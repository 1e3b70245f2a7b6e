import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, SafeForm, SelectField, TextareaField } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import { isUuid } from "~/db/id";
import { statusEntrySchema } from "~/modules/goals/goals.schema";
import { conferenceYears } from "~/modules/goals/goals.server";
import { getStatusEntry, updateStatusEntry } from "~/modules/goals/status-entries.server";
import { goalsLinks, STATUS_NAMES, statusKey } from "~/modules/goals/ui";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches, params, data }) => [
  pageTitle(
    matches,
    (t) =>
      t("goals.admin.entries.editTitle", {
        id: params.id ?? "",
        year: (data as { entry?: { year: number } } | undefined)?.entry?.year ?? "",
      }),
    "admin",
  ),
];

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  if (!/^\d{1,9}$/.test(params.id ?? "") || !isUuid(params.entry)) notFound();
  const goalId = Number(params.id);
  const found = await getStatusEntry(goalId, params.entry);
  if (!found) notFound();
  return { user, goalId, entry: found.entry };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { goalId, entry } = await load(request, params);
  const years = (await conferenceYears()).map((c) => c.year).sort((a, b) => a - b);
  return { goalId, entry: { id: entry.id, year: entry.year, status: entry.status, sachstand: entry.sachstand }, years };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, goalId, entry } = await load(request, params);
  const result = await parseForm(request, context, statusEntrySchema);
  if (!result.ok) return invalid(result);
  const saved = await updateStatusEntry({ goalId, entryId: entry.id, ...result.data, actor: { id: user.id } });
  if (!saved) notFound();
  if (!saved.ok)
    return invalid({
      errors: { year: `goals.admin.entries.${saved.error}` as MessageKey },
      values: { year: String(result.data.year), status: result.data.status, sachstand: result.data.sachstand },
    });
  throw redirect(`/verwaltung/ziele/${goalId}?gespeichert=${result.data.year}`);
}

export default function EditStatusEntry() {
  const t = useT();
  const { goalId, entry, years } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const v = failed?.values ?? {};
  const labels = {
    year: t("goals.admin.entries.year"),
    status: t("goals.status"),
    sachstand: t("goals.sachstand"),
  };
  const back = `/verwaltung/ziele/${goalId}`;
  return (
    <div className="narrow">
      <p>
        <Link to={back}>{t("goals.admin.entries.back")}</Link>
      </p>
      <h1>{t("goals.admin.entries.editTitle", { id: goalId, year: entry.year })}</h1>
      <ErrorSummary errors={failed?.errors} labels={labels} />
      <SafeForm>
        <SelectField
          name="year"
          label={labels.year}
          required
          hint={t("goals.admin.entries.yearHint")}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          defaultValue={v.year ?? String(entry.year)}
          error={failed?.errors.year}
        />
        <ChoiceGroup
          type="radio"
          name="status"
          label={labels.status}
          required
          options={STATUS_NAMES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          defaultValue={v.status ?? entry.status}
          error={failed?.errors.status}
        />
        <TextareaField
          name="sachstand"
          label={labels.sachstand}
          maxLength={1500}
          defaultValue={v.sachstand ?? entry.sachstand}
          error={failed?.errors.sachstand}
        />
        <p className="reg-actions">
          <button type="submit" className="button">
            {t("goals.admin.entries.save")}
          </button>
          <Link to={back}>{t("goals.admin.entries.back")}</Link>
        </p>
      </SafeForm>
    </div>
  );
}

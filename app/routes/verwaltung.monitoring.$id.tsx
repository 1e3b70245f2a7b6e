import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, fieldId, SafeForm, TableWrap } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { listFields } from "~/modules/goals/catalogue.server";
import { IndicatorForm, type IndicatorFormValues } from "~/modules/monitoring/indicator-form";
import { getIndicator, saveIndicator } from "~/modules/monitoring/indicators.server";
import { areaSlug, indicatorSchema } from "~/modules/monitoring/monitoring.schema";
import { valueForInput } from "~/modules/monitoring/numbers";
import { cellName, NEW_YEAR_FIELD, readValueTable, tableGroups, tableYears } from "~/modules/monitoring/value-table";
import { saveValueTable } from "~/modules/monitoring/value-table.server";
import { requireOrganiser } from "~/server/auth.server";
import { formObject, formValues, readForm, validateForm, type FieldErrors } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? () => data.indicator.name : "monitoringAdmin.title", "admin"),
];

async function load(request: Request, id: string | undefined) {
  const user = await requireOrganiser(request);
  const indicator = id ? await getIndicator(id) : null;
  if (!indicator) notFound();
  return { user, indicator };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { indicator } = await load(request, params.id);
  const fields = await listFields();
  return {
    indicator: { ...indicator, updatedAt: indicator.updatedAt.toISOString() },
    groups: tableGroups(indicator),
    years: tableYears(indicator),
    fields: fields.map((f) => ({ id: f.id, code: f.code, name: f.name })),
    created: new URL(request.url).searchParams.has("angelegt"),
  };
}

type Result = {
  intent: "describe" | "values";
  ok: boolean;
  errors?: FieldErrors;
  values?: Record<string, string>;
  changed?: boolean;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, indicator } = await load(request, params.id);
  const actor = { id: user.id, name: user.name };
  const form = await readForm(request, context);
  const reply = (r: Result, status = 200) => data(r, { status });
  if (form.get("intent") === "values") {
    const table = readValueTable(indicator, formObject(form));
    if (!table.ok) return reply({ intent: "values", ok: false, errors: table.errors, values: formValues(form) }, 400);
    const changed = await saveValueTable({ indicator, changes: table.changes, actor });
    return reply({ intent: "values", ok: true, changed });
  }
  if (form.get("intent") !== "describe") notFound();
  const result = validateForm(form, indicatorSchema);
  if (!result.ok) return reply({ intent: "describe", ok: false, errors: result.errors, values: result.values }, 400);
  const saved = await saveIndicator({ id: indicator.id, input: result.data, actor });
  if (!saved.ok && saved.reason === "not_found") notFound();
  if (!saved.ok)
    return reply(
      { intent: "describe", ok: false, errors: { fieldIds: "monitoringAdmin.unknownField" }, values: result.values },
      400,
    );
  return reply({ intent: "describe", ok: true });
}

export default function IndicatorAdmin() {
  const t = useT();
  const locale = useLocale();
  const { indicator, groups, years, fields, created } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const describeFailed = result?.intent === "describe" && !result.ok ? result : null;
  const valuesFailed = result?.intent === "values" && !result.ok ? result : null;
  const describeValues: IndicatorFormValues = describeFailed?.values ?? {
    name: indicator.name,
    area: indicator.area,
    definition: indicator.definition,
    unit: indicator.unit,
    decimals: String(indicator.decimals),
    source: indicator.source,
    comparison: indicator.comparison,
    fieldIds: indicator.fields.map((f) => f.id).join("\n"),
    published: indicator.published ? "on" : "",
  };
  const stored = new Map(indicator.values.map((v) => [`${v.year}:${v.group}`, v.value]));
  const groupLabel = (g: string) => t(`monitoring.group.${g}` as MessageKey);
  const cellValue = (name: string, year: number | null, group: string) => {
    if (valuesFailed?.values) return valuesFailed.values[name] ?? "";
    const v = year === null ? undefined : stored.get(`${year}:${group}`);
    return v === undefined ? "" : valueForInput(v, locale);
  };
  const labels: Record<string, string> = { [NEW_YEAR_FIELD]: t("monitoringAdmin.values.newYear") };
  for (const g of groups) {
    for (const y of years)
      labels[cellName(y, g as never)] = t("monitoringAdmin.values.cell", { group: groupLabel(g), year: y });
    labels[cellName("neu", g as never)] = t("monitoringAdmin.values.newCell", { group: groupLabel(g) });
  }
  const cell = (name: string, year: number | null, group: string) => {
    const id = fieldId(name);
    const error = valuesFailed?.errors?.[name];
    return (
      <td key={group} className={error ? "field--error" : undefined}>
        <input
          id={id}
          name={name}
          type="text"
          inputMode="decimal"
          size={8}
          aria-label={labels[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          defaultValue={cellValue(name, year, group)}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {t(error)}
          </p>
        ) : null}
      </td>
    );
  };
  const yearError = valuesFailed?.errors?.[NEW_YEAR_FIELD];
  return (
    <>
      <p>
        <Link to="/verwaltung/monitoring">{t("monitoringAdmin.back")}</Link>
      </p>
      <h1>{indicator.name}</h1>
      {created ? (
        <p className="notice" role="status">
          {t("monitoringAdmin.created")}
        </p>
      ) : null}
      {indicator.example ? <p className="notice">{t("monitoring.example")}</p> : null}
      <p className="inline-actions">
        {indicator.published ? (
          <Link to={`/monitoring/${areaSlug(indicator.area)}/${indicator.slug}`}>
            {t("monitoringAdmin.publicLink")}
          </Link>
        ) : null}{" "}
        <Link to={`/verwaltung/monitoring/${indicator.id}/loeschen`}>{t("monitoringAdmin.delete")}</Link>
      </p>

      <section aria-labelledby="values-title">
        <h2 id="values-title">{t("monitoringAdmin.values.title")}</h2>
        <p>{t("monitoringAdmin.values.lead")}</p>
        {result?.intent === "values" && result.ok ? (
          <p className="notice" role="status">
            {result.changed ? t("monitoringAdmin.values.saved") : t("monitoringAdmin.values.unchanged")}
          </p>
        ) : null}
        {/* Keyed by the stored state, so a saved table shows the stored values (and an empty new row) again. */}
        <SafeForm key={indicator.updatedAt} aria-labelledby="values-title">
          <input type="hidden" name="intent" value="values" />
          <ErrorSummary errors={valuesFailed?.errors} labels={labels} />
          <TableWrap label={t("monitoringAdmin.values.title")}>
            <table className="monitoring-admin-values">
              <thead>
                <tr>
                  <th scope="col">{t("monitoringAdmin.values.year")}</th>
                  {groups.map((g) => (
                    <th scope="col" key={g}>
                      {groupLabel(g)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y}>
                    <th scope="row">{y}</th>
                    {groups.map((g) => cell(cellName(y, g), y, g))}
                  </tr>
                ))}
                <tr>
                  <th scope="row" className={yearError ? "field--error" : undefined}>
                    <input
                      id={fieldId(NEW_YEAR_FIELD)}
                      name={NEW_YEAR_FIELD}
                      type="text"
                      inputMode="numeric"
                      size={5}
                      maxLength={4}
                      aria-label={t("monitoringAdmin.values.newYear")}
                      aria-invalid={yearError ? true : undefined}
                      aria-describedby={yearError ? `${fieldId(NEW_YEAR_FIELD)}-error` : undefined}
                      defaultValue={valuesFailed?.values?.[NEW_YEAR_FIELD] ?? ""}
                    />
                    {yearError ? (
                      <p className="field__error" id={`${fieldId(NEW_YEAR_FIELD)}-error`}>
                        {t(yearError)}
                      </p>
                    ) : null}
                  </th>
                  {groups.map((g) => cell(cellName("neu", g), null, g))}
                </tr>
              </tbody>
            </table>
          </TableWrap>
          <button type="submit" className="button">
            {t("monitoringAdmin.values.save")}
          </button>
        </SafeForm>
      </section>

      <section aria-labelledby="description-title">
        <h2 id="description-title">{t("monitoringAdmin.descriptionTitle")}</h2>
        {result?.intent === "describe" && result.ok ? (
          <p className="notice" role="status">
            {t("monitoringAdmin.saved")}
          </p>
        ) : null}
        <IndicatorForm
          intent="describe"
          values={describeValues}
          errors={describeFailed?.errors ?? {}}
          fields={fields}
          submitLabel={t("monitoringAdmin.save")}
        />
      </section>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { listStatusEntries } from "~/modules/goals/status-entries.server";
import { ErrorSummary, Field, SafeForm, TableWrap } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { goalAdminSchema } from "~/modules/goals/goals.schema";
import {
  getGoalPage,
  listGroups,
  listPendingUpdates,
  updateGoalDetails,
  updateGoalStatus,
} from "~/modules/goals/goals.server";
import { goalsLinks, StatusBadge, STATUS_NAMES, statusKey } from "~/modules/goals/ui";
import { requireUser } from "~/server/auth.server";
import { invalid, many, parseForm } from "~/server/form.server";
import { z } from "zod";
import { MONITORING_AREAS } from "~/db/enums";
import { indicatorChoices, linkedIndicatorIds, setGoalIndicators } from "~/modules/monitoring/goal-links.server";
import { notFound } from "~/server/http.server";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches, params }) => [
  pageTitle(matches, (t) => t("goals.admin.update.title", { id: params.id ?? "" }), "admin"),
];

function goalId(raw: string | undefined) {
  if (!/^\d{1,9}$/.test(raw ?? "")) notFound();
  return Number(raw);
}

/** A coordinator sees only their own group's goals here; any other goal does not exist for them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await getGoalPage(goalId(params.id));
  if (!page || (user.role !== "organiser" && user.groupId !== page.goal.ownerGroupId)) notFound();
  const pending = (await listPendingUpdates()).find((p) => p.goalId === page.goal.id) ?? null;
  const organiser = user.role === "organiser";
  const groups = organiser ? await listGroups() : [];
  const entries = organiser ? await listStatusEntries(page.goal.id) : [];
  const indicators = organiser
    ? (await indicatorChoices()).map((i) => ({ id: i.id, name: i.name, area: i.area, published: i.published }))
    : [];
  const linked = organiser ? await linkedIndicatorIds(page.goal.id) : [];
  // After correcting or deleting a status entry (on pages of their own): what changed, said here.
  const query = new URL(request.url).searchParams;
  const changedYear = Number(query.get("gespeichert") ?? query.get("geloescht"));
  const changed =
    organiser && Number.isInteger(changedYear) && changedYear > 0
      ? { year: changedYear, deleted: query.has("geloescht") }
      : null;
  return {
    goal: page.goal,
    years: page.years,
    pending,
    role: user.role,
    groups,
    entries: entries.map((e) => ({ id: e.id, year: e.year, status: e.status, sachstand: e.sachstand })),
    changed,
    indicators,
    linked,
    linksSaved: organiser && query.has("kennzahlen"),
  };
}

const adminSchema = z.discriminatedUnion("intent", [
  ...goalAdminSchema.options,
  z.object({ intent: z.literal("indicators"), indicatorIds: many(z.uuid()) }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = goalId(params.id);
  const result = await parseForm(request, context, adminSchema);
  if (!result.ok) return invalid(result);
  const actor = { id: user.id, role: user.role, groupId: user.groupId };
  if (result.data.intent === "indicators") {
    if (user.role !== "organiser") notFound();
    const saved = await setGoalIndicators({
      goalId: id,
      indicatorIds: result.data.indicatorIds,
      actor: { id: user.id },
    });
    if (!saved.ok && saved.reason === "not_found") notFound();
    if (!saved.ok) return data({ ok: false as const, indicatorsUnknown: true }, { status: 400 });
    throw redirect(`/verwaltung/ziele/${id}?kennzahlen=gespeichert#indicators-title`);
  }
  if (result.data.intent === "details") {
    const { intent: _intent, ...details } = result.data;
    if (!(await updateGoalDetails({ goalId: id, actor, details }))) notFound();
    throw redirect(`/ziele/${id}`);
  }
  const done = await updateGoalStatus({
    goalId: id,
    actor,
    status: result.data.status,
    sachstand: result.data.sachstand,
  });
  if (!done) notFound();
  if (done.published) throw redirect(`/ziele/${id}`);
  return data({ ok: true as const, submitted: true });
}

function DetailsForm() {
  const t = useT();
  const { goal, groups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && "errors" in result && result.values.intent === "details" ? result : null;
  const v = failed?.values ?? {};
  const labels = {
    title: t("goals.goal"),
    ownerGroupId: t("goals.owner"),
    targetYear: t("goals.targetYear"),
    partners: t("goals.partners"),
    measure: t("goals.measure"),
    indicator: t("goals.indicator"),
    description: t("goals.admin.agreeDescription"),
  };
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t("goals.admin.details.title")}</h2>
      <p>{t("goals.admin.details.lead")}</p>
      <ErrorSummary errors={failed?.errors} labels={labels} />
      <SafeForm>
        <input type="hidden" name="intent" value="details" />
        <Field
          name="title"
          label={labels.title}
          required
          maxLength={200}
          defaultValue={v.title ?? goal.title}
          error={failed?.errors.title}
        />
        <div className="field">
          <label htmlFor="field-description">
            {labels.description} <span className="field__req">({t("form.optional")})</span>
          </label>
          <textarea
            id="field-description"
            name="description"
            maxLength={2000}
            defaultValue={v.description ?? goal.description}
          />
        </div>
        <div className="field">
          <label htmlFor="field-ownerGroupId">
            {labels.ownerGroupId} <span className="field__req">({t("form.required")})</span>
          </label>
          <select id="field-ownerGroupId" name="ownerGroupId" defaultValue={v.ownerGroupId ?? goal.ownerGroupId}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="partners"
          label={labels.partners}
          maxLength={500}
          defaultValue={v.partners ?? goal.partners}
          error={failed?.errors.partners}
        />
        <Field
          name="measure"
          label={labels.measure}
          maxLength={1000}
          defaultValue={v.measure ?? goal.measure}
          error={failed?.errors.measure}
        />
        <Field
          name="indicator"
          label={labels.indicator}
          maxLength={500}
          defaultValue={v.indicator ?? goal.indicator}
          error={failed?.errors.indicator}
        />
        <Field
          name="targetYear"
          label={labels.targetYear}
          type="number"
          min={2000}
          max={2100}
          required
          defaultValue={v.targetYear ?? goal.targetYear}
          error={failed?.errors.targetYear}
        />
        <button type="submit" className="button button--secondary">
          {t("goals.admin.details.save")}
        </button>
      </SafeForm>
    </section>
  );
}

/** Every year's status of the goal, each with a way to correct it (year, status, text) or delete it. */
function StatusEntries() {
  const t = useT();
  const { goal, entries } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title">{t("goals.admin.entries.title")}</h2>
      <p>{t("goals.admin.entries.lead")}</p>
      <TableWrap label={t("goals.admin.entries.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("goals.admin.entries.year")}</th>
              <th scope="col">{t("goals.status")}</th>
              <th scope="col">{t("goals.sachstand")}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.year}</th>
                <td>
                  <StatusBadge status={e.status} />
                </td>
                <td>{e.sachstand || t("goals.admin.entries.none")}</td>
                <td>
                  <span className="inline-actions">
                    <Link to={`/verwaltung/ziele/${goal.id}/stand/${e.id}`}>
                      {t("goals.admin.entries.edit", { year: e.year })}
                    </Link>
                    {entries.length > 1 ? (
                      <Link to={`/verwaltung/ziele/${goal.id}/stand/${e.id}/loeschen`}>
                        {t("goals.admin.entries.delete", { year: e.year })}
                      </Link>
                    ) : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** The indicators that measure the goal: checkboxes grouped by area (works without JS). */
function IndicatorLinks() {
  const t = useT();
  const { indicators, linked, linksSaved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const chosen = new Set(linked);
  const areas = MONITORING_AREAS.filter((a) => indicators.some((i) => i.area === a));
  return (
    <section aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t("monitoringGoals.admin.title")}</h2>
      <p>{t("monitoringGoals.admin.lead")}</p>
      {linksSaved && !result ? (
        <p className="notice" role="status">
          {t("monitoringGoals.admin.saved")}
        </p>
      ) : null}
      {result && ("indicatorsUnknown" in result || ("errors" in result && result.values.intent === "indicators")) ? (
        <p className="notice notice--warn" role="alert">
          {t("monitoringGoals.admin.unknown")}
        </p>
      ) : null}
      {indicators.length === 0 ? (
        <p>{t("monitoringGoals.admin.none")}</p>
      ) : (
        <SafeForm>
          <input type="hidden" name="intent" value="indicators" />
          {areas.map((area) => (
            <fieldset key={area} className="field">
              <legend>{t(`monitoring.area.${area}`)}</legend>
              {indicators
                .filter((i) => i.area === area)
                .map((i) => (
                  <label key={i.id} className="check-row">
                    <input type="checkbox" name="indicatorIds" value={i.id} defaultChecked={chosen.has(i.id)} />{" "}
                    {i.name}
                    {i.published ? null : <> {t("monitoringGoals.admin.unpublished")}</>}
                  </label>
                ))}
            </fieldset>
          ))}
          <button type="submit" className="button button--secondary">
            {t("monitoringGoals.admin.save")}
          </button>
        </SafeForm>
      )}
    </section>
  );
}

export default function UpdateGoal() {
  const t = useT();
  const { goal, years, pending, role, changed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const statusFailed =
    result && "errors" in result && result.values.intent !== "details" && result.values.intent !== "indicators";
  const errors = statusFailed ? result.errors : undefined;
  const values = statusFailed ? result.values : {};
  const current = years.at(-1);
  const labels = { status: t("goals.status"), sachstand: t("goals.sachstand") };
  return (
    <div className="prose">
      <p>
        <Link to="/verwaltung/ziele">{t("goals.admin.back")}</Link>
      </p>
      <h1>{t("goals.admin.update.title", { id: goal.id })}</h1>
      <p className="lead">{goal.title}</p>
      <p>
        {t("goals.owner")}: {goal.groupName}. <Link to={`/ziele/${goal.id}`}>{t("goals.admin.publicPage")}</Link>
      </p>
      {current ? (
        <p>
          {t("goals.admin.update.published", { year: current.year })} <StatusBadge status={current.status} />{" "}
          {current.sachstand}
        </p>
      ) : null}
      {changed && !result ? (
        <p className="notice" role="status">
          {t(changed.deleted ? "goals.admin.entries.deleted" : "goals.admin.entries.saved", { year: changed.year })}
        </p>
      ) : null}
      {result && "submitted" in result ? (
        <p className="notice" role="status">
          {t("goals.admin.update.submitted")}
        </p>
      ) : pending ? (
        <p className="notice">{t("goals.admin.update.pending", { status: t(statusKey(pending.pendingStatus!)) })}</p>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <SafeForm>
        <input type="hidden" name="intent" value="status" />
        <fieldset className={errors?.status ? "field field--error" : "field"}>
          <legend>
            {labels.status} {current ? t("goals.admin.update.forYear", { year: current.year }) : null}
          </legend>
          {errors?.status ? <p className="field__error">{t(errors.status)}</p> : null}
          {STATUS_NAMES.map((s) => (
            <label key={s} className="check-row">
              <input
                type="radio"
                name="status"
                value={s}
                defaultChecked={(values.status ?? current?.status) === s}
                id={s === "neu" ? "field-status" : undefined}
              />{" "}
              {t(statusKey(s))}
            </label>
          ))}
        </fieldset>
        <div className={errors?.sachstand ? "field field--error" : "field"}>
          <label htmlFor="field-sachstand">
            {labels.sachstand} <span className="field__req">({t("form.required")})</span>
          </label>
          <p className="field__hint" id="field-sachstand-hint">
            {t("goals.admin.update.hint")}
          </p>
          {errors?.sachstand ? (
            <p className="field__error" id="field-sachstand-error">
              {t(errors.sachstand)}
            </p>
          ) : null}
          <textarea
            id="field-sachstand"
            name="sachstand"
            maxLength={1500}
            required
            defaultValue={values.sachstand ?? pending?.pendingSachstand ?? current?.sachstand ?? ""}
            aria-describedby={errors?.sachstand ? "field-sachstand-hint field-sachstand-error" : "field-sachstand-hint"}
            aria-invalid={errors?.sachstand ? true : undefined}
          />
        </div>
        <button type="submit" className="button">
          {role === "organiser" ? t("goals.admin.update.publish") : t("goals.admin.update.submit")}
        </button>
      </SafeForm>
      {role === "organiser" ? <StatusEntries /> : null}
      {role === "organiser" ? <IndicatorLinks /> : null}
      {role === "organiser" ? <DetailsForm /> : null}
    </div>
  );
}

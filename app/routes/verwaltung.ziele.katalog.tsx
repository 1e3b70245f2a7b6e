import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { SafeForm } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import {
  createConceptVersion,
  currentVersion,
  importCatalogueCsv,
  importSuccessorCsv,
  listRecommendations,
  listVersions,
  makeVersionCurrent,
  updateRecommendation,
  type LineError,
} from "~/modules/goals/catalogue.server";
import { goalsLinks } from "~/modules/goals/ui";
import { requireOrganiser } from "~/server/auth.server";
import { readForm, validateForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.catalogue.title", "admin")];

const MAX_CSV = 2 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const [versions, current] = await Promise.all([listVersions(), currentVersion()]);
  const asked = new URL(request.url).searchParams.get("fassung");
  const shown = versions.find((v) => v.id === asked) ?? current;
  return {
    versions: versions.map((v) => ({ id: v.id, label: v.label, isCurrent: v.isCurrent })),
    shownId: shown.id,
    recommendations: await listRecommendations(shown.id),
  };
}

type Result = {
  intent: string;
  ok: boolean;
  message?: MessageKey;
  vars?: Record<string, string | number>;
  errors?: LineError[];
  /** A refused new version's name, shown again in its field. */
  label?: string;
  /** New with every added version: the form is keyed by it, so it is empty again in the browser too. */
  nonce?: string;
};

/** The uploaded file, or the pasted text. */
async function csvText(form: FormData): Promise<string | null> {
  const file = form.get("file");
  if (file && typeof file !== "string" && file.size > 0) return file.size > MAX_CSV ? null : await file.text();
  const text = form.get("csv");
  return typeof text === "string" && text.trim() ? text : null;
}

const optionalId = z.union([z.literal(""), z.uuid()]).default("");
const importSchema = z.object({ versionId: optionalId, fromVersionId: optionalId });
const editSchema = z.object({
  id: z.uuid(),
  title: z.string().trim().min(1).max(300),
  text: z.string().trim().max(5000),
});
const versionSchema = z.object({
  label: z
    .string()
    .trim()
    .regex(/^[\w .-]{2,40}$/),
});
const currentSchema = z.object({ versionId: z.uuid() });

export async function action({ request, context }: ActionFunctionArgs) {
  await requireOrganiser(request);
  // multipart (the CSV file) or urlencoded: both are read and CSRF-checked by readForm.
  const form = await readForm(request, context);
  const intent = String(form.get("intent") ?? "");
  const reply = (r: Result, status = 200) => data(r, { status });
  if (intent === "import" || intent === "mapping") {
    const ids = validateForm(form, importSchema);
    if (!ids.ok) notFound();
    const csv = await csvText(form);
    if (csv === null) return reply({ intent, ok: false, errors: [{ line: 0, key: "goals.catalogue.noFile" }] }, 400);
    const { versionId, fromVersionId } = ids.data;
    if (intent === "mapping" && !fromVersionId) notFound();
    const result =
      intent === "import"
        ? await importCatalogueCsv({ csv, versionId: versionId || undefined })
        : await importSuccessorCsv({ csv, fromVersionId, toVersionId: versionId });
    if (!result.ok) return reply({ intent, ok: false, errors: result.errors }, 400);
    return reply({
      intent,
      ok: true,
      message: intent === "import" ? "goals.catalogue.imported" : "goals.catalogue.mapped",
      vars: { created: result.created, updated: result.updated },
    });
  }
  if (intent === "edit") {
    const parsed = validateForm(form, editSchema);
    if (!parsed.ok) return reply({ intent, ok: false, message: "goals.catalogue.editInvalid" }, 400);
    if (!(await updateRecommendation(parsed.data))) notFound();
    return reply({ intent, ok: true, message: "form.saved" });
  }
  if (intent === "version") {
    const parsed = validateForm(form, versionSchema);
    const label = String(form.get("label") ?? "").slice(0, 40);
    if (!parsed.ok) return reply({ intent, ok: false, message: "goals.catalogue.versionInvalid", label }, 400);
    const created = await createConceptVersion(parsed.data.label);
    return reply(
      {
        intent,
        ok: Boolean(created),
        message: created ? "goals.catalogue.versionCreated" : "goals.catalogue.versionTaken",
        ...(created ? { nonce: crypto.randomUUID() } : { label }),
      },
      created ? 200 : 400,
    );
  }
  if (intent === "current") {
    const parsed = validateForm(form, currentSchema);
    if (!parsed.ok || !(await makeVersionCurrent(parsed.data.versionId))) notFound();
    return reply({ intent, ok: true, message: "form.saved" });
  }
  notFound();
}

export default function CatalogueAdmin() {
  const t = useT();
  const { versions, shownId, recommendations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const shown = versions.find((v) => v.id === shownId);
  const [versionKey, setVersionKey] = useState("");
  if (result?.nonce && result.nonce !== versionKey) setVersionKey(result.nonce);
  return (
    <>
      <p>
        <Link to="/verwaltung/ziele">{t("goals.admin.back")}</Link>
      </p>
      <h1>{t("goals.catalogue.title")}</h1>
      <p className="lead">{t("goals.catalogue.lead")}</p>
      {result?.ok && result.message ? (
        <p className="notice" role="status">
          {t(result.message, result.vars)}
        </p>
      ) : null}
      {result && !result.ok ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>
            {result.errors ? t("goals.catalogue.notImported", { count: result.errors.length }) : t("form.errorSummary")}
          </h2>
          {result.errors ? (
            <ul className="csv-errors">
              {result.errors.map((e, i) => (
                <li key={i}>{t(e.key, { line: e.line, ...e.vars })}</li>
              ))}
            </ul>
          ) : result.message ? (
            <p>{t(result.message)}</p>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="import-title">
        <h2 id="import-title">{t("goals.catalogue.importTitle")}</h2>
        <p>{t("goals.catalogue.importHint")}</p>
        <pre className="goals-sample">
          code;handlungsfeld;titel;text{"\n"}BIL-12;Bildung;Eltern als Bildungspartner;Schulen laden Eltern früh ein.
        </pre>
        <SafeForm encType="multipart/form-data">
          <input type="hidden" name="intent" value="import" />
          <div className="field">
            <label htmlFor="import-version">{t("goals.catalogue.version")}</label>
            <select id="import-version" name="versionId" defaultValue={shownId}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                  {v.isCurrent ? ` (${t("goals.catalogue.current")})` : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-file">{t("goals.catalogue.file")}</label>
            <input id="import-file" type="file" name="file" accept=".csv,text/csv" />
          </div>
          <div className="field">
            <label htmlFor="import-csv">{t("goals.catalogue.paste")}</label>
            <textarea id="import-csv" name="csv" rows={5} />
          </div>
          <button type="submit" className="button">
            {t("goals.catalogue.import")}
          </button>
        </SafeForm>
      </section>

      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t("goals.catalogue.versionsTitle")}</h2>
        <p>{t("goals.catalogue.versionsLead")}</p>
        <ul>
          {versions.map((v) => (
            <li key={v.id}>
              <Link to={`?fassung=${v.id}`}>{v.label}</Link> {v.isCurrent ? `(${t("goals.catalogue.current")})` : null}
              {!v.isCurrent ? (
                <SafeForm className="inline-actions">
                  <input type="hidden" name="intent" value="current" />
                  <input type="hidden" name="versionId" value={v.id} />
                  <button type="submit" className="button button--small button--secondary">
                    {t("goals.catalogue.makeCurrent", { label: v.label })}
                  </button>
                </SafeForm>
              ) : null}
            </li>
          ))}
        </ul>
        {/* Keyed by the last added version: empty again after an add, kept when refused. */}
        <SafeForm className="inline-actions" key={result?.nonce ?? versionKey}>
          <input type="hidden" name="intent" value="version" />
          <div className="field">
            <label htmlFor="version-label">{t("goals.catalogue.newVersion")}</label>
            <input
              id="version-label"
              name="label"
              maxLength={40}
              placeholder="2027"
              defaultValue={result?.intent === "version" && !result.ok ? result.label : undefined}
            />
          </div>
          <button type="submit" className="button button--secondary">
            {t("goals.catalogue.createVersion")}
          </button>
        </SafeForm>
        {versions.length > 1 ? (
          <SafeForm encType="multipart/form-data">
            <h3>{t("goals.catalogue.mappingTitle")}</h3>
            <p>{t("goals.catalogue.mappingHint")}</p>
            <pre className="goals-sample">
              alt;neu;art{"\n"}BIL-1;BIL-10;zusammengefasst{"\n"}KUL-3;;entfallen
            </pre>
            <input type="hidden" name="intent" value="mapping" />
            <div className="inline-actions">
              <div className="field">
                <label htmlFor="map-from">{t("goals.catalogue.fromVersion")}</label>
                <select id="map-from" name="fromVersionId">
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="map-to">{t("goals.catalogue.toVersion")}</label>
                <select id="map-to" name="versionId" defaultValue={versions.at(-1)?.id}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="field">
              <label htmlFor="map-file">{t("goals.catalogue.file")}</label>
              <input id="map-file" type="file" name="file" accept=".csv,text/csv" />
            </div>
            <div className="field">
              <label htmlFor="map-csv">{t("goals.catalogue.paste")}</label>
              <textarea id="map-csv" name="csv" rows={4} />
            </div>
            <button type="submit" className="button">
              {t("goals.catalogue.map")}
            </button>
          </SafeForm>
        ) : null}
      </section>

      <section aria-labelledby="list-title">
        <h2 id="list-title">
          {t("goals.catalogue.listTitle", { label: shown?.label ?? "", count: recommendations.length })}
        </h2>
        <ul className="goal-list">
          {recommendations.map((r) => (
            <li key={r.id}>
              <details>
                <summary>
                  <strong>{r.code}</strong> {r.title} <span className="goal-meta">{r.fieldName}</span>
                </summary>
                <SafeForm>
                  <input type="hidden" name="intent" value="edit" />
                  <input type="hidden" name="id" value={r.id} />
                  <div className="field">
                    <label htmlFor={`t-${r.id}`}>{t("goals.catalogue.recTitle", { code: r.code })}</label>
                    <input id={`t-${r.id}`} name="title" defaultValue={r.title} maxLength={300} required />
                  </div>
                  <div className="field">
                    <label htmlFor={`x-${r.id}`}>{t("goals.catalogue.recText", { code: r.code })}</label>
                    <textarea id={`x-${r.id}`} name="text" defaultValue={r.text} maxLength={5000} />
                  </div>
                  <button type="submit" className="button button--small">
                    {t("goals.catalogue.save")}
                  </button>
                </SafeForm>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

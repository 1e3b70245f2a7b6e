import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { SafeForm, TableWrap } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import {
  applyImport,
  MAX_IMPORT_BYTES,
  previewImport,
  signPlan,
  verifyPlan,
  type ImportError,
  type PlannedIndicator,
} from "~/modules/monitoring/import.server";
import { listIndicators } from "~/modules/monitoring/indicators.server";
import { valueForInput } from "~/modules/monitoring/numbers";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "monitoringAdmin.import.title", "admin")];

/** More errors than anyone reads at once: the rest is counted. */
const SHOWN_ERRORS = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const list = await listIndicators();
  return { indicators: list.map((i) => ({ slug: i.slug, name: i.name })) };
}

type Preview = {
  intent: "preview";
  fileName: string;
  errors: ImportError[];
  errorCount: number;
  indicators: PlannedIndicator[];
  skipped: number;
  signed: { plan: string; mac: string } | null;
};
type Refused = { intent: "apply"; stale: true };

/** The uploaded file, or the pasted table. */
async function uploaded(form: FormData): Promise<{ name: string; bytes: Uint8Array } | null> {
  const file = form.get("file");
  if (file && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return { name: file.name, bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) };
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  const text = form.get("text");
  return typeof text === "string" && text.trim()
    ? { name: "eingefuegt.csv", bytes: new TextEncoder().encode(text) }
    : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  // multipart (the file) or urlencoded ("Übernehmen"): both read and CSRF-checked by readForm.
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "preview") {
    const file = await uploaded(form);
    const preview = file
      ? await previewImport(file)
      : {
          errors: [{ line: 0, key: "monitoringAdmin.import.noFile" as MessageKey }],
          indicators: [],
          changes: [],
          skipped: 0,
        };
    const ok = !preview.errors.length && preview.changes.length > 0;
    return data<Preview>(
      {
        intent: "preview",
        fileName: file?.name ?? "",
        errors: preview.errors.slice(0, SHOWN_ERRORS),
        errorCount: preview.errors.length,
        indicators: preview.indicators,
        skipped: preview.skipped,
        signed: ok ? signPlan(preview.changes, user.id) : null,
      },
      { status: preview.errors.length ? 400 : 200 },
    );
  }
  if (intent === "apply") {
    const plan = form.get("plan");
    const mac = form.get("mac");
    if (typeof plan !== "string" || typeof mac !== "string") notFound();
    const changes = verifyPlan({ plan, mac, userId: user.id });
    const applied = changes ? await applyImport({ changes, actor: { id: user.id, name: user.name } }) : null;
    if (!applied?.ok) return data<Refused>({ intent: "apply", stale: true }, { status: 409 });
    throw redirect(`/verwaltung/monitoring?werte=${applied.written}&indikatoren=${applied.indicators}`);
  }
  notFound();
}

function PreviewTable({ planned }: { planned: PlannedIndicator }) {
  const t = useT();
  const locale = useLocale();
  const title = `${planned.name} (${t(`monitoring.area.${planned.area}` as MessageKey)})`;
  return (
    <section aria-labelledby={`plan-${planned.id}`}>
      <h3 id={`plan-${planned.id}`}>{title}</h3>
      <p>{t("monitoringAdmin.import.counts", planned.counts)}</p>
      {planned.changes.length ? (
        <TableWrap label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("monitoringAdmin.values.year")}</th>
                <th scope="col">{t("monitoringAdmin.import.group")}</th>
                <th scope="col">{t("monitoringAdmin.import.before")}</th>
                <th scope="col">{t("monitoringAdmin.import.after")}</th>
                <th scope="col">{t("monitoringAdmin.import.status")}</th>
              </tr>
            </thead>
            <tbody>
              {planned.changes.map((c) => (
                <tr key={`${c.year}-${c.group}`}>
                  <th scope="row">{c.year}</th>
                  <td>{t(`monitoring.group.${c.group}` as MessageKey)}</td>
                  <td>{c.before === null ? "–" : valueForInput(c.before, locale)}</td>
                  <td>{valueForInput(c.value, locale)}</td>
                  <td>{t(`monitoringAdmin.import.status.${c.status}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

export default function MonitoringImport() {
  const t = useT();
  const { indicators } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Preview | Refused | undefined;
  const preview = result?.intent === "preview" ? result : null;
  const focus = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) focus.current?.focus();
  }, [result]);
  return (
    <>
      <p>
        <Link to="/verwaltung/monitoring">{t("monitoringAdmin.back")}</Link>
      </p>
      <h1>{t("monitoringAdmin.import.title")}</h1>
      <p className="lead">{t("monitoringAdmin.import.lead")}</p>

      {result?.intent === "apply" ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={focus}>
          <p>{t("monitoringAdmin.import.stale")}</p>
        </div>
      ) : null}

      {preview && preview.errorCount ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={focus} aria-labelledby="import-errors-title">
          <h2 id="import-errors-title">{t("monitoringAdmin.import.errorsTitle", { count: preview.errorCount })}</h2>
          <p>{t("monitoringAdmin.import.errorsLead")}</p>
          <ul className="csv-errors">
            {preview.errors.map((e, i) => (
              <li key={i}>{t(e.key, { line: e.line, ...e.vars })}</li>
            ))}
          </ul>
          {preview.errorCount > preview.errors.length ? (
            <p>{t("monitoringAdmin.import.more", { count: preview.errorCount - preview.errors.length })}</p>
          ) : null}
        </div>
      ) : null}

      {preview && !preview.errorCount ? (
        <section aria-labelledby="preview-title" className="monitoring-admin-preview">
          {/* Focused after the upload, so screen-reader users land on the result. */}
          <div tabIndex={-1} ref={focus}>
            <h2 id="preview-title">{t("monitoringAdmin.import.previewTitle", { file: preview.fileName })}</h2>
          </div>
          {preview.skipped ? <p>{t("monitoringAdmin.import.skipped", { count: preview.skipped })}</p> : null}
          {preview.indicators.map((p) => (
            <PreviewTable key={p.id} planned={p} />
          ))}
          {preview.signed ? (
            <SafeForm className="reg-actions">
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="plan" value={preview.signed.plan} />
              <input type="hidden" name="mac" value={preview.signed.mac} />
              <p>{t("monitoringAdmin.import.applyLead")}</p>
              <button type="submit" className="button">
                {t("monitoringAdmin.import.apply")}
              </button>{" "}
              <Link to="/verwaltung/monitoring/import">{t("monitoringAdmin.import.discard")}</Link>
            </SafeForm>
          ) : (
            <p className="notice">{t("monitoringAdmin.import.nothing")}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{t("monitoringAdmin.import.check")}</h2>
        <SafeForm encType="multipart/form-data">
          <input type="hidden" name="intent" value="preview" />
          <div className="field">
            <label htmlFor="import-file">{t("monitoringAdmin.import.file")}</label>
            <input
              id="import-file"
              type="file"
              name="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
          </div>
          <div className="field">
            <label htmlFor="import-text">{t("monitoringAdmin.import.paste")}</label>
            <textarea id="import-text" name="text" rows={4} />
          </div>
          <button type="submit" className="button">
            {t("monitoringAdmin.import.check")}
          </button>
        </SafeForm>
      </section>

      <section aria-labelledby="format-title">
        <h2 id="format-title">{t("monitoringAdmin.import.formatTitle")}</h2>
        <ul>
          <li>{t("monitoringAdmin.import.formatLong")}</li>
          <li>{t("monitoringAdmin.import.formatWide")}</li>
          <li>{t("monitoringAdmin.import.formatIndicator")}</li>
          <li>{t("monitoringAdmin.import.formatGroup")}</li>
          <li>{t("monitoringAdmin.import.formatValue")}</li>
          <li>{t("monitoringAdmin.import.formatFile")}</li>
        </ul>
        <pre className="monitoring-admin-sample">
          {"indikator;jahr;gruppe;wert\narbeitslosenquote;2025;Deutsche;6,0\narbeitslosenquote;2025;Ausländer;14,6"}
        </pre>
        <p>
          <a href="/verwaltung/monitoring/vorlage.csv" download>
            {t("monitoringAdmin.import.template")}
          </a>
        </p>
        {indicators.length ? (
          <details>
            <summary>{t("monitoringAdmin.import.indicatorsTitle")}</summary>
            <ul>
              {indicators.map((i) => (
                <li key={i.slug}>
                  <code>{i.slug}</code> – {i.name}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </>
  );
}

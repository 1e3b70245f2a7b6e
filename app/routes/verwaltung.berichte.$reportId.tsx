import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FileUpload } from "~/components/file-upload";
import { ErrorSummary, type FormErrors, SafeForm, TableWrap, TextareaField } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { formatBytes, KIND_LABEL } from "~/modules/groups/format";
import { REPORT_FIELDS, reportSubmitSchema, reportTextSchema, stepSchema } from "~/modules/groups/groups.schema";
import { REPORT_SECTIONS } from "~/modules/groups/report-sections";
import {
  allowedActions,
  canRemoveFiles,
  EDITABLE,
  findReport,
  getReportView,
  saveReportText,
  transition,
  WorkflowError,
  type Action,
} from "~/modules/groups/reports.server";
import { uploadErrorFromUrl, uploadLimitMb } from "~/server/uploads/http.server";
import styles from "~/styles/groups.css?url";
import { requireGroupAccess } from "~/server/auth.server";
import { env } from "~/utils/env.server";
import { invalid, parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatDateTime } from "~/utils/time";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("reports.title", { year: data.conference.year, group: data.group.name }) : "reports.overview",
    "admin",
  ),
];

async function load(request: Request, reportId: string | undefined) {
  const report = await findReport(reportId ?? "");
  if (!report) notFound();
  const user = await requireGroupAccess(request, report.groupId);
  return { user, report };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await load(request, params.reportId);
  const view = (await getReportView(params.reportId!))!;
  const url = new URL(request.url);
  const editable = user.role === "coordinator" && EDITABLE.includes(view.report.status);
  return {
    report: view.report,
    group: { id: view.group.id, name: view.group.name, slug: view.group.slug },
    conference: view.conference,
    deadline: view.deadline?.submitBy ?? null,
    attachments: view.attachments,
    history: view.history,
    editable,
    canUpload: EDITABLE.includes(view.report.status),
    canRemove: canRemoveFiles(view.report.status, user.role),
    removed: url.searchParams.has("entfernt"),
    unpublished: url.searchParams.has("zurueckgezogen"),
    actions: allowedActions(view.report.status, user.role),
    uploadError: uploadErrorFromUrl(request),
    uploaded: url.searchParams.has("hochgeladen"),
    maxMb: uploadLimitMb(),
  };
}

const reportActionSchema = z.discriminatedUnion("intent", [reportTextSchema, reportSubmitSchema, stepSchema]);
const WITH_TEXT = new Set<string | null | undefined>(["save", "submit"]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, report } = await load(request, params.reportId);
  const result = await parseForm(request, context, reportActionSchema);
  const actor = { id: user.id, role: user.role, groupId: user.groupId };
  if (result.intent === "save" && user.role !== "coordinator") notFound();
  if (!result.ok) return WITH_TEXT.has(result.intent) ? invalid(result) : notFound();
  const input = result.data;
  try {
    if (input.intent === "save" || (input.intent === "submit" && user.role === "coordinator")) {
      // What is on screen is saved first, also when the button was "Bericht einreichen" (the group's
      // only way to submit is the text form; organisers submit on a group's behalf without text).
      const { intent, ...text } = input;
      if (!(await saveReportText({ reportId: report.id, actor, text }))) notFound();
      if (intent === "save") return data({ ok: true as const, done: "save" as const });
    }
    if (input.intent === "request_changes" && !input.comment) {
      return invalid({
        errors: { comment: "reports.error.commentRequired" },
        values: { intent: "request_changes", comment: "" },
      });
    }
    const comment = input.intent === "submit" ? "" : input.comment;
    if (
      !(await transition({
        reportId: report.id,
        actor,
        action: input.intent,
        comment,
        appUrl: env.APP_URL,
        locale: await getLocale(request),
      }))
    )
      notFound();
    return data({ ok: true as const, done: input.intent });
  } catch (error) {
    if (error instanceof WorkflowError)
      return data(
        {
          ok: false as const,
          errors: { _form: error.key } as Record<string, MessageKey>,
          values: {} as Record<string, string>,
        },
        { status: 409 },
      );
    throw error;
  }
}

const EVENT_KEYS: Record<string, MessageKey> = {
  created: "reports.event.created",
  edited: "reports.event.edited",
  file_added: "reports.event.file_added",
  file_replaced: "reports.event.file_replaced",
  submitted: "reports.event.submitted",
  changes_requested: "reports.event.changes_requested",
  approved: "reports.event.approved",
  published: "reports.event.published",
  unpublished: "reports.event.unpublished",
  file_removed: "reports.event.file_removed",
};

export default function ReportPage() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok ? actionData : null;
  const errors: FormErrors = failed?.errors ?? {};
  const steps = d.actions.filter((a: Action) => (a !== "submit" || !d.editable) && a !== "unpublish");
  const withText = failed?.values.intent === "save" || failed?.values.intent === "submit";
  const value = (k: string, fallback: string) => (withText ? (failed.values[k] ?? "") : fallback);
  const sectionLabels = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, t(`reports.section.${s}`)]));
  const describe = (action: string, detail: string) => {
    const key = EVENT_KEYS[action];
    if (!key) return action;
    const shown =
      action === "edited"
        ? detail
            .split(",")
            .map((s) => sectionLabels[s] ?? s)
            .join(", ")
        : detail;
    return t(key, { detail: shown });
  };
  return (
    <>
      <p>
        <Link to={`/verwaltung/arbeitskreise/${d.group.id}`}>{d.group.name}</Link>
      </p>
      <h1>{t("reports.title", { year: d.conference.year, group: d.group.name })}</h1>
      <p>
        {t("reports.statusLabel")}:{" "}
        <span className={`status status--${d.report.status}`}>{t(`reports.status.${d.report.status}`)}</span>
        {d.deadline ? <> · {t("reports.deadline", { date: formatDateTime(d.deadline, locale) })}</> : null}
      </p>
      {actionData?.ok ? (
        <p className="notice" role="status">
          {actionData.done === "save" ? t("reports.saved") : t(`reports.done.${actionData.done}`)}
        </p>
      ) : null}
      {d.unpublished && !actionData ? (
        <p className="notice" role="status">
          {t("reports.done.unpublish")}
        </p>
      ) : null}
      {errors._form ? (
        <p className="notice notice--warn" role="alert">
          {t(errors._form)}
        </p>
      ) : null}
      {d.report.status === "changes_requested" && d.report.organiserComment ? (
        <div className="card card--highlight">
          <h2>{t("reports.comment")}</h2>
          <p className="pre-line">{d.report.organiserComment}</p>
        </div>
      ) : null}

      {d.editable ? (
        <>
          <ErrorSummary errors={withText ? errors : {}} labels={sectionLabels} />
          <SafeForm noValidate data-draft="bericht">
            {REPORT_FIELDS.map((s) => (
              <TextareaField
                key={s}
                name={s}
                label={sectionLabels[s]!}
                hint={t(`reports.hint.${s}`)}
                error={errors[s]}
                defaultValue={value(s, d.report[s])}
                rows={5}
              />
            ))}
            <p className="reg-actions">
              {/* The first button is what Enter presses: saving, never submitting by accident. */}
              <button
                type="submit"
                name="intent"
                value="save"
                className={d.actions.includes("submit") ? "button button--secondary" : "button"}
              >
                {t("reports.save")}
              </button>
              {d.actions.includes("submit") ? (
                <button type="submit" name="intent" value="submit" className="button">
                  {t("reports.action.submit")}
                </button>
              ) : null}
            </p>
            {d.actions.includes("submit") ? <p className="field__hint">{t("reports.submitHint")}</p> : null}
          </SafeForm>
        </>
      ) : (
        <>
          {d.canUpload ? null : <p>{t("reports.readonly")}</p>}
          <div className="report-sections">
            {REPORT_SECTIONS.map((s) => (
              <div key={s}>
                <h2>{sectionLabels[s]}</h2>
                <p>{d.report[s] || "–"}</p>
              </div>
            ))}
          </div>
        </>
      )}

      <h2 id="anhaenge" tabIndex={-1}>
        {t("reports.attachments")}
      </h2>
      {d.uploaded ? (
        <p className="notice" role="status">
          {t("reports.uploaded")}
        </p>
      ) : null}
      {d.removed ? (
        <p className="notice" role="status">
          {t("reports.removeFile.done")}
        </p>
      ) : null}
      {d.attachments.length === 0 ? <p>{t("reports.noAttachments")}</p> : null}
      <ul className="file-list">
        {d.attachments.map((a) => (
          <li key={a.fileId}>
            <a href={`/dateien/${a.fileId}`}>{a.displayName}</a> ({KIND_LABEL[a.kind] ?? a.kind},{" "}
            {formatBytes(a.size, locale)}, {t("reports.versions", { version: a.version })})
            {d.canRemove ? (
              <>
                {" "}
                <Link
                  className="button button--small button--secondary"
                  to={`/verwaltung/berichte/${d.report.id}/anhaenge/${a.fileId}/entfernen`}
                >
                  {t("reports.removeFile")}
                  <span className="visually-hidden">: {a.displayName}</span>
                </Link>
              </>
            ) : null}
            {a.version > 1 ? (
              <ul>
                {Array.from({ length: a.version - 1 }, (_, i) => a.version - 1 - i).map((v) => (
                  <li key={v}>
                    <a href={`/dateien/${a.fileId}?v=${v}&download=1`}>{t("reports.versions", { version: v })}</a>
                  </li>
                ))}
              </ul>
            ) : null}
            {d.canUpload ? (
              <details className="replace">
                <summary>{t("reports.replace", { name: a.displayName })}</summary>
                <FileUpload
                  action={`/verwaltung/berichte/${d.report.id}/datei`}
                  id={`replace-${a.fileId}`}
                  label={t("reports.replace", { name: a.displayName })}
                  hidden={{ ersetzt: a.fileId }}
                  maxMb={d.maxMb}
                  submitLabel={t("reports.replaceSubmit")}
                />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {d.canUpload ? (
        <FileUpload
          action={`/verwaltung/berichte/${d.report.id}/datei`}
          label={t("reports.upload")}
          error={d.uploadError}
          maxMb={d.maxMb}
        />
      ) : null}

      {steps.length ? (
        <>
          <h2>{t("reports.steps")}</h2>
          <div className="actions">
            {steps.map((a: Action) =>
              a === "request_changes" ? (
                <SafeForm key={a} noValidate className="card">
                  <input type="hidden" name="intent" value={a} />
                  <TextareaField
                    name="comment"
                    label={t("reports.commentField")}
                    hint={t("reports.commentHint")}
                    required
                    error={errors.comment}
                    rows={3}
                  />
                  <button type="submit" className="button button--secondary">
                    {t("reports.action.request_changes")}
                  </button>
                </SafeForm>
              ) : (
                <SafeForm key={a}>
                  <input type="hidden" name="intent" value={a} />
                  <button type="submit" className="button">
                    {t(`reports.action.${a}`)}
                  </button>
                </SafeForm>
              ),
            )}
          </div>
        </>
      ) : null}
      {d.actions.includes("unpublish") ? (
        <p>
          <Link className="button button--secondary" to={`/verwaltung/berichte/${d.report.id}/zurueckziehen`}>
            {t("reports.action.unpublish")}
          </Link>
        </p>
      ) : null}
      {d.report.status === "approved" || d.report.status === "published" ? (
        <p>
          <Link to={`/praesentation/${d.report.id}`}>{t("reports.present")}</Link>
        </p>
      ) : null}

      <h2>{t("reports.history")}</h2>
      <TableWrap label={t("reports.history")}>
        <table className="history">
          <thead>
            <tr>
              <th scope="col">{t("reports.history.when")}</th>
              <th scope="col">{t("reports.history.who")}</th>
              <th scope="col">{t("reports.history.what")}</th>
            </tr>
          </thead>
          <tbody>
            {d.history.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.at, locale)}</td>
                <td>{h.userName ?? t("reports.history.someone")}</td>
                <td>{describe(h.action, h.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

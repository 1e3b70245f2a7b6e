import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmForm } from "~/components/confirm-form";
import { pageTitle, useT } from "~/i18n/i18n";
import { canRemoveFiles, findReport, getReportFile, removeReportFile } from "~/modules/groups/reports.server";
import { requireGroupAccess } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("reports.removeFile.title", { name: data.name }) : "reports.overview", "admin"),
];

// GET asks, POST removes: the group's coordinators while the report is with them, organisers always.
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const report = await findReport(params.reportId ?? "");
  if (!report) notFound();
  const user = await requireGroupAccess(request, report.groupId);
  if (!canRemoveFiles(report.status, user.role)) notFound();
  const file = await getReportFile(report.id, params.fileId ?? "");
  if (!file) notFound();
  return { user, report, file };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report, file } = await load(request, params);
  return { id: report.id, name: file.displayName };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, report, file } = await load(request, params);
  await readForm(request, context);
  const actor = { id: user.id, role: user.role, groupId: user.groupId };
  if (!(await removeReportFile({ reportId: report.id, fileId: file.fileId, actor }))) notFound();
  throw redirect(`/verwaltung/berichte/${report.id}?entfernt=1#anhaenge`);
}

export default function RemoveReportFile() {
  const t = useT();
  const { id, name } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("reports.removeFile.title", { name })}</h1>
      <p>{t("reports.removeFile.lead")}</p>
      <ConfirmForm
        submitLabel={t("reports.removeFile.submit")}
        cancelTo={`/verwaltung/berichte/${id}#anhaenge`}
        cancelLabel={t("reports.confirm.cancel")}
      />
    </div>
  );
}

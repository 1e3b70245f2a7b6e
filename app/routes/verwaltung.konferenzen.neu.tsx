import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import type { FormErrors } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { createConference } from "~/modules/conferences/admin.server";
import { previewConferenceDescription } from "~/modules/conferences/description.server";
import { conferenceSchema } from "~/modules/conferences/conference.schema";
import { ConferenceForm, PREVIEW_INTENT } from "~/modules/conferences/ui";
import { requireOrganiser } from "~/server/auth.server";
import { formValues, invalid, readForm, validateForm } from "~/server/form.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.conferences.new", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireOrganiser(request);
  const form = await readForm(request, context);
  if (form.get("intent") === PREVIEW_INTENT) {
    const preview = previewConferenceDescription(String(form.get("description") ?? ""));
    const values = formValues(form);
    if ("error" in preview) return invalid({ errors: { description: preview.error }, values });
    return { values, errors: undefined, previewHtml: preview.html };
  }
  const result = validateForm(form, conferenceSchema);
  if (!result.ok) return invalid(result);
  const saved = await createConference(result.data);
  if (!saved.ok) return invalid({ errors: { year: "conference.errors.yearTaken" }, values: formValues(result.form) });
  throw redirect(`/verwaltung/konferenzen/${saved.year}?gespeichert=1`);
}

export default function NewConference() {
  const t = useT();
  const acted = useActionData<typeof action>();
  return (
    <>
      <h1>{t("admin.conferences.new")}</h1>
      <ConferenceForm
        values={acted?.values ?? { year: String(new Date().getFullYear() + 1) }}
        errors={acted?.errors as FormErrors | undefined}
        submitLabel={t("admin.conference.create")}
        previewHtml={acted && "previewHtml" in acted ? acted.previewHtml : undefined}
      />
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SafeForm } from "~/components/form";
import { FileUpload } from "~/components/file-upload";
import { pageTitle, useT } from "~/i18n/i18n";
import { LibraryEntryForm, type EntryValues } from "~/modules/publishing/library-form";
import { libraryEntrySchema } from "~/modules/publishing/library.schema";
import {
  deleteLibraryEntry,
  getLibraryEntry,
  LibraryError,
  listParentChoices,
  updateLibraryEntry,
} from "~/modules/publishing/library.server";
import { publishingLinks } from "~/modules/publishing/ui";
import { uploadErrorFromUrl, uploadLimitMb } from "~/server/uploads/http.server";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, readForm, validateForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { isUuid } from "~/db/id";

export const links = publishingLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? () => data.entry.title : "library.admin.title", "admin"),
];

async function load(request: Request, id: string | undefined) {
  const user = await requireOrganiser(request);
  if (!isUuid(id)) notFound();
  const entry = await getLibraryEntry(id, { includeDrafts: true });
  if (!entry) notFound();
  return { user, entry };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await load(request, params.id);
  const url = new URL(request.url);
  return {
    entry,
    parents: await listParentChoices(entry.id),
    created: url.searchParams.has("angelegt"),
    uploaded: url.searchParams.has("hochgeladen"),
    uploadError: uploadErrorFromUrl(request),
    maxMb: uploadLimitMb(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, entry } = await load(request, params.id);
  const actor = { id: user.id, name: user.name };
  const form = await readForm(request, context);
  if (form.get("intent") === "delete") {
    await deleteLibraryEntry(entry.id, actor);
    throw redirect("/verwaltung/dokumente?geloescht=1");
  }
  const result = validateForm(form, libraryEntrySchema);
  if (!result.ok) return invalid(result);
  try {
    if (!(await updateLibraryEntry(entry.id, result.data, actor))) notFound();
  } catch (error) {
    if (error instanceof LibraryError)
      return invalid({
        errors: { [error.field]: error.field === "url" ? "library.error.url" : "library.error.parent" },
        values: result.values,
      });
    throw error;
  }
  return data({ ok: true as const });
}

export default function LibraryEntryAdmin() {
  const t = useT();
  const { entry, parents, created, uploaded, uploadError, maxMb } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const values: EntryValues = failed?.values ?? {
    title: entry.title,
    year: entry.year ? String(entry.year) : "",
    type: entry.type,
    area: entry.area ?? "",
    description: entry.description,
    parentId: entry.parentId ?? "",
    position: String(entry.position),
    url: entry.url ?? "",
    published: entry.published ? "on" : "",
  };
  return (
    <>
      <p>
        <Link to="/verwaltung/dokumente">{t("library.admin.title")}</Link>
      </p>
      <h1>{entry.title}</h1>
      {created || uploaded || result?.ok ? (
        <p className="notice" role="status">
          {created ? t("library.admin.created") : uploaded ? t("uploads.done") : t("library.admin.saved")}
        </p>
      ) : null}
      {entry.published ? (
        <p>
          <Link to={`/dokumente/${entry.slug}`}>{t("library.admin.open")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="file-title" id="anhaenge">
        <h2 id="file-title">{t("library.admin.file")}</h2>
        {entry.fileName ? (
          <p>
            <a href={`/dateien/${entry.fileId}`}>{t("library.admin.fileCurrent", { name: entry.fileName })}</a>
          </p>
        ) : null}
        <FileUpload
          action={`/verwaltung/dokumente/${entry.id}/datei`}
          label={entry.fileId ? t("library.admin.uploadReplace") : t("library.admin.upload")}
          maxMb={maxMb}
          error={uploadError}
        />
      </section>
      <section aria-labelledby="edit-title">
        <h2 id="edit-title">{t("library.admin.edit")}</h2>
        <LibraryEntryForm
          key={entry.id}
          values={values}
          errors={failed?.errors ?? {}}
          parents={parents}
          submitLabel={t("library.field.save")}
        />
      </section>
      <SafeForm>
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button--secondary">
          {t("library.admin.delete")}
        </button>
      </SafeForm>
    </>
  );
}

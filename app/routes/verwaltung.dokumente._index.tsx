import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { LibraryEntryForm } from "~/modules/publishing/library-form";
import { libraryEntrySchema } from "~/modules/publishing/library.schema";
import { createLibraryEntry, LibraryError, listLibrary, listParentChoices } from "~/modules/publishing/library.server";
import { libraryTypeKey, publishingLinks } from "~/modules/publishing/ui";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, parseForm } from "~/server/form.server";
import { TableWrap } from "~/components/form";

export const links = publishingLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "library.admin.title", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const [entries, parents] = await Promise.all([listLibrary({ includeDrafts: true }), listParentChoices()]);
  return { entries, parents, deleted: new URL(request.url).searchParams.has("geloescht") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const result = await parseForm(request, context, libraryEntrySchema);
  if (!result.ok) return invalid(result);
  try {
    const created = await createLibraryEntry(result.data, { id: user.id, name: user.name });
    throw redirect(`/verwaltung/dokumente/${created.id}?angelegt=1`);
  } catch (error) {
    if (error instanceof LibraryError)
      return invalid({
        errors: { [error.field]: error.field === "url" ? "library.error.url" : "library.error.parent" },
        values: result.values,
      });
    throw error;
  }
}

export default function LibraryAdmin() {
  const t = useT();
  const { entries, parents, deleted } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <h1>{t("library.admin.title")}</h1>
      <p className="lead">{t("library.admin.lead")}</p>
      {deleted ? (
        <p className="notice" role="status">
          {t("library.admin.deleted")}
        </p>
      ) : null}
      <TableWrap label={t("library.admin.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("library.field.title")}</th>
              <th scope="col">{t("library.field.year")}</th>
              <th scope="col">{t("library.field.type")}</th>
              <th scope="col">{t("library.admin.file")}</th>
              <th scope="col">{t("library.admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  {e.parentId ? "↳ " : null}
                  <Link to={`/verwaltung/dokumente/${e.id}`}>{e.title}</Link>
                </th>
                <td>{e.year ?? "–"}</td>
                <td>{t(libraryTypeKey(e.type))}</td>
                <td>{e.fileName ?? (e.url ? t("library.field.url") : "–")}</td>
                <td>{e.published ? t("library.admin.published") : t("library.admin.draft")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <section aria-labelledby="new-entry">
        <h2 id="new-entry">{t("library.admin.new")}</h2>
        <LibraryEntryForm
          values={failed?.values ?? {}}
          errors={failed?.errors ?? {}}
          parents={parents}
          submitLabel={t("library.field.create")}
        />
      </section>
    </>
  );
}

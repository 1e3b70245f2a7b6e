import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { LibraryEntryForm } from "~/modules/publishing/library-form";
import { libraryEntrySchema } from "~/modules/publishing/library.schema";
import { createLibraryEntry, LibraryError, listParentChoices } from "~/modules/publishing/library.server";
import { publishingLinks } from "~/modules/publishing/ui";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, parseForm } from "~/server/form.server";

export const links = publishingLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "library.admin.new", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { parents: await listParentChoices() };
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

export default function NewLibraryEntry() {
  const t = useT();
  const { parents } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/verwaltung/dokumente">{t("library.admin.title")}</Link>
      </p>
      <h1>{t("library.admin.new")}</h1>
      <LibraryEntryForm
        values={failed?.values ?? {}}
        errors={failed?.errors ?? {}}
        parents={parents}
        submitLabel={t("library.field.create")}
      />
    </>
  );
}

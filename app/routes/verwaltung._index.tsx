import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, role: user.role };
}

export default function AdminHome() {
  const t = useT();
  const { name, role } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.welcome", { name })}</p>
      <p>{t(role === "organiser" ? "admin.role.organiser" : "admin.role.coordinator")}</p>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { getUser, signOut } from "~/server/auth.server";
import { readForm } from "~/server/form.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "logout.title")];

// GET only asks; signing out is a POST (a link or image elsewhere cannot sign anyone out).
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getUser(request))) throw redirect("/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  return signOut(request);
}

export default function Logout() {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t("logout.title")}</h1>
      <p>{t("logout.lead")}</p>
      <SafeForm>
        <button type="submit" className="button">
          {t("logout.submit")}
        </button>
      </SafeForm>
    </div>
  );
}

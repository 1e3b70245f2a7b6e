import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { consumeLoginToken } from "~/modules/auth/accounts.server";
import { signIn } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { linkCookie } from "~/server/link-cookie.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "login.confirmTitle")];

async function readLinkToken(request: Request): Promise<string | null> {
  const value: unknown = await linkCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value ? value : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await readLinkToken(request))) throw redirect("/login?link-ungueltig=1");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  const token = await readLinkToken(request);
  const clear = { "Set-Cookie": await linkCookie.serialize("", { maxAge: 0 }) };
  const used = token ? await consumeLoginToken(token) : null;
  if (!used) throw redirect("/login?link-ungueltig=1", { headers: clear });
  const response = await signIn(request, used.userId, "/verwaltung");
  response.headers.append("Set-Cookie", clear["Set-Cookie"]);
  return response;
}

export default function ConfirmLogin() {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t("login.confirmTitle")}</h1>
      <p>{t("login.confirmLead")}</p>
      <SafeForm>
        <button type="submit" className="button">
          {t("login.confirmSubmit")}
        </button>
      </SafeForm>
    </div>
  );
}

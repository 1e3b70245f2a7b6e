import type { MetaFunction } from "@remix-run/node";
import { pageTitle, useT } from "~/i18n/i18n";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "imprint.title")];

export default function Imprint() {
  const t = useT();
  return (
    <article className="prose">
      <h1>{t("imprint.title")}</h1>
      <p>{t("imprint.body")}</p>
    </article>
  );
}

import type { MetaFunction } from "@remix-run/node";
import { useT } from "~/i18n/i18n";

export const meta: MetaFunction = () => [{ title: "Barrierefreiheit – Integrationskonferenz" }];

export default function AccessibilityStatement() {
  const t = useT();
  return (
    <article className="prose">
      <h1>{t("accessibility.title")}</h1>
      <p>{t("accessibility.body")}</p>
    </article>
  );
}

import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n";

/** Which of the error texts (`error.<kind>.title`/`.text`) an HTTP status gets. */
export function errorKind(status: number): "notFound" | "forbidden" | "tooMany" | "unavailable" | "server" {
  return status === 404
    ? "notFound"
    : status === 403
      ? "forbidden"
      : status === 429
        ? "tooMany"
        : status === 503
          ? "unavailable"
          : "server";
}

/** The one page for expected failures (404, 403, 503) and unexpected ones: never a stack or SQL. */
export function ErrorPage({ status }: { status: number }) {
  const t = useT();
  const kind = errorKind(status);
  return (
    <section className="error-page">
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.text`)}</p>
      <p className="error-page__code">Fehlercode {status}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}

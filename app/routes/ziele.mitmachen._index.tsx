import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { findConferenceByDayCode, normaliseDayCode } from "~/modules/conferences/day-code.server";
import { goalsLinks } from "~/modules/goals/ui";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.participate.title")];

/** Entry with the conference-day code (on the badge and the projector); a known code leads on. */
export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code");
  if (code === null) return { error: null, code: "" };
  const conference = code.trim() ? await findConferenceByDayCode(code) : null;
  if (conference) throw redirect(`/ziele/mitmachen/${encodeURIComponent(normaliseDayCode(code))}`);
  return {
    error: code.trim() ? ("goals.participate.unknownCode" as const) : ("errors.required" as const),
    code: code.slice(0, 40),
  };
}

export default function ParticipateEntry() {
  const t = useT();
  const { error, code } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("goals.participate.title")}</h1>
      <p className="lead">{t("goals.participate.entryLead")}</p>
      {error ? (
        <div className="error-summary" role="alert">
          <h2>{t("form.errorSummary")}</h2>
          <p>
            <a href="#field-code">{t(error)}</a>
          </p>
        </div>
      ) : null}
      <Form method="get">
        <div className={error ? "field field--error" : "field"}>
          <label htmlFor="field-code">
            {t("goals.participate.code")} <span className="field__req">({t("form.required")})</span>
          </label>
          <p className="field__hint" id="field-code-hint">
            {t("goals.participate.codeHint")}
          </p>
          <input
            id="field-code"
            name="code"
            defaultValue={code}
            autoComplete="off"
            autoCapitalize="characters"
            aria-describedby="field-code-hint"
            aria-invalid={error ? true : undefined}
            required
          />
        </div>
        <button type="submit" className="button">
          {t("goals.participate.open")}
        </button>
      </Form>
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { dayCodeSchema } from "~/modules/discussion/discussion.schema";
import { findConferenceByDayCode } from "~/modules/conferences/day-code.server";
import { fieldErrors } from "~/server/form.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "discussion.join")];

/** The code form is a GET form: no state changes, works without JavaScript and without a cookie. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (!url.searchParams.has("code")) return { errors: undefined, code: "" };
  const raw = url.searchParams.get("code") ?? "";
  const parsed = dayCodeSchema.safeParse({ code: raw });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), code: raw };
  const conference = await findConferenceByDayCode(parsed.data.code);
  if (!conference) return { errors: { code: "discussion.code.unknown" as const }, code: raw };
  throw redirect(`/live/${conference.dayCode}`);
}

export default function LiveJoin() {
  const t = useT();
  const { errors, code } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("discussion.join")}</h1>
      <p className="lead">{t("discussion.join.lead")}</p>
      <ErrorSummary errors={errors} labels={{ code: t("discussion.code") }} />
      <Form method="get" className="stack">
        <Field
          name="code"
          label={t("discussion.code")}
          hint={t("discussion.code.hint")}
          required
          defaultValue={code}
          error={errors?.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
        />
        <button type="submit" className="button">
          {t("discussion.code.submit")}
        </button>
      </Form>
    </div>
  );
}

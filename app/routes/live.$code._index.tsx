import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useGermanContent, useLocale, useT } from "~/i18n/i18n";
import { speakersText, windowText } from "~/modules/discussion/format";
import { isOpen, listPublicInputs } from "~/modules/discussion/inputs.server";
import { findConferenceByDayCode } from "~/modules/conferences/day-code.server";
import { notFound } from "~/server/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? "discussion.day.title" : "error.notFound.title"),
];

export async function loader({ params }: LoaderFunctionArgs) {
  const conference = await findConferenceByDayCode(params.code ?? "");
  if (!conference) notFound();
  const inputs = await listPublicInputs(conference.id);
  const now = new Date();
  return { conference, code: conference.dayCode!, inputs: inputs.map((i) => ({ ...i, open: isOpen(i, now) })) };
}

export default function LiveDay() {
  const t = useT();
  const locale = useLocale();
  const de = useGermanContent();
  const { conference, code, inputs } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <p className="agenda__kind" {...de}>
        {conference.title}
      </p>
      <h1>{t("discussion.day.title")}</h1>
      {inputs.length === 0 ? (
        <p>{t("discussion.day.none")}</p>
      ) : (
        <>
          <p>{t("discussion.day.lead")}</p>
          <ul className="live-inputs">
            {inputs.map((input) => (
              <li key={input.id} className="card">
                <h2 className="card__title">
                  <Link to={`/live/${code}/${input.id}`} {...de}>
                    {input.title}
                  </Link>
                </h2>
                {input.speakers.length ? (
                  <p>
                    {t("discussion.speakers")}: {speakersText(input.speakers)}
                  </p>
                ) : null}
                <p>{windowText(t, locale, input, input.open)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useLiveSnapshot } from "~/components/live-stream";
import { pageTitle, useT } from "~/i18n/i18n";
import { likesText, speakersText } from "~/modules/discussion/format";
import { getInputForCode, liveUrl } from "~/modules/discussion/inputs.server";
import { qrDataUrl } from "~/modules/conferences/day-code.server";
import { roomSnapshot } from "~/modules/discussion/questions.server";
import styles from "~/styles/discussion.css?url";
import { notFound } from "~/server/http.server";
import { FieldDataBlock } from "~/modules/monitoring/data-block";
import { fieldChoices, fieldDigests } from "~/modules/monitoring/goal-links.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("title.roomView", { title: data.title }) : "error.notFound.title"),
];

/** Seconds between reloads of the page when JavaScript is off. */
const REFRESH_SECONDS = 5;
export const handle = { noscriptRefresh: REFRESH_SECONDS };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const found = await getInputForCode(params.code ?? "", params.inputId ?? "");
  if (!found) notFound();
  const { conference, input } = found;
  // The QR code opens this input's question page; people who type go to /live and enter the code.
  const [snapshot, qr, fields] = await Promise.all([
    roomSnapshot(input.id),
    qrDataUrl(liveUrl(conference.dayCode!, input.id)),
    fieldChoices(),
  ]);
  // "Daten zum Handlungsfeld" for the fields chosen by ?feld=<code> (repeatable).
  const wanted = new URL(request.url).searchParams.getAll("feld").map((c) => c.toUpperCase());
  const chosen = fields.filter((f) => wanted.includes(f.code));
  const fieldData = await fieldDigests(chosen.map((f) => f.id));
  return {
    code: conference.dayCode!,
    inputId: input.id,
    title: input.title,
    speakers: input.speakers,
    snapshot: snapshot!,
    joinUrl: `${new URL(liveUrl(conference.dayCode!)).host}/live`,
    qr,
    fields: fields.map((f) => ({ code: f.code, name: f.name })),
    chosen: chosen.map((f) => f.code),
    fieldData,
  };
}

/** The projector view: large type, high contrast, live through server-sent events. */
export default function RoomView() {
  const t = useT();
  const {
    code,
    inputId,
    title,
    speakers,
    snapshot: initial,
    joinUrl,
    qr,
    fields,
    chosen,
    fieldData,
  } = useLoaderData<typeof loader>();
  const snapshot = useLiveSnapshot(`/live/${code}/${inputId}/stream`, initial);
  const pinned = snapshot.questions.find((q) => q.pinned);
  const open = snapshot.questions.filter((q) => !q.pinned && !q.answered);
  const answered = snapshot.questions.filter((q) => q.answered);
  return (
    <div className="room" data-version={snapshot.version}>
      <header className="room__head">
        <div>
          <h1 className="room__title">{title}</h1>
          {speakers.length ? <p className="room__speakers">{speakersText(speakers)}</p> : null}
        </div>
        <div className="room__join">
          <img src={qr} alt={t("discussion.room.qr")} width={180} height={180} />
          <p>
            {t("discussion.room.join")}
            <br />
            <strong className="room__url">{joinUrl}</strong>
            <br />
            <strong>{t("discussion.room.code", { code })}</strong>
          </p>
        </div>
      </header>
      {pinned ? (
        <section className="room__pinned" aria-labelledby="room-pinned">
          <h2 id="room-pinned">{t("discussion.pinned")}</h2>
          <p className="room__question-text" dir="auto">
            {pinned.text}
          </p>
          <p className="room__meta">
            {pinned.authorName ? `${pinned.authorName} · ` : ""}
            {likesText(t, pinned.likeCount)}
          </p>
        </section>
      ) : null}
      {open.length === 0 && !pinned ? <p className="room__empty">{t("discussion.room.empty")}</p> : null}
      <ol className="room__list" aria-label={t("discussion.questions.title")}>
        {open.map((q) => (
          <li key={q.id} className="room__question" data-question-id={q.id}>
            {/* The figure for the eye, the words for screen readers (aria-label is not for a bare span). */}
            <span className="room__likes" aria-hidden="true">
              {q.likeCount}
            </span>
            <span className="visually-hidden">{likesText(t, q.likeCount)}</span>
            <span>
              <span className="room__question-text" dir="auto">
                {q.text}
              </span>
              {q.authorName ? <span className="room__meta"> – {q.authorName}</span> : null}
            </span>
          </li>
        ))}
      </ol>
      {answered.length ? (
        <section className="room__answered" aria-labelledby="room-answered">
          <h2 id="room-answered">{t("discussion.room.answered")}</h2>
          <ul>
            {answered.map((q) => (
              <li key={q.id} dir="auto">
                {q.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FieldDataBlock fields={fieldData} id="room-field-data" />
      <Form method="get" className="room__field-choice">
        <label htmlFor="room-feld">{t("monitoringGoals.field.choose")}</label>{" "}
        <select id="room-feld" name="feld" defaultValue={chosen[0] ?? ""}>
          <option value="">{t("monitoringGoals.field.all")}</option>
          {fields.map((f) => (
            <option key={f.code} value={f.code} lang="de">
              {f.name}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t("monitoringGoals.field.show")}</button>
      </Form>
    </div>
  );
}

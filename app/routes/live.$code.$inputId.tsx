import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, fieldId, SafeForm } from "~/components/form";
import { useHydrated, useLiveSnapshot } from "~/components/live-stream";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useGermanContent, useLocale, useT } from "~/i18n/i18n";
import { askSchema, likeSchema, NAME_MAX, QUESTION_MAX } from "~/modules/discussion/discussion.schema";
import { isOpen, likesText, speakersText, windowText } from "~/modules/discussion/format";
import { getInputForCode } from "~/modules/discussion/inputs.server";
import {
  askQuestion,
  deviceView,
  roomSnapshot,
  setLike,
  type PublicQuestion,
} from "~/modules/discussion/questions.server";
import styles from "~/styles/discussion.css?url";
import { deviceId } from "~/server/device.server";
import { readForm, validateForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
// With the site-wide "no-referrer", browsers send "Origin: null" on a plain form POST, which the
// server's Origin check refuses; "same-origin" keeps referrers off other sites and lets forms work without JavaScript.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("title.questions", { title: data.input.title }) : "error.notFound.title"),
  { name: "referrer", content: "same-origin" },
];

async function load(params: LoaderFunctionArgs["params"]) {
  const found = await getInputForCode(params.code ?? "", params.inputId ?? "");
  if (!found) notFound();
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference, input } = await load(params);
  // The functional device cookie is set on the first visit, so the first like already carries it.
  const device = await deviceId(request);
  const [snapshot, mine] = await Promise.all([roomSnapshot(input.id), deviceView(input.id, device.id)]);
  return data(
    {
      code: conference.dayCode!,
      conferenceTitle: conference.title,
      input: {
        id: input.id,
        title: input.title,
        speakers: input.speakers,
        abstract: input.abstract,
        questionsOpenAt: input.questionsOpenAt,
        questionsCloseAt: input.questionsCloseAt,
      },
      snapshot: snapshot!,
      liked: mine.liked,
      waiting: mine.waiting,
    },
    device.setCookie ? { headers: { "Set-Cookie": device.setCookie } } : undefined,
  );
}

type ActionResult =
  | { ok: false; errors: Partial<Record<string, MessageKey>>; values: Record<string, string>; notice?: undefined }
  | { ok: false; notice: MessageKey; minutes?: number; errors?: undefined; values?: Record<string, string> }
  | { ok: true; errors?: undefined; notice?: undefined };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { conference, input } = await load(params);
  const form = await readForm(request, context);
  const device = await deviceId(request);
  const headers = device.setCookie ? { "Set-Cookie": device.setCookie } : undefined;
  const viaScript = form.get("fetch") === "1";
  const here = `/live/${conference.dayCode}/${input.id}`;
  const intent = form.get("intent");

  if (intent === "like" || intent === "unlike") {
    const parsed = validateForm(form, likeSchema);
    if (!parsed.ok) notFound();
    const result = await setLike({
      questionId: parsed.data.questionId,
      deviceId: device.id,
      clientIp: context.clientIp ?? "unknown",
      like: parsed.data.intent === "like",
    });
    if (!result.ok) {
      if (result.reason === "notFound") notFound();
      const notice: MessageKey = result.reason === "closed" ? "discussion.closed" : "discussion.like.rateLimited";
      return data<ActionResult>(
        { ok: false, notice },
        {
          status: result.reason === "rateLimited" ? 429 : 409,
          headers: {
            ...headers,
            ...(result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {}),
          },
        },
      );
    }
    if (viaScript) return data<ActionResult>({ ok: true }, { headers });
    throw redirect(`${here}#q-${parsed.data.questionId}`, { headers });
  }

  const parsed = validateForm(form, askSchema);
  if (!parsed.ok)
    return data<ActionResult>({ ok: false, errors: parsed.errors, values: parsed.values }, { status: 400, headers });
  const result = await askQuestion({
    inputId: input.id,
    deviceId: device.id,
    clientIp: context.clientIp ?? "unknown",
    text: parsed.data.text,
    name: parsed.data.name,
  });
  if (!result.ok) {
    if (result.reason === "notFound") notFound();
    const values = parsed.values;
    if (result.reason === "rateLimited") {
      return data<ActionResult>(
        {
          ok: false,
          notice: "discussion.ask.rateLimited",
          minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60)),
          values,
        },
        { status: 429, headers: { ...headers, "Retry-After": String(result.retryAfterSeconds ?? 60) } },
      );
    }
    if (result.reason === "closed")
      return data<ActionResult>({ ok: false, notice: "discussion.ask.closed", values }, { status: 409, headers });
    return data<ActionResult>({ ok: false, errors: { text: "errors.invalid" }, values }, { status: 400, headers });
  }
  throw redirect(`${here}?gesendet=${result.status === "approved" ? "sichtbar" : "wartet"}`, { headers });
}

export default function QuestionPage() {
  const t = useT();
  const de = useGermanContent();
  const locale = useLocale();
  const { code, conferenceTitle, input, snapshot: initial, liked, waiting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const location = useLocation();
  const snapshot = useLiveSnapshot(`/live/${code}/${input.id}/stream`, initial);
  const open = isOpen(input) && snapshot.open;
  const sent = params.get("gesendet");
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  return (
    <div className="narrow live">
      <p className="agenda__kind">
        <Link to={`/live/${code}`} {...de}>
          {conferenceTitle}
        </Link>
      </p>
      <h1 {...de}>{input.title}</h1>
      {input.speakers.length ? (
        <p>
          {t("discussion.speakers")}: {speakersText(input.speakers)}
        </p>
      ) : null}
      <p className={open ? "notice" : "notice notice--warn"} role="status">
        {windowText(t, locale, input, open)}
      </p>

      {sent ? (
        <p className="notice" role="status">
          {sent === "sichtbar" ? t("discussion.ask.sentApproved") : t("discussion.ask.sentPending")}
        </p>
      ) : null}
      {actionData && !actionData.ok && actionData.notice ? (
        <p className="notice notice--warn" role="alert">
          {t(actionData.notice, { minutes: actionData.minutes ?? 1 })}
        </p>
      ) : null}

      {open ? (
        <section aria-labelledby="ask-title">
          <h2 id="ask-title">{t("discussion.ask.title")}</h2>
          <ErrorSummary errors={errors} labels={{ text: t("discussion.ask.text"), name: t("discussion.ask.name") }} />
          <SafeForm className="stack" key={location.key} replace>
            <input type="hidden" name="intent" value="ask" />
            <div className={errors?.text ? "field field--error" : "field"}>
              <label htmlFor={fieldId("text")}>
                {t("discussion.ask.text")} <span className="field__req">({t("form.required")})</span>
              </label>
              <p className="field__hint" id={`${fieldId("text")}-hint`}>
                {t("discussion.ask.textHint")}
              </p>
              {errors?.text ? (
                <p className="field__error" id={`${fieldId("text")}-error`}>
                  {t(errors.text)}
                </p>
              ) : null}
              <textarea
                id={fieldId("text")}
                name="text"
                required
                rows={4}
                maxLength={QUESTION_MAX}
                defaultValue={values?.text ?? ""}
                aria-invalid={errors?.text ? true : undefined}
                aria-describedby={`${fieldId("text")}-hint${errors?.text ? ` ${fieldId("text")}-error` : ""}`}
              />
            </div>
            <Field
              name="name"
              label={t("discussion.ask.name")}
              hint={t("discussion.ask.nameHint")}
              maxLength={NAME_MAX}
              autoComplete="name"
              defaultValue={values?.name ?? ""}
              error={errors?.name}
            />
            <button type="submit" className="button">
              {t("discussion.ask.submit")}
            </button>
          </SafeForm>
        </section>
      ) : null}

      {waiting.length ? (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t("discussion.waiting.title")}</h2>
          <ul className="questions">
            {waiting.map((q) => (
              <li key={q.id} className="question question--waiting">
                <p className="question__text" dir="auto">
                  {q.text}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{t("discussion.questions.title")}</h2>
        {snapshot.questions.length === 0 ? (
          <p>{t("discussion.questions.none")}</p>
        ) : (
          <ul className="questions">
            {snapshot.questions.map((q) => (
              <QuestionItem key={q.id} question={q} liked={liked.includes(q.id)} canLike={open && !q.answered} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function QuestionItem({ question: q, liked, canLike }: { question: PublicQuestion; liked: boolean; canLike: boolean }) {
  const t = useT();
  const fetcher = useFetcher<typeof action>();
  const hydrated = useHydrated();
  const pending = fetcher.formData?.get("intent");
  const isLiked = pending ? pending === "like" : liked;
  // While a like is on its way, show the count the server will report.
  const count = q.likeCount + (fetcher.state === "submitting" && isLiked !== liked ? (isLiked ? 1 : -1) : 0);
  const refused = fetcher.data && !fetcher.data.ok && fetcher.data.notice ? fetcher.data.notice : null;
  return (
    <li id={`q-${q.id}`} className={q.pinned ? "question question--pinned" : "question"}>
      {q.pinned ? <p className="question__badge">{t("discussion.pinned")}</p> : null}
      {q.answered ? <p className="question__badge question__badge--done">{t("discussion.answered")}</p> : null}
      <p className="question__text" dir="auto">
        {q.text}
      </p>
      <div className="question__meta">
        <span>{q.authorName ? t("discussion.by", { name: q.authorName }) : t("discussion.anonymous")}</span>
        <span className="question__likes">{likesText(t, count)}</span>
        {canLike ? (
          <fetcher.Form method="post" className="question__like">
            <CsrfInput />
            {hydrated ? <input type="hidden" name="fetch" value="1" /> : null}
            <input type="hidden" name="intent" value={isLiked ? "unlike" : "like"} />
            <input type="hidden" name="questionId" value={q.id} />
            <button
              type="submit"
              className={isLiked ? "button button--small" : "button button--small button--secondary"}
              aria-pressed={isLiked}
            >
              {t("discussion.like")}
              <span className="visually-hidden">
                {" – "}
                {t("discussion.like.context", { text: q.text.length > 80 ? `${q.text.slice(0, 80)}…` : q.text })}
              </span>
            </button>
          </fetcher.Form>
        ) : null}
      </div>
      {refused ? (
        <p className="field__error" role="alert">
          {t(refused)}
        </p>
      ) : null}
    </li>
  );
}

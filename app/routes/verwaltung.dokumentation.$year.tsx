import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FileUpload } from "~/components/file-upload";
import { Field, SafeForm } from "~/components/form";
import { MarkdownField } from "~/components/markdown-field";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { formatBytes, KIND_LABEL } from "~/modules/groups/format";
import {
  conferenceNotOverYet,
  deleteMaterial,
  deletePhoto,
  deleteSpeech,
  getDocumentationForEditing,
  isPhotoPublishable,
  renderIntro,
  renderSpeech,
  saveSettings,
  saveSpeech,
  setPublished,
  updatePhotos,
} from "~/modules/publishing/documentation.server";
import { publishingLinks } from "~/modules/publishing/ui";
import { uploadErrorFromUrl, uploadLimitMb } from "~/server/uploads/http.server";
import { requireOrganiser } from "~/server/auth.server";
import { checkbox, many, parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatDate, parseBerlinLocal } from "~/utils/time";

export const links = publishingLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("doc.admin.edit", { year: data.conference.year }) : "doc.admin.title", "admin"),
];

async function load(request: Request, yearParam: string | undefined) {
  const user = await requireOrganiser(request);
  const edit = await getDocumentationForEditing(Number(yearParam));
  if (!edit) notFound();
  return { user, edit };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edit } = await load(request, params.year);
  const strip = <T extends { storageKey: string }>({ storageKey: _k, ...rest }: T) => rest;
  return {
    ...edit,
    materials: edit.materials.map(strip),
    photos: edit.photos.map((p) => ({ ...strip(p), publishable: isPhotoPublishable(p) })),
    uploadError: uploadErrorFromUrl(request),
    uploaded: new URL(request.url).searchParams.has("hochgeladen"),
    maxMb: uploadLimitMb(),
    notOverYet: !edit.documentation.publishedAt && (await conferenceNotOverYet(edit.documentation.id)),
  };
}

const text = (max: number) => z.string().trim().max(max).optional().default("");
const idOf = z.object({ id: z.uuid() });
const documentationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("settings"),
    intro: text(5000),
    includeReports: checkbox(),
    includeDiscussion: checkbox(),
    includeGoals: checkbox(),
  }),
  z.object({
    intent: z.enum(["speech", "previewSpeech"]),
    speechId: z.union([z.literal(""), z.uuid()]).optional(),
    title: text(300),
    speaker: text(300),
    markdown: z.string().max(200_000).optional().default(""),
  }),
  z.object({
    intent: z.literal("previewIntro"),
    intro: text(5000),
    includeReports: checkbox(),
    includeDiscussion: checkbox(),
    includeGoals: checkbox(),
  }),
  idOf.extend({ intent: z.literal("deleteSpeech") }),
  idOf.extend({ intent: z.literal("deleteMaterial") }),
  idOf.extend({ intent: z.literal("deletePhoto") }),
  // Per photo: photoId, and alt-<id>, caption-<id>, cleared-<id>.
  z
    .object({ intent: z.literal("photos"), photoId: many(z.uuid()) })
    .catchall(z.union([z.string().max(500), z.array(z.string())])),
  z.object({
    intent: z.literal("publish"),
    publishDate: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).optional(),
    publishEarly: checkbox(),
  }),
  z.object({ intent: z.literal("unpublish") }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, edit } = await load(request, params.year);
  const result = await parseForm(request, context, documentationSchema);
  if (!result.ok)
    return data(
      { done: result.intent === "speech" ? ("speechError" as const) : ("invalid" as const) },
      // (a preview of a too long text is refused like saving it)
      { status: 400 },
    );
  const actor = { id: user.id, name: user.name };
  const docId = edit.documentation.id;
  const input = result.data;
  switch (input.intent) {
    case "settings": {
      const { intent: _i, ...settings } = input;
      await saveSettings(docId, settings);
      return data({ done: "saved" as const });
    }
    case "previewSpeech":
      // Nothing is saved: the form comes back with what was typed and the rendering beside it.
      return data({
        done: "speechPreview" as const,
        speech: { id: input.speechId ?? "", title: input.title, speaker: input.speaker, markdown: input.markdown },
        previewHtml: renderSpeech(input.markdown),
      });
    case "previewIntro":
      return data({ done: "introPreview" as const, intro: input.intro, previewHtml: renderIntro(input.intro) });
    case "speech": {
      if (!input.title) return data({ done: "speechError" as const }, { status: 400 });
      await saveSpeech({
        documentationId: docId,
        speechId: input.speechId || undefined,
        title: input.title,
        speaker: input.speaker,
        markdown: input.markdown,
      });
      return data({ done: "saved" as const });
    }
    case "deleteSpeech":
      await deleteSpeech(docId, input.id);
      return data({ done: "saved" as const });
    case "deleteMaterial":
      await deleteMaterial(docId, input.id);
      return data({ done: "saved" as const });
    case "deletePhoto":
      await deletePhoto(docId, input.id);
      return data({ done: "saved" as const });
    case "photos": {
      const field = (key: string) => (typeof input[key] === "string" ? (input[key] as string).trim() : "");
      const updated = await updatePhotos({
        documentationId: docId,
        actor,
        photos: input.photoId.map((id) => ({
          id,
          altText: field(`alt-${id}`),
          caption: field(`caption-${id}`),
          cleared: input[`cleared-${id}`] !== undefined,
        })),
      });
      return data({ done: "photos" as const, altMissing: updated.altMissing.length, revision: randomUUID() });
    }
    case "publish": {
      const publishAt = input.publishDate ? parseBerlinLocal(`${input.publishDate}T12:00`) : undefined;
      const published = await setPublished({
        documentationId: docId,
        publish: true,
        publishAt: publishAt ?? undefined,
        publishEarly: input.publishEarly,
        actor,
      });
      if (!published) notFound();
      if (published.refused) return data({ done: "earlyRefused" as const }, { status: 400 });
      return data({ done: "published" as const, notified: published.notified });
    }
    case "unpublish":
      await setPublished({ documentationId: docId, publish: false, actor });
      return data({ done: "unpublished" as const });
  }
}

function DeleteButton({ intent, id, name }: { intent: string; id: string; name: string }) {
  const t = useT();
  return (
    <SafeForm className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className="button button--secondary button--small"
        aria-label={t("doc.admin.deleteNamed", { name })}
      >
        {t("doc.admin.delete")}
      </button>
    </SafeForm>
  );
}

export default function DocumentationAdmin() {
  const t = useT();
  const locale = useLocale();
  const { conference, documentation, speeches, materials, photos, uploadError, uploaded, maxMb, notOverYet } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const publicCount = photos.filter((p) => p.publishable).length;
  const speechPreview = result?.done === "speechPreview" ? result : undefined;
  const newPreview = speechPreview && !speechPreview.speech.id ? speechPreview : undefined;
  const introPreview = result?.done === "introPreview" ? result : undefined;
  return (
    <>
      <p>
        <Link to="/verwaltung/dokumentation">{t("doc.admin.title")}</Link>
      </p>
      <h1>{t("doc.admin.edit", { year: conference.year })}</h1>
      {(result && result.done !== "speechPreview" && result.done !== "introPreview") || uploaded ? (
        <p className="notice" role="status">
          {uploaded
            ? t("uploads.done")
            : result?.done === "published"
              ? `${t("doc.admin.publishedNotice")} ${t("doc.admin.newsQueued", { count: result.notified })}`
              : result?.done === "unpublished"
                ? t("doc.admin.unpublishedNotice")
                : result?.done === "photos"
                  ? `${t("doc.admin.photosSaved")} ${result.altMissing ? t("doc.admin.altMissing", { count: result.altMissing }) : ""}`
                  : result?.done === "earlyRefused"
                    ? t("doc.admin.earlyRefused")
                    : result?.done === "invalid" || result?.done === "speechError"
                      ? t("errors.invalid")
                      : t("doc.admin.saved")}
        </p>
      ) : null}

      <section aria-labelledby="pub-title" className="card">
        <h2 id="pub-title">{t("doc.admin.publishing")}</h2>
        <p>
          {documentation.publishedAt
            ? t("doc.admin.published", { date: formatDate(documentation.publishedAt, locale) })
            : t("doc.admin.draft")}
        </p>
        <p>
          <Link to={`/konferenzen/${conference.year}/dokumentation`}>
            {documentation.publishedAt ? t("doc.admin.open") : t("doc.admin.preview")}
          </Link>
        </p>
        <p>{t("doc.admin.newsHint")}</p>
        <SafeForm>
          <input type="hidden" name="intent" value="publish" />
          {notOverYet ? (
            <div className="notice notice--warn">
              <p>{t("doc.admin.earlyWarning", { date: formatDate(conference.endsAt, locale) })}</p>
              <div className="field">
                <input type="checkbox" id="field-publishEarly" name="publishEarly" />{" "}
                <label htmlFor="field-publishEarly">{t("doc.admin.publishEarly")}</label>
              </div>
            </div>
          ) : null}
          <Field
            name="publishDate"
            type="date"
            label={t("doc.admin.publishDate")}
            hint={t("doc.admin.publishDateHint")}
          />
          <button type="submit" className="button">
            {t("doc.admin.publish")}
          </button>
        </SafeForm>
        {documentation.publishedAt ? (
          <SafeForm>
            <input type="hidden" name="intent" value="unpublish" />
            <button type="submit" className="button button--secondary">
              {t("doc.admin.unpublish")}
            </button>
          </SafeForm>
        ) : null}
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t("doc.admin.settings")}</h2>
        <SafeForm>
          <MarkdownField
            key={introPreview ? `preview-${introPreview.previewHtml}` : "saved"}
            name="intro"
            label={t("doc.admin.intro")}
            rows={4}
            defaultValue={introPreview ? introPreview.intro : documentation.intro}
            previewIntent="previewIntro"
            previewHtml={introPreview?.previewHtml}
          />
          {(["includeReports", "includeDiscussion", "includeGoals"] as const).map((k) => (
            <div className="field" key={k}>
              <input type="checkbox" id={`field-${k}`} name={k} defaultChecked={documentation[k]} />{" "}
              <label htmlFor={`field-${k}`}>{t(`doc.admin.${k}`)}</label>
            </div>
          ))}
          <button type="submit" name="intent" value="settings" className="button">
            {t("doc.admin.save")}
          </button>
        </SafeForm>
      </section>

      <section aria-labelledby="speeches-title">
        <h2 id="speeches-title">{t("doc.speeches")}</h2>
        {speeches.map((s) => {
          const preview = speechPreview?.speech.id === s.id ? speechPreview : undefined;
          const shown = preview?.speech ?? s;
          return (
            <details key={preview ? `${s.id}-${preview.previewHtml}` : s.id} className="card" open={!!preview}>
              <summary>
                {s.title}
                {s.speaker ? ` – ${s.speaker}` : ""}
              </summary>
              <SafeForm>
                <input type="hidden" name="speechId" value={s.id} />
                <Field
                  name="title"
                  id={`title-${s.id}`}
                  label={t("doc.admin.speechTitle")}
                  required
                  defaultValue={shown.title}
                />
                <Field
                  name="speaker"
                  id={`speaker-${s.id}`}
                  label={t("doc.admin.speechSpeaker")}
                  defaultValue={shown.speaker}
                />
                <MarkdownField
                  name="markdown"
                  id={`markdown-${s.id}`}
                  label={t("doc.admin.speechText")}
                  defaultValue={shown.markdown}
                  previewIntent="previewSpeech"
                  previewHtml={preview?.previewHtml}
                />
                <button type="submit" name="intent" value="speech" className="button">
                  {t("doc.admin.speechSave")}
                </button>
              </SafeForm>
              <DeleteButton intent="deleteSpeech" id={s.id} name={s.title} />
            </details>
          );
        })}
        <h3>{t("doc.admin.speechNew")}</h3>
        <SafeForm key={newPreview ? `new-${newPreview.previewHtml}` : "new"}>
          <Field name="title" label={t("doc.admin.speechTitle")} required defaultValue={newPreview?.speech.title} />
          <Field name="speaker" label={t("doc.admin.speechSpeaker")} defaultValue={newPreview?.speech.speaker} />
          <MarkdownField
            name="markdown"
            label={t("doc.admin.speechText")}
            defaultValue={newPreview?.speech.markdown}
            previewIntent="previewSpeech"
            previewHtml={newPreview?.previewHtml}
          />
          <button type="submit" name="intent" value="speech" className="button">
            {t("doc.admin.speechAdd")}
          </button>
        </SafeForm>
      </section>

      <section aria-labelledby="materials-title" id="anhaenge">
        <h2 id="materials-title">{t("doc.materials")}</h2>
        <ul className="file-list">
          {materials.map((m) => (
            <li key={m.id}>
              <a href={`/dateien/${m.fileId}`}>
                {m.title} ({KIND_LABEL[m.kind] ?? m.kind}, {formatBytes(m.size, locale)})
              </a>{" "}
              <DeleteButton intent="deleteMaterial" id={m.id} name={m.title} />
            </li>
          ))}
        </ul>
        <FileUpload
          id="material-upload"
          action={`/verwaltung/dokumentation/${conference.year}/dateien?art=material`}
          label={t("doc.admin.materialUpload")}
          maxMb={maxMb}
          error={uploadError}
        />
      </section>

      <section aria-labelledby="photos-title">
        <h2 id="photos-title">{t("doc.photos")}</h2>
        <p>{t("doc.admin.photosLead")}</p>
        <FileUpload
          id="photo-upload"
          action={`/verwaltung/dokumentation/${conference.year}/dateien?art=fotos`}
          label={t("doc.admin.photosUpload")}
          maxMb={maxMb}
          multiple
          accept=".jpg,.jpeg,.png"
          hint="uploads.hintPhotos"
          submitLabel={t("doc.admin.photosSubmit")}
        />
        <p role="status">{t("doc.admin.photoCount", { count: photos.length, public: publicCount })}</p>
        {photos.length ? (
          // Keyed per save: the boxes show what the server stored, not what was ticked (a photo without
          // alt text cannot be cleared, and its box must not stay ticked).
          <SafeForm key={result?.done === "photos" ? result.revision : "photos"}>
            <input type="hidden" name="intent" value="photos" />
            <ul className="photo-admin">
              {photos.map((p, i) => {
                const n = i + 1;
                return (
                  <li key={p.id}>
                    <input type="hidden" name="photoId" value={p.id} />
                    <img src={`/dateien/${p.fileId}?vorschau=1`} alt="" width={480} height={360} loading="lazy" />
                    <p>
                      <strong>
                        {t("doc.admin.photoState", {
                          n,
                          state: p.publishable ? t("doc.admin.photoPublic") : t("doc.admin.photoHidden"),
                        })}
                      </strong>
                    </p>
                    <div className="field">
                      <label htmlFor={`alt-${p.id}`}>{t("doc.admin.photoAlt", { n })}</label>
                      <p className="field__hint" id={`alt-${p.id}-hint`}>
                        {t("doc.admin.photoAltHint")}
                      </p>
                      <input
                        type="text"
                        id={`alt-${p.id}`}
                        name={`alt-${p.id}`}
                        defaultValue={p.altText}
                        aria-describedby={`alt-${p.id}-hint`}
                        maxLength={500}
                      />
                    </div>
                    <div className="field">
                      <label htmlFor={`caption-${p.id}`}>{t("doc.admin.photoCaption", { n })}</label>
                      <input
                        type="text"
                        id={`caption-${p.id}`}
                        name={`caption-${p.id}`}
                        defaultValue={p.caption}
                        maxLength={500}
                      />
                    </div>
                    <div className="field">
                      <input
                        type="checkbox"
                        id={`cleared-${p.id}`}
                        name={`cleared-${p.id}`}
                        defaultChecked={p.cleared}
                      />{" "}
                      <label htmlFor={`cleared-${p.id}`}>{t("doc.admin.photoCleared", { n })}</label>
                    </div>
                    {/* The delete form sits after the list (forms cannot nest); the button belongs to it. */}
                    <button
                      type="submit"
                      form={`delete-photo-${p.id}`}
                      className="button button--secondary button--small"
                      aria-label={t("doc.admin.deleteNamed", { name: `Foto ${n}` })}
                    >
                      {t("doc.admin.delete")}
                    </button>
                  </li>
                );
              })}
            </ul>
            <button type="submit" className="button">
              {t("doc.admin.photosSave")}
            </button>
          </SafeForm>
        ) : null}
        {photos.map((p) => (
          <SafeForm key={p.id} id={`delete-photo-${p.id}`} hidden>
            <input type="hidden" name="intent" value="deletePhoto" />
            <input type="hidden" name="id" value={p.id} />
          </SafeForm>
        ))}
      </section>
    </>
  );
}

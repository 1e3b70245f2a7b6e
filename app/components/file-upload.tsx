import { useRevalidator } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import type { MessageKey } from "~/i18n/catalog";
import { useT } from "~/i18n/i18n";
import { CsrfInput, fieldId } from "./form";

export const UPLOAD_ACCEPT = ".pdf,.docx,.pptx,.xlsx,.jpg,.jpeg,.png";

type Props = {
  /** The upload action (a resource route that calls receiveUploads + uploadResponse). */
  action: string;
  name?: string;
  label: string;
  /** A refusal from the last no-JS attempt (uploadErrorFromUrl). */
  error?: MessageKey | null;
  maxMb: number;
  /** Extra hidden fields, e.g. the file being replaced. */
  hidden?: Record<string, string>;
  submitLabel?: string;
  id?: string;
  /** Several files in one upload (e.g. photos); the action must allow them (maxFiles). */
  multiple?: boolean;
  /** Narrower than the default allowlist, e.g. ".jpg,.jpeg,.png" for photos. */
  accept?: string;
  /** A narrower hint than the default list of allowed types (e.g. for photos). */
  hint?: MessageKey;
};

/**
 * One shared upload form. Without JavaScript a plain multipart form with a file input; with
 * JavaScript the same form is sent by XMLHttpRequest with a <progress> bar, announced via aria-live,
 * and refusals appear next to the field without leaving the page. The CSRF field comes first, so
 * the server checks it before it reads any file.
 */
export function FileUpload({
  action,
  name = "datei",
  label,
  error,
  maxMb,
  hidden,
  submitLabel,
  id: idProp,
  multiple,
  accept,
  hint = "uploads.hint",
}: Props) {
  const t = useT();
  const revalidator = useRevalidator();
  const id = idProp ?? fieldId(name);
  const [clientError, setClientError] = useState<MessageKey | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [status, setStatus] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const shownError = clientError ?? error ?? null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const form = event.currentTarget;
    const chosen = [...((form.elements.namedItem(name) as HTMLInputElement | null)?.files ?? [])];
    // Saves a long upload that the server would refuse anyway (it checks again).
    if (chosen.some((file) => file.size > maxMb * 1024 * 1024)) {
      setClientError("uploads.error.tooLarge");
      setStatus(t("uploads.error.tooLarge", { max: maxMb }));
      return;
    }
    const xhr = new XMLHttpRequest();
    setClientError(null);
    setPercent(0);
    setStatus(t("uploads.progressText", { percent: 0 }));
    let lastAnnounced = 0;
    xhr.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const p = Math.round((e.loaded / e.total) * 100);
      setPercent(p);
      // Announce in steps of 25 %, not on every byte.
      if (p - lastAnnounced >= 25 || p === 100) {
        lastAnnounced = p;
        setStatus(t("uploads.progressText", { percent: p }));
      }
    });
    xhr.addEventListener("load", () => {
      let body: { ok?: boolean; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON: a proxy's error page */
      }
      setPercent(null);
      if (xhr.status < 300 && body.ok) {
        form.reset();
        setStatus(t("uploads.done"));
        revalidator.revalidate();
      } else {
        const key = (body.error ?? (xhr.status === 413 ? "uploads.error.tooLarge" : "uploads.failed")) as MessageKey;
        setClientError(key);
        setStatus(t(key, { max: maxMb }));
      }
    });
    xhr.addEventListener("error", () => {
      setPercent(null);
      setClientError("uploads.failed");
      setStatus(t("uploads.failed"));
    });
    xhr.open("POST", action);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.send(new FormData(form));
  }

  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <form
      method="post"
      action={action}
      encType="multipart/form-data"
      onSubmit={onSubmit}
      ref={formRef}
      className="file-upload"
    >
      <CsrfInput />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className={shownError ? "field field--error" : "field"}>
        <label htmlFor={id}>{label}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t(hint, { max: maxMb })}
        </p>
        {shownError ? (
          <p className="field__error" id={`${id}-error`}>
            {t(shownError, { max: maxMb })}
          </p>
        ) : null}
        <input
          id={id}
          type="file"
          name={name}
          accept={accept ?? UPLOAD_ACCEPT}
          multiple={multiple}
          required
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      {percent !== null ? (
        <progress max={100} value={percent} aria-label={t("uploads.progress")}>
          {percent} %
        </progress>
      ) : null}
      <p className="visually-hidden" aria-live="polite" role="status">
        {status}
      </p>
      <button type="submit" className="button" disabled={percent !== null}>
        {submitLabel ?? t("uploads.submit")}
      </button>
    </form>
  );
}

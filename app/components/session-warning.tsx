import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { useT } from "~/i18n/i18n";

type Root = { csrfToken?: string; user: unknown; sessionIdleMinutes?: number };

// The server touches a session at most once a minute, so the real idle start may lie up to a minute
// before this page loaded: warn early enough for that.
const TOUCH_SLACK_MS = 60_000;

/** When to warn, counted from the page load: two minutes before the end (half the time for short timeouts). */
export function warnAfterMs(idleMinutes: number): number {
  const idle = idleMinutes * 60_000;
  const lead = Math.min(120_000, idle / 2);
  return Math.max(0, idle - Math.min(TOUCH_SLACK_MS, idle / 4) - lead);
}

/**
 * Signed-in users (WCAG 2.2.1): a polite live region warns before the idle timeout and offers
 * "Sitzung verlängern" (POST /sitzung). Without JavaScript nothing is shown; drafts are kept by
 * useFormDrafts.
 */
export function SessionWarning() {
  const t = useT();
  const root = useRouteLoaderData<Root>("root");
  const location = useLocation();
  const [state, setState] = useState<"quiet" | "warn" | "extended" | "expired">("quiet");
  // Restarts the timers: a navigation (a request, counting as activity at most a minute late) or
  // an extension.
  const [epoch, setEpoch] = useState(0);
  const [seenKey, setSeenKey] = useState(location.key);
  const idleMinutes = root?.sessionIdleMinutes ?? 30;
  const signedIn = Boolean(root?.user);
  if (seenKey !== location.key) {
    setSeenKey(location.key);
    if (state === "warn") setState("quiet");
  }

  useEffect(() => {
    if (!signedIn) return;
    const warn = setTimeout(
      () => setState((s) => (s === "quiet" || s === "extended" ? "warn" : s)),
      warnAfterMs(idleMinutes),
    );
    const expire = setTimeout(
      () => setState((s) => (s === "warn" ? "expired" : s)),
      idleMinutes * 60_000 - Math.min(TOUCH_SLACK_MS, idleMinutes * 15_000),
    );
    return () => {
      clearTimeout(warn);
      clearTimeout(expire);
    };
  }, [signedIn, idleMinutes, epoch, seenKey]);

  const extend = useCallback(async () => {
    const body = new URLSearchParams({ _csrf: root?.csrfToken ?? "" });
    const res = await fetch("/sitzung", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      credentials: "same-origin",
    }).catch(() => null);
    if (res?.ok) {
      setEpoch((e) => e + 1);
      setState("extended");
    } else {
      setState("expired");
    }
  }, [root?.csrfToken]);

  if (!signedIn) return null;
  return (
    <div className="session-warning" aria-live="polite">
      {state === "warn" ? (
        <div className="notice notice--warn">
          <p>
            {t("session.warning", {
              minutes: Math.max(1, Math.round((idleMinutes * 60_000 - warnAfterMs(idleMinutes)) / 60_000)),
            })}
          </p>
          <button type="button" className="button" onClick={() => void extend()}>
            {t("session.extend")}
          </button>
        </div>
      ) : state === "extended" ? (
        <p className="notice">{t("session.extended")}</p>
      ) : state === "expired" ? (
        <p className="notice notice--warn">{t("session.expired")}</p>
      ) : null}
    </div>
  );
}

type DraftField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const SKIP_TYPES = new Set(["password", "hidden", "file", "submit", "button"]);

function draftFields(form: HTMLFormElement): DraftField[] {
  return [...form.elements].filter(
    (el): el is DraftField =>
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) &&
      Boolean(el.name) &&
      !el.name.startsWith("_") &&
      !(el instanceof HTMLInputElement && SKIP_TYPES.has(el.type)),
  );
}

/**
 * Drafts of long forms (`<form data-draft="name">`) are kept in this tab's sessionStorage while
 * typing and put back into fields not yet changed when the page is loaded again (after a reload, an expired
 * session and signing in again). Never passwords, hidden fields or files; cleared when the form is
 * sent while the session is still valid.
 */
export function FormDrafts() {
  const location = useLocation();
  useEffect(() => {
    const forms = [...document.querySelectorAll<HTMLFormElement>("form[data-draft]")];
    const key = (form: HTMLFormElement) => `ikon-draft:${location.pathname}:${form.dataset.draft}`;
    const cleanups: (() => void)[] = [];
    for (const form of forms) {
      try {
        const saved = JSON.parse(sessionStorage.getItem(key(form)) ?? "{}") as Record<string, string | string[]>;
        for (const el of draftFields(form)) {
          const value = saved[el.name];
          if (value === undefined) continue;
          if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
            if (!form.querySelector(`[name="${CSS.escape(el.name)}"]:checked`) || el.type === "checkbox")
              el.checked = [value].flat().includes(el.value) || el.checked;
          } else if (el instanceof HTMLSelectElement ? !el.value : el.value === el.defaultValue) {
            // Only fields not changed since the page loaded (the saved text or empty).
            el.value = String(value);
          }
        }
      } catch {
        sessionStorage.removeItem(key(form));
      }
      const save = () => {
        const values: Record<string, string | string[]> = {};
        for (const el of draftFields(form)) {
          if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
            if (el.checked)
              values[el.name] = el.type === "checkbox" ? [...[values[el.name] ?? []].flat(), el.value] : el.value;
          } else if (el.value) {
            values[el.name] = el.value;
          }
        }
        sessionStorage.setItem(key(form), JSON.stringify(values));
      };
      const clear = () => {
        if (!document.querySelector(".session-warning .notice--warn")) sessionStorage.removeItem(key(form));
      };
      form.addEventListener("input", save);
      form.addEventListener("change", save);
      form.addEventListener("submit", clear);
      cleanups.push(() => {
        form.removeEventListener("input", save);
        form.removeEventListener("change", save);
        form.removeEventListener("submit", clear);
      });
    }
    return () => cleanups.forEach((c) => c());
  }, [location.key, location.pathname]);
  return null;
}

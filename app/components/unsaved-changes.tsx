import { useBlocker, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/i18n";

/**
 * Leaving a changed form asks first (organisers' area). A form counts as changed once a field in it
 * was edited and until it is sent; forms that only search (method get) or opt out
 * (`data-unsaved="ignore"`) do not count. In-app links are held by Remix's blocker, closing or
 * reloading the tab by the browser's own `beforeunload` question. Without JavaScript nothing is
 * asked (and nothing else changes).
 */
export function UnsavedChanges() {
  const t = useT();
  const location = useLocation();
  const dirty = useRef(new Set<HTMLFormElement>());

  useEffect(() => {
    const changed = dirty.current;
    changed.clear();
    const counts = (form: HTMLFormElement | null): form is HTMLFormElement =>
      Boolean(form) && form!.method.toLowerCase() === "post" && form!.dataset.unsaved !== "ignore" && form!.isConnected;
    const onEdit = (event: Event) => {
      const target = event.target;
      if (!(
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement
      ))
        return;
      if (target instanceof HTMLInputElement && ["hidden", "submit", "button", "search"].includes(target.type)) return;
      if (counts(target.form)) changed.add(target.form);
    };
    // Sending any form is a decision about the page: nothing is held back afterwards.
    const onSubmit = () => changed.clear();
    const onUnload = (event: BeforeUnloadEvent) => {
      if (![...changed].some((f) => f.isConnected)) return;
      event.preventDefault();
      event.returnValue = "";
    };
    document.addEventListener("input", onEdit, true);
    document.addEventListener("change", onEdit, true);
    document.addEventListener("submit", onSubmit, true);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("input", onEdit, true);
      document.removeEventListener("change", onEdit, true);
      document.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("beforeunload", onUnload);
    };
  }, [location.key]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && [...dirty.current].some((f) => f.isConnected),
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("form.unsaved"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  return null;
}

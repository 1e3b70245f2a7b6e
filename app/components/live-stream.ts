import { useEffect, useRef, useState, useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/**
 * Follows a server-sent event stream of `snapshot` events (see app/modules/discussion/live.server.ts).
 * Starts from the loader's snapshot; whichever is newer (higher version) wins. The browser's
 * EventSource reconnects by itself; nothing here runs without JavaScript.
 */
export function useLiveSnapshot<T extends { version: number }>(url: string, initial: T): T {
  const [latest, setLatest] = useState<T>(initial);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(url);
    const onSnapshot = (event: MessageEvent<string>) => {
      const next = JSON.parse(event.data) as T;
      setLatest((prev) => (next.version >= prev.version ? next : prev));
    };
    source.addEventListener("snapshot", onSnapshot);
    return () => {
      source.removeEventListener("snapshot", onSnapshot);
      source.close();
    };
  }, [url]);
  return initial.version > latest.version ? initial : latest;
}

/**
 * Calls `onChange` whenever the stream reports a change after the first snapshot. The latest
 * `onChange` is used without reconnecting, so it may depend on state that changes often.
 */
export function useLiveChanges(url: string, onChange: () => void) {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (!url || typeof EventSource === "undefined") return;
    const source = new EventSource(url);
    let first = true;
    const onSnapshot = () => {
      if (first) {
        first = false;
        return;
      }
      callback.current();
    };
    source.addEventListener("snapshot", onSnapshot);
    return () => source.close();
  }, [url]);
}

/** True after hydration: lets a form say it was sent by JavaScript (then no redirect is needed). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

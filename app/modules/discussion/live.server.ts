import { eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { discussionInputs } from "~/db/schema";
import { logger } from "~/utils/logger.server";
import { roomSnapshot, type RoomSnapshot } from "./questions.server";

/**
 * Live updates for the room view. Each process polls one small row per watched input (its version
 * counter) every POLL_MS and, when it moved, builds one snapshot for all of its local listeners.
 * No in-memory pub/sub between requests: a change made on another instance shows up the same way.
 */
export const POLL_MS = 500;
/** A stream ends after this long and the browser reconnects (keeps shutdowns and proxies happy). */
const STREAM_MAX_MS = 25_000;
const HEARTBEAT_MS = 10_000;

type Listener = (snapshot: RoomSnapshot) => void;
type Watch = { listeners: Set<Listener>; version: number; timer: ReturnType<typeof setInterval>; busy: boolean };

const watches = new Map<string, Watch>();

async function readVersion(inputId: string): Promise<number | null> {
  const [row] = await db
    .select({ version: discussionInputs.version })
    .from(discussionInputs)
    .where(eq(discussionInputs.id, inputId));
  return row?.version ?? null;
}

/** Calls `listener` with a fresh snapshot whenever the input changes; returns the unsubscribe. */
export function watchInput(inputId: string, version: number, listener: Listener): () => void {
  let watch = watches.get(inputId);
  if (!watch) {
    const w: Watch = {
      listeners: new Set(),
      version,
      busy: false,
      timer: setInterval(() => {
        if (w.busy) return;
        w.busy = true;
        void (async () => {
          try {
            const current = await readVersion(inputId);
            if (current === null || current === w.version) return;
            const snapshot = await roomSnapshot(inputId);
            if (!snapshot) return;
            w.version = snapshot.version;
            for (const l of w.listeners) l(snapshot);
          } catch (error) {
            logger.warn({ err: error instanceof Error ? error.message : String(error) }, "live poll failed");
          } finally {
            w.busy = false;
          }
        })();
      }, POLL_MS),
    };
    w.timer.unref?.();
    watches.set(inputId, w);
    watch = w;
  }
  // A listener that joined with an older snapshot than the shared one gets the newer one at once.
  const joinedAt = version;
  const current = watch;
  current.listeners.add(listener);
  if (current.version > joinedAt) void roomSnapshot(inputId).then((s) => s && listener(s));
  return () => {
    current.listeners.delete(listener);
    if (!current.listeners.size) {
      clearInterval(current.timer);
      watches.delete(inputId);
    }
  };
}

const encoder = new TextEncoder();

// On SIGTERM the server waits for running requests: open streams end at once so shutdown is quick.
const openStreams = new Set<() => void>();
let shutdownHooked = false;
function closeStreamsOnShutdown() {
  if (shutdownHooked) return;
  shutdownHooked = true;
  process.once("SIGTERM", () => {
    for (const close of [...openStreams]) close();
  });
}
const sseEvent = (name: string, payload: unknown) =>
  encoder.encode(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);

/**
 * The body of a `text/event-stream` with the room view's snapshots: the current one first, then one
 * per change. Only what `roomSnapshot` returns (public questions) is ever written to it.
 */
export async function roomEventStream(
  inputId: string,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array> | null> {
  const first = await roomSnapshot(inputId);
  if (!first) return null;
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      const send = (chunk: Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(chunk);
        } catch {
          close();
        }
      };
      send(encoder.encode(`retry: 1000\n\n`));
      send(sseEvent("snapshot", first));
      const unwatch = watchInput(inputId, first.version, (s) => send(sseEvent("snapshot", s)));
      const heartbeat = setInterval(() => send(encoder.encode(`: ping\n\n`)), HEARTBEAT_MS);
      const end = setTimeout(close, STREAM_MAX_MS);
      openStreams.add(close);
      closeStreamsOnShutdown();
      cleanup = () => {
        unwatch();
        clearInterval(heartbeat);
        clearTimeout(end);
        openStreams.delete(close);
        signal.removeEventListener("abort", close);
      };
      signal.addEventListener("abort", close);
      if (signal.aborted) close();
    },
    cancel() {
      cleanup();
    },
  });
  return body;
}

/** How many live event streams this process holds open (for /metrics). */
export function openStreamCount(): number {
  return openStreams.size;
}

/** Test helper: how many inputs this process watches. */
export function watchedInputCount(): number {
  return watches.size;
}

import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { logger } from "~/utils/logger.server";
// Server rendering reads the message catalogue from here.
import "~/i18n/messages.server";

// server.js reaches the process lifecycle (database, mail worker, scheduler) through the build.
export { runtime } from "~/server/runtime.server";
import { noteRequestError } from "~/server/runtime.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // The page cache stores whole documents (no streamed Suspense boundaries to fill in later).
  const waitForAll = loadContext.wholeDocument || isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          const retryAfter = responseStatusCode === 429 ? routeRetryAfter(remixContext) : null;
          if (retryAfter && !responseHeaders.has("Retry-After")) responseHeaders.set("Retry-After", retryAfter);
          // Pages can carry a CSRF token and personal data: never cache them in shared caches.
          if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-cache");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
          // Bounds how long deferred parts may stream after the shell. Started here, not when the
          // render starts: in a burst, shells wait their turn for the CPU, and an earlier abort
          // turned healthy pages into 500s (300 likes at once in the benchmark).
          setTimeout(abort, ABORT_DELAY);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          // Before the shell, onShellError rejects and Remix answers with its error page.
          if (shellRendered) logger.error({ err: String(error) }, "render error");
        },
      },
    );
  });
}

/**
 * The Retry-After of a rate-limited action or loader (returned or thrown). Remix hands a route's
 * own headers on to the page only through a `headers` export; this keeps every 429 honest.
 */
function routeRetryAfter(remixContext: EntryContext): string | null {
  const { actionHeaders, loaderHeaders } = remixContext.staticHandlerContext;
  for (const headers of [...Object.values(actionHeaders ?? {}), ...Object.values(loaderHeaders ?? {})]) {
    const value = headers.get("Retry-After");
    if (value) return value;
  }
  return null;
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  noteRequestError(error);
  logger.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), path: new URL(request.url).pathname }, "request failed");
}

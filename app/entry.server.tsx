import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { isLocale } from "~/i18n/locales";
import { localeCookie } from "~/i18n/locale.server";
import { createNulFreeHtmlStream } from "~/server/html-stream.server";
import { loggablePath, logger } from "~/utils/logger.server";
// Server rendering reads the message catalogue from here.
import "~/i18n/messages.server";

// server.js reaches the process lifecycle (database, mail worker, scheduler) through the build.
export { runtime } from "~/server/runtime.server";
import { noteRequestError } from "~/server/runtime.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A mailed link carries the language (?lang=): it stays for the pages that follow (a form's
  // answer, a redirect), as if the visitor had chosen it.
  const lang = new URL(request.url).searchParams.get("lang");
  if (isLocale(lang)) responseHeaders.append("Set-Cookie", await localeCookie.serialize(lang));
  const nonce = loadContext.cspNonce;
  // The page cache stores whole documents (no streamed Suspense boundaries to fill in later).
  const waitForAll =
    loadContext.wholeDocument || isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
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
          // Not a plain PassThrough: React 18 pads some chunks with NUL bytes (see html-stream.server.ts).
          const body = createNulFreeHtmlStream();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          const retryAfter = responseStatusCode === 429 ? routeRetryAfter(remixContext) : null;
          if (retryAfter && !responseHeaders.has("Retry-After")) responseHeaders.set("Retry-After", retryAfter);
          // Pages can carry a CSRF token and personal data: never cache them in shared caches.
          if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-cache");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
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

/**
 * Errors of loaders and actions. Expected refusals (a thrown 404, 403, 401, 429 …) are part of normal
 * traffic (crawlers, expired links) and stay below error level; only real failures are errors.
 * Paths go through loggablePath: a manage or sign-in token never lands in the log.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  const path = loggablePath(new URL(request.url).pathname);
  if (isRouteErrorResponse(error) && error.status < 500) {
    logger.info({ status: error.status, method: request.method, path }, "request refused");
    return;
  }
  noteRequestError(error);
  logger.error(
    { err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), path },
    "request failed",
  );
}

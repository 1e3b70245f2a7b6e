import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * The page's messages script (see app/i18n/messages.server.ts) loads in parallel with this module;
 * hydration waits for it, or the first render would not match the server's text.
 */
function messagesLoaded(): Promise<void> {
  if (window.__ikonMessages) return Promise.resolve();
  const script = document.getElementById("ikon-messages");
  if (!script) return Promise.resolve();
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve(), { once: true });
    script.addEventListener("error", () => resolve(), { once: true });
  });
}

void messagesLoaded().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);

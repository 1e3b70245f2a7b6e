/**
 * Renders HTML that the server has already sanitised (sanitize-html with a short allowlist, see
 * `sanitizeSpeech` in app/modules/publishing/documentation.server.ts). Never pass anything else.
 */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  // eslint-disable-next-line no-restricted-syntax -- the only place for raw HTML: the input is sanitised on the server before it is stored
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

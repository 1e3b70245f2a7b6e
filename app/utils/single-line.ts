/**
 * A single-line field (a name, an organisation, a title) never contains a line break: CR/LF in a
 * name is a header-injection attempt (`Max\r\nBcc: …`), never a typo. Other control characters are
 * refused for every field by parseForm.
 */
export function isSingleLine(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\r\n\u2028\u2029\u0085\u000B\u000C]/.test(value);
}

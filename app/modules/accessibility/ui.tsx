/** Lines of an organiser's text field as list items (one barrier / alternative per line). */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

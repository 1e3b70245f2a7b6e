/**
 * The conference-day code (typed in the room to join the live discussion and the goal phase).
 * Day codes as people type them: case, spaces and dashes do not matter.
 */
export function normaliseDayCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, "");
}

/** A normalised day code. */
export const DAY_CODE_PATTERN = /^[A-Z0-9]{4,12}$/;

import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer writes its 2048-byte view whole when a string does not fit
 * into the rest of it: if the last character that fitted was followed by a multibyte one, the
 * one to three bytes the encoder left free go out as NUL (U+0000) — an invalid page
 * (facebook/react#24985, fixed upstream in facebook/react#26228, not released for React 18).
 *
 * This transform removes exactly those bytes: only trailing zero bytes (at most three) of a
 * chunk that is a full view. A full view always ends on a complete UTF-8 character, so the
 * cut never splits one; every other chunk passes through untouched.
 */
export const REACT_VIEW_SIZE = 2048;

export function stripViewPadding(chunk: Buffer): Buffer {
  if (chunk.length !== REACT_VIEW_SIZE) return chunk;
  let end = chunk.length;
  while (end > chunk.length - 3 && chunk[end - 1] === 0) end--;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

export function createNulFreeHtmlStream(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, stripViewPadding(chunk));
    },
  });
}

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

/**
 * React 18 closes the document (`</body></html>`) when the shell is done and streams the parts
 * that finish later (Remix's single-fetch data scripts, suspended content) after it: stray
 * content after `</html>`, which the HTML parser moves into the body but the Nu checker rejects
 * ("Stray start tag script", and it stops checking there). The stream holds the document's end
 * back and writes it last. ASCII only, so the byte cut is always on a character boundary; the
 * first `</body></html>` is the document's own (text and script data never carry a raw `<`).
 */
const DOCUMENT_END = Buffer.from("</body></html>");

export function createNulFreeHtmlStream(): Transform {
  let carry: Buffer = Buffer.alloc(0);
  let ended = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const bytes = stripViewPadding(chunk);
      if (ended) return callback(null, bytes);
      const data = carry.length ? Buffer.concat([carry, bytes]) : bytes;
      const at = data.indexOf(DOCUMENT_END);
      if (at >= 0) {
        ended = true;
        carry = Buffer.alloc(0);
        return callback(null, Buffer.concat([data.subarray(0, at), data.subarray(at + DOCUMENT_END.length)]));
      }
      // The end may straddle two chunks: keep back what could be its beginning.
      const keep = Math.min(data.length, DOCUMENT_END.length - 1);
      carry = Buffer.from(data.subarray(data.length - keep));
      callback(null, data.subarray(0, data.length - keep));
    },
    flush(callback) {
      callback(null, ended ? Buffer.concat([carry, DOCUMENT_END]) : carry);
    },
  });
}

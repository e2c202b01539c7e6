/**
 * Turns a saved file's bytes into text the way a browser would, closely enough for the scan command: a byte order
 * mark wins, then (for HTML) a charset declared near the start of the page, then UTF-8. Saved pages come in
 * every encoding, and reading a Windows-1252 page as UTF-8 would turn its curly apostrophes into replacement
 * characters, so that names like "Zelensky’s" were no longer found.
 */

/** The file is not text: the scan names it and goes on with the other files. */
export class NotTextError extends Error {}

/** How far into a page a browser looks for a charset declaration before it gives up. */
const PRESCAN_BYTES = 1024;
const DECLARED_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The page's own charset declaration, if it names one this runtime can decode. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const name = DECLARED_CHARSET.exec(head)?.[1];
  if (!name) return null;
  try {
    // A page that declares UTF-16 was read as ASCII to find that declaration, so it is not UTF-16 (browsers agree).
    const encoding = new TextDecoder(name).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

export function decodeFile(bytes: Uint8Array, type: 'text' | 'html'): string {
  const mark = byteOrderMark(bytes);
  if (mark) return new TextDecoder(mark.encoding).decode(bytes.subarray(mark.length));
  // Text never holds a NUL byte; images, archives and executables almost always do.
  if (bytes.includes(0)) throw new NotTextError('is not a text file (it holds NUL bytes)');
  const encoding = (type === 'html' && declaredCharset(bytes)) || 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

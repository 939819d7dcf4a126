// Files that are text: SVG drawings (an image) and everything else (not an image). Only the start
// of the file is read, as browsers sniff.

const SNIFF_BYTES = 4096;

/** Control characters other than tab, newlines, form feed and escape mean binary data. */
const isControl = (code: number) => (code < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(code)) || code === 0x7f;

/** The file's opening as text, or undefined when it is not UTF-8 (or UTF-16 with a BOM) text. */
export function openingText(b: Uint8Array): string | undefined {
  const head = b.subarray(0, SNIFF_BYTES);
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  let text: string;
  try {
    // `stream` tolerates a character cut in half at the end of the sniffed bytes.
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return undefined;
  return text.replace(/^\uFEFF/, '');
}

/** An SVG document: after whitespace, the XML declaration, comments and a doctype, an <svg> root. */
export function looksLikeSvg(text: string): boolean {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    const skipped = rest.startsWith('<?') ? after(rest, '?>')
      : rest.startsWith('<!--') ? after(rest, '-->')
      : /^<!doctype/i.test(rest) ? afterDoctype(rest)
      : undefined;
    if (skipped === undefined) break;
    rest = skipped;
  }
  return /^<(?:[\w.-]+:)?svg[\s/>]/.test(rest);
}

function after(text: string, end: string): string {
  const at = text.indexOf(end);
  return at < 0 ? '' : text.slice(at + end.length);
}

/** A doctype may hold an internal subset in brackets, which may itself contain '>'. */
function afterDoctype(text: string): string {
  const bracket = text.indexOf('[');
  const close = text.indexOf('>');
  return bracket >= 0 && bracket < close ? after(after(text, ']'), '>') : after(text, '>');
}

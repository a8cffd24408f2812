// Rich text: split a post's text into plain runs and faceted runs. Facets index UTF-8 bytes while
// JavaScript strings are UTF-16, so offsets are mapped through the text's code points. Facets that
// overlap an earlier one or fall outside the text are ignored, and an offset that lands inside a
// character moves to that character's end, so every character is rendered exactly once.

import type { Facet } from './bluesky/model.ts';

interface Segment {
  text: string;
  facet?: Facet;
}

/** UTF-8 byte offset of each code point's start, and the UTF-16 index it starts at. */
function offsets(text: string): { bytes: number[]; units: number[] } {
  const bytes: number[] = [];
  const units: number[] = [];
  let byte = 0;
  let unit = 0;
  for (const char of text) {
    bytes.push(byte);
    units.push(unit);
    const code = char.codePointAt(0)!;
    byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    unit += char.length;
  }
  bytes.push(byte);
  units.push(unit);
  return { bytes, units };
}

export function segments(text: string, facets: readonly Facet[]): Segment[] {
  if (!facets.length) return text ? [{ text }] : [];
  const { bytes, units } = offsets(text);
  const total = bytes[bytes.length - 1];
  // First code point starting at or after `byte`: never inside a character.
  const toUnit = (byte: number) => {
    let lo = 0;
    let hi = bytes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bytes[mid] < byte) lo = mid + 1;
      else hi = mid;
    }
    return units[lo];
  };
  const out: Segment[] = [];
  let cursor = 0; // UTF-16 index
  for (const facet of [...facets].sort((a, b) => a.byteStart - b.byteStart)) {
    if (facet.byteStart < 0 || facet.byteEnd > total || facet.byteStart >= facet.byteEnd) continue;
    const start = toUnit(facet.byteStart);
    const end = toUnit(facet.byteEnd);
    if (start < cursor || end <= start) continue;
    if (start > cursor) out.push({ text: text.slice(cursor, start) });
    const run = text.slice(start, end);
    // A facet over whitespace alone is shown as plain text, as bsky.app does.
    out.push(run.trim() ? { text: run, facet } : { text: run });
    cursor = end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

/**
 * A shortened link's text ("openwire.org/guides/norvia…") as what may wrap and what may not: the
 * last word (at least one character, at most a dozen) and the "…" stay together, so the "…" never
 * sits alone on a line. Text that does not end with "…" is all `head`.
 */
export function shortened(text: string): { head: string; tail: string } {
  if (!text.endsWith('…')) return { head: text, tail: '' };
  const chars = [...text];
  let start = Math.max(0, chars.length - 2); // never the "…" alone, even after a "/" or a space
  while (start > 0 && chars.length - start < 12 && !/[\s/.?&=#-]/.test(chars[start - 1])) start--;
  return { head: chars.slice(0, start).join(''), tail: chars.slice(start).join('') };
}

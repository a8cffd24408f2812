// Rich text for what a reader writes: links, mentions and tags found in the text and turned into
// facets (UTF-8 byte ranges), as Bluesky's own apps find them (@atproto/api's RichText is the
// oracle in the tests); mentions become DIDs before the post is sent.

import type { Facet } from '../bluesky/model.ts';
import { isDid, isHandle } from '../bluesky/urls.ts';

export interface Found {
  byteStart: number;
  byteEnd: number;
  link?: string;
  /** A handle, resolved to a DID before the post is sent. */
  mention?: string;
  tag?: string;
}

const utf8 = new TextEncoder();
const bytes = (text: string) => utf8.encode(text).length;
const TRAILING = /\p{P}+$/u;
/** Characters that end a tag: whitespace and the invisible ones (listed one by one, on purpose). */
// eslint-disable-next-line no-misleading-character-class
const TAG_BODY = /^[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]+/u;

/** Links (`http(s)://` only), mentions (`@handle`) and tags (`#tag`) in `text`, in order. */
export function findFacets(text: string): Found[] {
  const found: Found[] = [];
  const at = (index: number, length: number) => ({ byteStart: bytes(text.slice(0, index)), byteEnd: bytes(text.slice(0, index + length)) });
  for (const match of text.matchAll(/\S+/g)) {
    const word = match[0];
    const index = match.index!;
    const before = index ? text[index - 1] : '';
    // A link, less one mark that ends a sentence, and a closing bracket it did not open.
    const link = /^https?:\/\/\S+/.exec(word)?.[0];
    if (link) {
      let uri = link.replace(/[.,;:!?]$/, '');
      if (uri.endsWith(')') && !uri.includes('(')) uri = uri.slice(0, -1);
      if (/^https?:\/\/[^/?#]+\.[^/?#]+/i.test(uri)) found.push({ ...at(index, uri.length), link: uri });
      continue;
    }
    const mention = /^\(?@([a-zA-Z0-9.-]+)/.exec(word);
    if (mention) {
      const handle = mention[1].replace(/[.-]+$/, '');
      const offset = word.startsWith('(') ? 1 : 0;
      if ((offset === 0 || before === '' || /\s/.test(before)) && isHandle(handle) && /[a-z]$/i.test(handle))
        found.push({ ...at(index + offset, handle.length + 1), mention: handle });
      continue;
    }
    if (/^[#＃]/.test(word) && !/^[#＃]\ufe0f/.test(word)) {
      const body = TAG_BODY.exec(word.slice(1))?.[0] ?? '';
      const tag = body.replace(TRAILING, '');
      if (!tag || tag.length > 64 || /^[\d\p{P}]+$/u.test(tag)) continue;
      found.push({ ...at(index, tag.length + 1), tag });
    }
  }
  return found;
}

/** Links, tags, and mentions whose handle `resolve` turns into a DID; a mention that does not resolve stays text. */
export async function resolveFacets(text: string, resolve: (handle: string) => Promise<string | undefined>): Promise<Facet[]> {
  const found = findFacets(text);
  const dids = await Promise.all(
    found.map(
      (facet) =>
        facet.mention &&
        resolve(facet.mention).then(
          (did) => (did && isDid(did) ? did : undefined),
          () => undefined,
        ),
    ),
  );
  return found.flatMap((facet, i) => (!facet.mention ? [facet] : dids[i] ? [{ byteStart: facet.byteStart, byteEnd: facet.byteEnd, mention: dids[i] }] : []));
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RichText } from '@atproto/api';
import { findFacets } from '../../src/join/facets.ts';
import { graphemes } from '../../src/compose.ts';

/** Facets as [byteStart, byteEnd, kind, value], from @atproto/api's RichText (mentions unresolved: the handle). */
function oracle(text: string) {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).map((facet) => {
    const feature = facet.features[0] as { $type: string; uri?: string; did?: string; tag?: string };
    const kind = feature.$type.split('#')[1];
    return [facet.index.byteStart, facet.index.byteEnd, kind, feature.uri ?? feature.did ?? feature.tag];
  });
}
const ours = (text: string) =>
  findFacets(text).map((f) => [f.byteStart, f.byteEnd, f.link ? 'link' : f.mention ? 'mention' : 'tag', f.link ?? f.mention ?? f.tag]);

// What readers write under an article: words in several scripts and emoji, links with paths and
// queries, handles, tags, and the punctuation around them.
const word = fc.constantFrom('hello', 'Norvia', '한국어', '暗号化', 'café', '👍🏽', 'a-b', 'x', '123', 'e.g.', '(see', 'this)', '"quoted"');
const link = fc.constantFrom(
  'https://news.example.com/a/b',
  'http://example.org',
  'https://example.com/a?b=1&c=2',
  'https://bsky.app/profile/alice.test',
  'HTTPS://Example.COM/Path',
);
const handle = fc.constantFrom('@alice.test', '@bob.bsky.social', '@open-wire.org', '@nohandle', '@a', '@x.y.z.social');
const tag = fc.constantFrom('#tag', '#한국어', '#123', '#a1', '#with_underscore', '#café', '＃wide', '#');
const punctuation = fc.constantFrom('', '', '.', ',', '!', '?', ':', ';', '...');
const token = fc.tuple(fc.oneof(word, link, handle, tag), punctuation).map(([t, p]) => t + p);
const text = fc.array(fc.tuple(token, fc.constantFrom(' ', ' ', '\n', '  ')), { maxLength: 12 }).map((parts) =>
  parts
    .map(([t, s]) => t + s)
    .join('')
    .trim(),
);

describe('facets of what a reader writes', () => {
  it('are the ones Bluesky’s own RichText finds, on generated text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(ours(t)).toEqual(oracle(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('count graphemes as Bluesky does: a family emoji is one', () => {
    expect(graphemes('👨‍👩‍👧‍👦')).toHaveLength(1);
    expect(graphemes('한국어 ok')).toHaveLength(6);
    expect(new RichText({ text: '👨‍👩‍👧‍👦 한국어' }).graphemeLength).toBe(graphemes('👨‍👩‍👧‍👦 한국어').length);
  });
});

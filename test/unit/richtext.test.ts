import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RichText } from '@atproto/api';
import { segments, shortened } from '../../src/richtext.ts';
import { parseFacets } from '../../src/bluesky/parse.ts';
import { richText, type Part } from '../../demo/appview/build.ts';
import { actor } from '../../demo/appview/build.ts';

// Text runs that stress UTF-8 ↔ UTF-16 mapping: Hangul, emoji with skin-tone modifiers, ZWJ
// families, flags, combining marks, and plain ASCII.
const runs = fc.constantFrom('안녕하세요 ', '한국어', '👍🏽', '👨‍👩‍👧‍👦', '🇰🇷', 'é', 'e\u0301', 'hello ', ' ', '\n', '日本語', 'a', '—', '🧵');
const text = fc.array(runs, { maxLength: 6 }).map((parts) => parts.join(''));
const someone = actor('someone', 'Someone');
const part: fc.Arbitrary<Part> = fc.oneof(
  text,
  text.filter((t) => t.trim().length > 0).map((t) => ({ link: 'https://example.com/ü?q=1', text: t })),
  fc.constant({ mention: someone } as Part),
  text.filter((t) => t.trim().length > 0 && !/\s/.test(t)).map((t) => ({ tag: t })),
);

describe('segments', () => {
  it('agrees with @atproto/api RichText.segments() on generated posts', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const built = richText(parts);
        const facets = parseFacets(built.facets);
        const oracle = [...new RichText({ text: built.text, facets: built.facets as never }).segments()]
          .filter((s) => s.text.length > 0)
          .map((s) => ({ text: s.text, faceted: !!s.facet }));
        const ours = segments(built.text, facets).map((s) => ({ text: s.text, faceted: !!s.facet }));
        expect(ours).toEqual(oracle);
      }),
      { numRuns: 500 },
    );
  });

  it('maps byte offsets past multi-byte characters', () => {
    // "한" is 3 bytes, "👍🏽" 8 bytes: the link starts at byte 11.
    const out = segments('한👍🏽 link', [{ byteStart: 12, byteEnd: 16, link: 'https://example.com' }]);
    expect(out).toEqual([{ text: '한👍🏽 ' }, { text: 'link', facet: { byteStart: 12, byteEnd: 16, link: 'https://example.com' } }]);
  });

  it('keeps every character exactly once whatever the facets say', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.record({ byteStart: fc.integer({ min: -5, max: 80 }), byteEnd: fc.integer({ min: -5, max: 80 }) }), { maxLength: 6 }),
        (t, ranges) => {
          const out = segments(
            t,
            ranges.map((r) => ({ ...r, tag: 'x' })),
          );
          expect(out.map((s) => s.text).join('')).toBe(t);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('shortened link texts', () => {
  it('keep the last word with the "…", so the "…" never starts a line alone', () => {
    expect(shortened('openwire.org/guides/norvia…')).toEqual({ head: 'openwire.org/guides/', tail: 'norvia…' });
    expect(shortened('news.example/world/2026/11/2…')).toEqual({ head: 'news.example/world/2026/11/', tail: '2…' });
    expect(shortened('news.example/world/…')).toEqual({ head: 'news.example/', tail: 'world/…' });
    expect(shortened('news.example/world/')).toEqual({ head: 'news.example/world/', tail: '' });
  });

  it('split any text into head and tail that join back, with a short unbreakable tail holding the "…"', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, cut) => {
        const written = cut ? `${t}…` : t.replace(/…$/, '');
        const { head, tail } = shortened(written);
        expect(head + tail).toBe(written);
        if (!cut) {
          expect(tail).toBe('');
          return;
        }
        expect(tail.endsWith('…')).toBe(true);
        expect([...tail].length).toBeLessThanOrEqual(12);
        // The "…" is alone only when nothing precedes it.
        if (tail === '…') expect(head).toBe('');
      }),
    );
  });
});

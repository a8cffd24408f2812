import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BSKY_LABELER_DID, moderatePost, type ModerationPrefs } from '@atproto/api';
import { BSKY_LABELER, moderate } from '../../src/bluesky/moderation.ts';
import { parsePost } from '../../src/bluesky/parse.ts';
import { actor, post } from '../../demo/appview/build.ts';

// bsky.app's signed-out view: adult content off, every label set to hide, Bluesky's moderation
// service listed (with no labelers, moderatePost silently ignores that service's labels).
const SIGNED_OUT: ModerationPrefs = {
  adultContentEnabled: false,
  labels: { porn: 'hide', sexual: 'hide', nudity: 'hide', 'graphic-media': 'hide', gore: 'hide' },
  labelers: [{ did: BSKY_LABELER_DID, labels: {} }],
  mutedWords: [],
  hiddenPosts: [],
};
const OTHER_LABELER = 'did:plc:someotherlabeler0000000';

function oracle(view: ReturnType<typeof post>): 'show' | 'warn' | 'hide' {
  const decision = moderatePost(view as never, { userDid: undefined, prefs: SIGNED_OUT, labelDefs: {} });
  const list = decision.ui('contentList');
  return list.filter ? 'hide' : list.blur ? 'warn' : 'show';
}

const values = fc.constantFrom(
  '!hide',
  '!warn',
  '!no-unauthenticated',
  'porn',
  'sexual',
  'nudity',
  'graphic-media',
  'gore',
  'spam',
  'rude',
  'sexual-figurative',
  'custom-thing',
);
const source = fc.constantFrom('self', 'bsky', 'other');
const labelSpecs = fc.array(fc.record({ val: values, src: source }), { maxLength: 3 });

describe('moderation', () => {
  it('agrees with moderatePost configured as bsky.app signed out, on generated labels', () => {
    expect(BSKY_LABELER).toBe(BSKY_LABELER_DID);
    fc.assert(
      fc.property(labelSpecs, labelSpecs, (onPost, onAccount) => {
        const author = actor('labelled', 'Labelled');
        const src = (s: string) => (s === 'self' ? author.did : s === 'bsky' ? BSKY_LABELER : OTHER_LABELER);
        author.labels = onAccount.map((l) => ({ src: src(l.src), uri: author.did, val: l.val, cts: '2026-11-27T00:00:00.000Z' }));
        const view = post({
          author,
          rkey: '3klabelled',
          createdAt: '2026-11-27T00:00:00.000Z',
          text: ['hello'],
          labels: onPost.map((l) => ({ src: src(l.src), val: l.val })),
          embed: { images: [{ url: 'https://cdn.example/i.jpg', alt: 'i', width: 1, height: 1 }] },
        });
        const expected = oracle(view);
        expect(moderate(view.labels, view.author.labels, author.did)).toBe(expected);
        // And parsing obeys it: hidden posts never come out of the parser.
        const parsed = parsePost(view);
        expect(parsed === undefined).toBe(expected === 'hide');
        if (parsed) expect(parsed.warn).toBe(expected === 'warn');
      }),
      { numRuns: 1000 },
    );
  });

  it('treats a negated label as withdrawn', () => {
    const a = actor('neg');
    const labels = [
      { src: BSKY_LABELER, val: '!hide' },
      { src: BSKY_LABELER, val: '!hide', neg: true },
    ];
    expect(moderate(labels, [], a.did)).toBe('show');
  });
});

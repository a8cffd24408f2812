import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BSKY_LABELER_DID, interpretLabelValueDefinitions, moderatePost, type AppBskyLabelerDefs, type ModerationPrefs } from '@atproto/api';
import { BSKY_LABELER, judge, moderate } from '../../src/bluesky/moderation.ts';
import { localName, reason } from '../../src/templates/reason.ts';
import { viewMessages } from '../../src/i18n/view.ts';
import { messages } from '../../src/i18n/messages.ts';
import type { Definition } from '../../src/bluesky/model.ts';
import { definition } from '../../src/bluesky/labelers.ts';
import { parsePost } from '../../src/bluesky/parse.ts';
import { actor, labelerView, post, type LabelDefinition } from '../../demo/appview/build.ts';

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
/** The site's labeler, in the tests of `labelers`. */
const LABELER = 'did:plc:labelerlabelerlabelerlab';

type Source = 'self' | 'bsky' | 'other' | 'labeler';

/** A label as generated: its value, its source, and (on the author) whether it sits on their profile record. */
interface Spec {
  val: string;
  src: Source;
  profile?: boolean;
}

/** A post with images whose own labels and whose author's come from the given sources; `author` may be the labeler itself. */
function labelled(onPost: Spec[], onAccount: Spec[], author = actor('labelled', 'Labelled')) {
  const src = (s: Source) => ({ self: author.did, bsky: BSKY_LABELER, other: OTHER_LABELER, labeler: LABELER })[s];
  author.labels = onAccount.map((l) => ({
    src: src(l.src),
    uri: l.profile ? `at://${author.did}/app.bsky.actor.profile/self` : author.did,
    val: l.val,
    cts: '2026-11-27T00:00:00.000Z',
  }));
  return post({
    author,
    rkey: '3klabelled',
    createdAt: '2026-11-27T00:00:00.000Z',
    text: ['hello'],
    labels: onPost.map((l) => ({ src: src(l.src), val: l.val })),
    embed: { images: [{ url: 'https://cdn.example/i.jpg', alt: 'i', width: 1, height: 1 }] },
  });
}

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
const source = fc.constantFrom<Source>('self', 'bsky', 'other');
const labelSpecs = fc.array(fc.record({ val: values, src: source }), { maxLength: 3 });

describe('moderation', () => {
  it('agrees with moderatePost configured as bsky.app signed out, on generated labels', () => {
    expect(BSKY_LABELER).toBe(BSKY_LABELER_DID);
    fc.assert(
      fc.property(labelSpecs, labelSpecs, (onPost, onAccount) => {
        const view = labelled(onPost, onAccount);
        const author = view.author;
        const expected = oracle(view);
        expect(moderate(view.labels, view.author.labels, author.did)).toBe(expected);
        // And parsing obeys it: hidden posts never come out of the parser.
        const parsed = parsePost(view);
        expect(parsed === undefined).toBe(expected === 'hide');
        if (parsed) expect(!!parsed.warn).toBe(expected === 'warn');
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

describe('moderation with the site’s labelers', () => {
  const values = fc.constantFrom('!hide', '!warn', '!no-unauthenticated', 'porn', 'nudity', 'gore', 'spam', 'rude', 'custom-a', 'custom-b', 'custom-c');
  const defs = fc.array(
    fc.record({
      identifier: fc.constantFrom('custom-a', 'custom-b', 'custom-c', 'rude'),
      // Known values, and ones from the future (open strings in the lexicon).
      severity: fc.constantFrom('inform', 'alert', 'none', 'loud'),
      blurs: fc.constantFrom('content', 'media', 'none', 'everything'),
      defaultSetting: fc.option(fc.constantFrom('ignore', 'warn', 'hide'), { nil: undefined }),
      adultOnly: fc.option(fc.boolean(), { nil: undefined }),
      named: fc.boolean(), // without `locales` a definition is invalid
    }),
    { maxLength: 4 },
  );
  const source = fc.constantFrom<Source>('self', 'bsky', 'labeler', 'other');
  // No negations: the AppView applies them before it answers, and moderatePost does not read them.
  const labelSpecs = fc.array(fc.record({ val: values, src: source, profile: fc.boolean() }), { maxLength: 3 });

  it('agree with moderatePost for a signed-out reader subscribed to the labeler with its default settings', () => {
    fc.assert(
      // Sometimes the labeler labels its own posts: self-labels, which count only as self-labels.
      fc.property(defs, labelSpecs, labelSpecs, fc.boolean(), (definitions, onPost, onAccount, ownPost) => {
        // One definition per identifier, as a labeler publishes them.
        const unique = [...new Map(definitions.map(({ named: _, ...d }) => [d.identifier, { ...d, name: d.identifier }])).values()] as LabelDefinition[];
        const view = labelerView(actor('labeler'), unique) as AppBskyLabelerDefs.LabelerViewDetailed;
        const unnamed = new Set<string>(definitions.filter((d) => !d.named).map((d) => d.identifier));
        for (const def of view.policies.labelValueDefinitions ?? []) if (unnamed.has(def.identifier)) delete (def as { locales?: unknown }).locales;
        view.creator.did = LABELER;
        const subject = labelled(onPost, onAccount, ownPost ? { did: LABELER, handle: 'labeler.example' } : undefined);
        const author = subject.author;
        const prefs: ModerationPrefs = {
          ...SIGNED_OUT,
          labelers: [...SIGNED_OUT.labelers, { did: LABELER, labels: {} }],
        };
        const decision = moderatePost(subject as never, { userDid: undefined, prefs, labelDefs: { [LABELER]: interpretLabelValueDefinitions(view) } });
        const list = decision.ui('contentList');
        const expected = list.filter ? 'hide' : list.blur || decision.ui('contentMedia').blur ? 'warn' : 'show';
        const ours = new Map<string, Definition>((view.policies.labelValueDefinitions ?? []).flatMap((d) => (definition(d) ? [definition(d)!] : [])));
        expect(moderate(subject.labels, author.labels, author.did, new Map([[LABELER, { labels: ours }]]))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('what a warning says', () => {
  const names = [
    { lang: 'en', name: 'Unverified claim' },
    { lang: 'ko', name: '확인되지 않은 주장' },
  ];
  const ours = new Map([
    [LABELER, { name: 'Newswatch Moderation', labels: new Map([['unverified', { setting: 'warn', blurs: 'content', adultOnly: false, names }]]) }],
  ]) as Parameters<typeof judge>[3];

  it('names the label and who put it there: Bluesky, a labeler by its name, or one that did not answer by its DID', () => {
    const a = actor('someone');
    expect(judge([{ src: BSKY_LABELER, val: '!warn' }], [], a.did)).toEqual({ label: '!warn' });
    expect(judge([{ src: LABELER, val: 'unverified' }], [], a.did, ours)).toEqual({ label: 'unverified', names, by: 'Newswatch Moderation' });
    expect(judge([{ src: LABELER, val: '!warn' }], [], a.did, ours)).toEqual({ label: '!warn', by: 'Newswatch Moderation' });
    expect(judge([{ src: LABELER, val: '!warn' }], [], a.did, new Map([[LABELER, { labels: new Map() }]]))).toEqual({ label: '!warn', by: LABELER });
    // A post's own label before its author's; a hide wins over any warning.
    expect(judge([{ src: LABELER, val: 'unverified' }], [{ src: BSKY_LABELER, val: '!warn', uri: a.did }], a.did, ours)).toMatchObject({ label: 'unverified' });
    expect(
      judge(
        [
          { src: LABELER, val: 'unverified' },
          { src: BSKY_LABELER, val: '!hide' },
        ],
        [],
        a.did,
        ours,
      ),
    ).toBe('hide');
    expect(judge([], [], a.did)).toBe('show');
  });

  it('reads a label in the interface language, else its base language, else English, else the first', () => {
    expect(localName(names, 'ko')).toBe('확인되지 않은 주장');
    expect(localName(names, 'ko-KR')).toBe('확인되지 않은 주장');
    expect(localName(names, 'ja')).toBe('Unverified claim');
    expect(
      localName(
        [
          { lang: 'de', name: 'Unbestätigt' },
          { lang: 'fr', name: 'Non vérifié' },
        ],
        'ja',
      ),
    ).toBe('Unbestätigt');
    expect(localName([], 'en')).toBeUndefined();
  });

  it('words Bluesky’s labels with the widget’s strings, a labeler’s by its definition, and an unnamed one by its value', () => {
    const view = { lang: 'en', t: viewMessages(messages('en')!) };
    expect(reason({ label: '!warn' }, view)).toBe('Content warning');
    // The site's own `strings.warning` still words it, as it did before warnings named their reason.
    expect(reason({ label: '!warn' }, { ...view, t: { ...view.t, warning: 'Heads up' } })).toBe('Heads up');
    expect(reason({ label: 'graphic-media' }, view)).toBe('Graphic media');
    expect(reason({ label: 'porn' }, view)).toBe('Adult content');
    expect(reason({ label: 'unverified', names, by: 'Newswatch Moderation' }, { ...view, lang: 'ko' })).toBe('확인되지 않은 주장');
    expect(reason({ label: 'constructor', by: 'x' }, view)).toBe('constructor');
  });
});

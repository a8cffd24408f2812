import { viewMessages } from '../../src/i18n/view.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { BSKY_LABELER_DID } from '@atproto/api';
import { render } from 'lit';
import { loadDiscussion } from '../../src/bluesky/discussion.ts';
import type { ThreadNode } from '../../src/bluesky/model.ts';
import { parsePost } from '../../src/bluesky/parse.ts';
import { postTemplate, type View } from '../../src/templates/posts.ts';
import { messages } from '../../src/i18n/messages.ts';
import { HOSTILE_ARTICLE } from '../../demo/appview/sample.ts';
import { ORIGIN, sampleRoute, stubFetch } from './helpers.ts';

afterEach(() => vi.unstubAllGlobals());

const flatten = (nodes: ThreadNode[]): ThreadNode[] => nodes.flatMap((n) => [n, ...flatten(n.replies)]);
const view: View = { lang: 'en', t: viewMessages(messages('en')!) };

describe('a hostile, labelled and partly hidden thread', () => {
  const load = () => loadDiscussion({ article: HOSTILE_ARTICLE, pinned: [], service: ORIGIN, searchService: ORIGIN, sort: 'top', limit: 20, depth: 6 });

  it('keeps out everything bsky.app hides from a signed-out reader', async () => {
    stubFetch(sampleRoute);
    const texts = flatten((await load()).threads).map((p) => p.text);
    for (const hidden of ['HIDDEN-BY-AUTHOR', 'NO-UNAUTH reply', 'UNDER-NO-UNAUTH', 'PORN-LABELLED', 'NO-UNAUTH root', 'BSKY-HIDDEN root'])
      expect(texts.some((t) => t.includes(hidden))).toBe(false);
    expect(texts.some((t) => t.includes('OTHER-LABELER reply'))).toBe(true);
  });

  it('puts a !warn post behind a warning that names it and Bluesky, media included', async () => {
    stubFetch(sampleRoute);
    const warned = flatten((await load()).threads).find((p) => p.text === 'WARNED reply')!;
    expect(warned.warn).toEqual({ label: '!warn' });
    const host = document.createElement('div');
    render(postTemplate(warned, view), host);
    const details = host.querySelector('details')!;
    expect(details.open).toBe(false);
    // The text and the image are inside the closed disclosure, not beside it.
    expect(details.querySelector('img[alt="WARNED-IMAGE"]')).not.toBeNull();
    expect(details.querySelector('.text')!.textContent).toContain('WARNED reply');
    expect(host.querySelector('.text')!.closest('details')).toBe(details);
    const summary = details.querySelector('summary')!;
    expect(summary.querySelector('.why')!.textContent!.replace(/\s+/g, ' ')).toBe('Content warning · labelled by Bluesky Moderation Service');
    expect([...summary.querySelectorAll('.show, .hide')].map((word) => word.textContent)).toEqual(['Show', 'Hide']);
  });

  it('shows a neutral line for blocked and detached quotes, and drops blocked and missing replies', async () => {
    stubFetch(sampleRoute);
    const thread = (await load()).threads[0];
    const quotes = thread.replies.filter((r) => r.text.startsWith('Quoting'));
    expect(quotes.map((q) => q.embed)).toEqual([
      { kind: 'quote', post: undefined },
      { kind: 'quote', post: undefined },
    ]);
    expect(thread.replies.every((r) => r.uri.startsWith('at://'))).toBe(true);
    expect(thread.replies).toHaveLength(5); // other-labeler, warned, evil, two quotes
  });
});

// Arbitrary response material: the right shapes with hostile or wrong-typed values.
/** Any value, kept small: wrong types, not deep ones, are what a reader of responses must survive. */
const junk = fc.anything({ maxDepth: 2, maxKeys: 4 });
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>x</script>',
    'vbscript:x',
    '<img src=x onerror=alert(1)>',
    'https://ok.example/',
    'http://ok.example/a?b=<c>',
  ),
);
const feature = fc.record({
  $type: fc.constantFrom('app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#tag', 'x'),
  uri: hostileString,
  did: fc.oneof(hostileString, fc.constant('did:plc:abc')),
  tag: hostileString,
});
/** A facet over a text of `bytes` UTF-8 bytes: mostly a range inside it (so facets meet and overlap), sometimes anything. */
const facet = (bytes: number) => {
  const inside = fc
    .tuple(fc.integer({ min: 0, max: bytes }), fc.integer({ min: 0, max: bytes }))
    .map(([a, b]) => ({ byteStart: Math.min(a, b), byteEnd: Math.max(a, b) }));
  const offset = fc.oneof(fc.integer({ min: -10, max: 200 }), junk);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ index: inside, features: fc.array(feature, { minLength: 1, maxLength: 2 }) }) },
    fc.record({ index: fc.record({ byteStart: offset, byteEnd: offset }), features: fc.array(feature, { maxLength: 2 }) }, { requiredKeys: [] }),
  );
};
const embed = fc.oneof(
  junk,
  fc.record({
    $type: fc.constant('app.bsky.embed.images#view'),
    images: fc.array(fc.record({ thumb: hostileString, fullsize: hostileString, alt: hostileString, aspectRatio: junk })),
  }),
  fc.record({
    $type: fc.constant('app.bsky.embed.external#view'),
    external: fc.record({ uri: hostileString, title: junk, description: hostileString, thumb: hostileString }),
  }),
  fc.record({ $type: fc.constant('app.bsky.embed.video#view'), thumbnail: hostileString, alt: junk, aspectRatio: junk }),
  fc.record({
    $type: fc.constantFrom('app.bsky.embed.record#view', 'app.bsky.embed.recordWithMedia#view'),
    record: fc.record({
      $type: fc.constantFrom('app.bsky.embed.record#viewRecord', 'app.bsky.embed.record#viewBlocked', 'x'),
      uri: fc.constant('at://did:plc:q/app.bsky.feed.post/1'),
      author: junk,
      value: junk,
    }),
    media: junk,
  }),
);
/** A post's own URI: any DID and record key atproto allows (bsky.app links are built from them). */
const postUri = fc
  .tuple(fc.constantFrom('did:plc:abc', 'did:web:x.example%3A8080', 'did:web:a.b.c'), fc.stringMatching(/^[A-Za-z0-9._:~-]{1,20}$/))
  .filter(([, rkey]) => rkey !== '.' && rkey !== '..')
  .map(([did, rkey]) => `at://${did}/app.bsky.feed.post/${rkey}`);
/** Labels of any shape, from Bluesky's service and others, that warn or do nothing (a hidden post renders nothing). */
const labels = fc.oneof(
  junk.filter((value) => !Array.isArray(value)),
  fc.array(fc.record({ src: fc.oneof(fc.constant(BSKY_LABELER_DID), hostileString), uri: hostileString, val: fc.oneof(fc.constant('!warn'), hostileString) }), {
    maxLength: 3,
  }),
);
/** A post view that can be read (a post URI, an author with a DID, a text), hostile or wrong-typed everywhere else. */
const postView = fc.record(
  {
    uri: postUri,
    cid: junk,
    author: fc.record(
      {
        did: fc.constantFrom('did:plc:abc', 'did:web:x.example'),
        handle: hostileString,
        displayName: fc.oneof(hostileString, junk),
        avatar: hostileString,
        labels,
      },
      { requiredKeys: ['did'] },
    ),
    record: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), hostileString).chain((text) =>
      fc.record(
        {
          text: fc.constant(text),
          facets: fc.oneof({ weight: 3, arbitrary: fc.array(facet(new TextEncoder().encode(text).length), { maxLength: 5 }) }, junk),
          langs: junk,
          createdAt: junk,
          reply: junk,
        },
        { requiredKeys: ['text'] },
      ),
    ),
    embed,
    replyCount: junk,
    likeCount: fc.oneof(fc.integer(), junk),
    labels,
    threadgate: junk,
  },
  { requiredKeys: ['uri', 'author', 'record'] },
);

/** A post view with one of the things a post cannot be read without made unusable. */
const unreadable = fc.oneof(
  fc
    .tuple(
      postView,
      hostileString.filter((uri) => !uri.startsWith('at://')),
    )
    .map(([view, uri]) => ({ ...view, uri })),
  fc
    .tuple(
      postView,
      fc.oneof(
        junk.filter((author) => typeof author !== 'object' || author === null),
        fc.record({ did: hostileString, handle: hostileString }),
      ),
    )
    .map(([view, author]) => ({ ...view, author })),
  fc
    .tuple(
      postView,
      junk.filter((text) => typeof text !== 'string'),
    )
    .map(([view, text]) => ({ ...view, record: { ...view.record, text } })),
  fc.tuple(postView, fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(junk))).map(([view, record]) => ({ ...view, record })),
);

/** Every run reads and renders a post (the old generator skipped 363 of 400 at the parser); a few seconds' work on a busy machine. */
const RUNS = 200;

describe('hostile and broken posts', () => {
  it('never throw, never make a non-web href, and render every character of the text once', () => {
    let rendered = 0;
    fc.assert(
      fc.property(postView, (value) => {
        const parsed = parsePost(value);
        expect(parsed).toBeDefined(); // every generated post is read and rendered: none skips the checks below
        const host = document.createElement('div');
        render(postTemplate(parsed!, view), host);
        for (const element of host.querySelectorAll('[href], [src]')) {
          for (const attr of ['href', 'src']) {
            const url = element.getAttribute(attr);
            if (url !== null) expect(url).toMatch(/^https?:\/\//i);
          }
        }
        expect(host.querySelector('script, [onerror]')).toBeNull();
        const text = host.querySelector('[part="text"]');
        // Each character once, besides the real host the widget adds after a link whose text names another.
        text?.querySelectorAll('a > .host').forEach((note) => note.remove());
        expect(text?.textContent ?? '').toBe(parsed!.text);
        rendered++;
      }),
      { numRuns: RUNS },
    );
    expect(rendered).toBe(RUNS);
  }, 30_000);

  it('drop a post whose URI, author or text cannot be read, and never throw', () => {
    fc.assert(
      fc.property(unreadable, (value) => {
        expect(parsePost(value)).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});

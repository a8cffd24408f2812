import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
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
const view: View = { lang: 'en', t: messages('en')! };

describe('a hostile, labelled and partly hidden thread', () => {
  const load = () => loadDiscussion({ article: HOSTILE_ARTICLE, pinned: [], service: ORIGIN, searchService: ORIGIN, sort: 'top', limit: 20, depth: 6 });

  it('keeps out everything bsky.app hides from a signed-out reader', async () => {
    stubFetch(sampleRoute);
    const texts = flatten((await load()).threads).map((p) => p.text);
    for (const hidden of ['HIDDEN-BY-AUTHOR', 'NO-UNAUTH reply', 'UNDER-NO-UNAUTH', 'PORN-LABELLED', 'NO-UNAUTH root', 'BSKY-HIDDEN root'])
      expect(texts.some((t) => t.includes(hidden))).toBe(false);
    expect(texts.some((t) => t.includes('OTHER-LABELER reply'))).toBe(true);
  });

  it('puts a !warn post behind a warning, media included', async () => {
    stubFetch(sampleRoute);
    const warned = flatten((await load()).threads).find((p) => p.text === 'WARNED reply')!;
    expect(warned.warn).toBe(true);
    const host = document.createElement('div');
    render(postTemplate(warned, view), host);
    const details = host.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('img[alt="WARNED-IMAGE"]')).not.toBeNull();
    expect(details.querySelector('summary')!.textContent).toContain('Content warning');
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
const facet = fc.record(
  {
    index: fc.record({
      byteStart: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.anything()),
      byteEnd: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.anything()),
    }),
    features: fc.array(
      fc.record({
        $type: fc.constantFrom('app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#tag', 'x'),
        uri: hostileString,
        did: fc.oneof(hostileString, fc.constant('did:plc:abc')),
        tag: hostileString,
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
const embed = fc.oneof(
  fc.anything(),
  fc.record({
    $type: fc.constant('app.bsky.embed.images#view'),
    images: fc.array(fc.record({ thumb: hostileString, fullsize: hostileString, alt: hostileString, aspectRatio: fc.anything() })),
  }),
  fc.record({
    $type: fc.constant('app.bsky.embed.external#view'),
    external: fc.record({ uri: hostileString, title: fc.anything(), description: hostileString, thumb: hostileString }),
  }),
  fc.record({ $type: fc.constant('app.bsky.embed.video#view'), thumbnail: hostileString, alt: fc.anything(), aspectRatio: fc.anything() }),
  fc.record({
    $type: fc.constantFrom('app.bsky.embed.record#view', 'app.bsky.embed.recordWithMedia#view'),
    record: fc.record({
      $type: fc.constantFrom('app.bsky.embed.record#viewRecord', 'app.bsky.embed.record#viewBlocked', 'x'),
      uri: fc.constant('at://did:plc:q/app.bsky.feed.post/1'),
      author: fc.anything(),
      value: fc.anything(),
    }),
    media: fc.anything(),
  }),
);
const postView = fc.record(
  {
    uri: fc.oneof(fc.constant('at://did:plc:abc/app.bsky.feed.post/3k'), hostileString),
    cid: fc.anything(),
    author: fc.oneof(
      fc.record({
        did: fc.constant('did:plc:abc'),
        handle: hostileString,
        displayName: fc.oneof(hostileString, fc.anything()),
        avatar: hostileString,
        labels: fc.anything(),
      }),
      fc.anything(),
    ),
    record: fc.oneof(
      fc.record({
        text: fc.string({ unit: 'grapheme', maxLength: 40 }),
        facets: fc.oneof(fc.array(facet, { maxLength: 5 }), fc.anything()),
        langs: fc.anything(),
        createdAt: fc.anything(),
      }),
      fc.anything(),
    ),
    embed,
    replyCount: fc.anything(),
    likeCount: fc.oneof(fc.integer(), fc.anything()),
    labels: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('hostile and broken posts', () => {
  it('never throw, never make a non-web href, and render every character of the text once', () => {
    fc.assert(
      fc.property(postView, (value) => {
        const parsed = parsePost(value);
        if (!parsed) return;
        const host = document.createElement('div');
        render(postTemplate(parsed, view), host);
        for (const element of host.querySelectorAll('[href], [src]')) {
          for (const attr of ['href', 'src']) {
            const url = element.getAttribute(attr);
            if (url !== null) expect(url).toMatch(/^https?:\/\//i);
          }
        }
        expect(host.querySelector('script, [onerror]')).toBeNull();
        const text = host.querySelector('[part="text"]');
        expect(text?.textContent ?? '').toBe(parsed.text);
      }),
      { numRuns: 400 },
    );
  });
});

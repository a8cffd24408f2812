// The site owner's rules: hide, muted words, filter, labelers, quotes and standard.site, each on its
// own and through every route of a load (the sample AppView answers, as the live one would).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { BSKY_LABELER_DID } from '@atproto/api';
import { mentions, normalize, readRules, rules } from '../../src/bluesky/rules.ts';
import { parsePost } from '../../src/bluesky/parse.ts';
import { loadDiscussion, nextPage, openBranch } from '../../src/bluesky/discussion.ts';
import type { Discussion, DiscussionInputs, RawRules } from '../../src/bluesky/model.ts';
import { readInputs, type Page } from '../../src/inputs.ts';
import { actor, post, reply } from '../../demo/appview/build.ts';
import { ARTICLE, MUTED, NEWSWATCH, SPAMMER } from '../../demo/appview/sample.ts';
import { ORIGIN, assertValidOutput, json, sampleRoute, stubFetch } from './helpers.ts';

afterEach(() => vi.unstubAllGlobals());

const page: Page = { baseURI: ARTICLE, href: ARTICLE, title: 'Story' };
const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
/** Inputs as the element reads them, against the sample AppView. */
const inputs = (attrs: Record<string, unknown> = {}): DiscussionInputs =>
  readInputs({ url: ARTICLE, service: ORIGIN, searchService: ORIGIN, backlinksService: 'none', ...attrs }, page, vi.fn());

/** Every post in a discussion, shown or waiting, replies and quoted posts included. */
function everything(discussion: Discussion): string[] {
  const out: string[] = [];
  const walk = (node: Discussion['threads'][number]) => {
    out.push(node.text);
    if (node.embed?.kind === 'quote' && node.embed.post) out.push(`quoted: ${node.embed.post.text}`);
    node.replies.forEach(walk);
  };
  discussion.threads.forEach(walk);
  discussion.pending.forEach((root) => out.push(root.text));
  return out;
}

const a = actor('alice', 'Alice');
const make = (text: string, extra: Partial<Parameters<typeof post>[0]> = {}) =>
  post({ author: a, rkey: `3k${Math.abs(text.length * 7919 + text.charCodeAt(0))}`, createdAt: '2026-11-27T10:00:00.000Z', text: [text], ...extra });
/** The rules as a site owner writes them, read. */
const ruled = (raw: RawRules) => rules(readRules(raw));
const mutes = (words: string, view: ReturnType<typeof post>) => parsePost(view, ruled({ mutedWords: words })) === undefined;

describe('muted words', () => {
  it('match whole words in any case, never inside another word', () => {
    expect(mutes('cry', make('Encryption matters'))).toBe(false);
    expect(mutes('cry', make('They cry, and then?'))).toBe(true);
    expect(mutes('CRY', make('why do we cry'))).toBe(true);
    expect(mutes('idiot', make('Only an IDIOT would'))).toBe(true);
    expect(mutes('idiot', make('idiotic'))).toBe(false);
    expect(mutes('crypto signals', make('Our Crypto  Signals are free'))).toBe(true);
    expect(mutes('crypto signals', make('crypto, signals'))).toBe(false);
  });

  it('match Korean, Japanese and Chinese words inside the text, and spaced words beside them', () => {
    // Korean joins particles to the word; Japanese and Chinese put no spaces between words.
    expect(mutes('암호화', make('노르비아가 암호화 통화 앱을 차단'))).toBe(true);
    expect(mutes('암호화', make('암호화는 중요합니다'))).toBe(true);
    expect(mutes('暗号', make('暗号化アプリが遮断された'))).toBe(true);
    expect(mutes('加密', make('这个加密应用被封锁了'))).toBe(true);
    expect(mutes('vpn', make('VPN을 쓰세요'))).toBe(true);
    expect(mutes('vpn', make('VPNs을 쓰세요'))).toBe(false); // "VPNs" is another word
    expect(mutes('암호화', make('암호 화폐'))).toBe(false);
    expect(mutes('차단', make('노르비아가 통화 앱을'))).toBe(false);
    expect(mentions(normalize('ｃｒｙ ｏｕｔ'), 'cry')).toBe(true); // full-width letters, NFKC
  });

  it('look in link cards, alt texts, tags and the quoted post, as bsky.app does', () => {
    const card = make('see this', { embed: { external: { uri: 'https://x.example', title: 'A scam exposed', description: '' } } });
    expect(mutes('scam', card)).toBe(true);
    const image = make('look', { embed: { images: [{ url: 'https://cdn.example/i.jpg', alt: 'a scam flyer', width: 1, height: 1 }] } });
    expect(mutes('scam', image)).toBe(true);
    expect(mutes('#scam', make('tagged', { tags: ['Scam'] }))).toBe(true);
    expect(mutes('scam', make('x ', { text: ['x ', { tag: 'scam' }] }))).toBe(true);
    // A muted quote: the post quoting it goes with it.
    const quoted = make('what a scam');
    expect(mutes('scam', make('look at this', { embed: { quote: quoted } }))).toBe(true);
    expect(mutes('scam', make('look at this', { embed: { quote: make('what a deal') } }))).toBe(false);
  });
});

describe('hide', () => {
  const b = actor('bob.example', 'Bob');
  const bobs = post({ author: b, rkey: '3kbob', createdAt: '2026-11-27T10:00:00.000Z', text: ['hi'] });
  const hides = (value: string | string[], view = bobs) => parsePost(view, ruled({ hide: value })) === undefined;

  it('takes handles, DIDs, profile URLs, post URLs and at:// URIs, as a string or an array', () => {
    expect(hides('@Bob.Example')).toBe(true);
    expect(hides(b.did)).toBe(true);
    expect(hides('https://bsky.app/profile/bob.example')).toBe(true);
    expect(hides(`https://bsky.app/profile/${encodeURIComponent(b.did)}`)).toBe(true);
    expect(hides('https://bsky.app/profile/bob.example/post/3kbob')).toBe(true);
    expect(hides(['someone.else', bobs.uri])).toBe(true);
    expect(hides('https://bsky.app/profile/bob.example/post/3kother')).toBe(false);
    expect(hides('alice.bsky.social')).toBe(false);
  });

  it('warns about each entry it cannot read, naming the attribute, and keeps the rest', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const read = readRules({ hide: ['bob.example', 'not_a_handle!', 'https://example.com/x', 42] }).hide;
    expect(read.actors).toEqual(['bob.example']);
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      expect.stringMatching(/^<discuss-thread>: ignoring hide="not_a_handle!"/),
      expect.stringMatching(/^<discuss-thread>: ignoring hide="https:\/\/example.com\/x"/),
      expect.stringMatching(/^<discuss-thread>: ignoring hide="42"/),
    ]);
    warn.mockRestore();
  });

  it('shows a hidden quoted post as unavailable, and drops a reply to a hidden post', () => {
    const quoting = parsePost(make('look', { embed: { quote: bobs } }), ruled({ hide: b.did }));
    expect(quoting?.embed).toEqual({ kind: 'quote' });
    const answer = reply(bobs, bobs, { author: a, rkey: '3kanswer', createdAt: '2026-11-27T11:00:00.000Z', text: ['ok'] });
    expect(parsePost(answer, ruled({ hide: b.did }))).toBeUndefined();
  });
});

describe('filter', () => {
  it('drops what it answers falsy for, and keeps a post when it throws, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const short = ruled({ filter: (view: { record: unknown }) => (view.record as { text: string }).text.length > 3 });
    expect(parsePost(make('hey'), short)).toBeUndefined();
    expect(parsePost(make('hello'), short)).toBeDefined();
    const broken = ruled({
      filter: () => {
        throw new Error('oops');
      },
    });
    expect(parsePost(make('hello'), broken)).toBeDefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('filter threw (oops)'));
    warn.mockRestore();
  });

  it('is warned about when it is not a function', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readRules({ filter: 'x => true' }).filter).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^<discuss-thread>: ignoring filter="string"/));
    warn.mockRestore();
  });
});

describe('labelers', () => {
  it('reads definitions from getServices, sends the header only when set, and reports a labeler that does not answer', async () => {
    const { calls } = stubFetch(sampleRoute);
    const plain = await loadDiscussion(inputs({ post: STORY }));
    expect(calls.every((call) => !new Headers(call.init?.headers).has('atproto-accept-labelers'))).toBe(true);
    expect(everything(plain)).toContain('Nobody asked you. Log off.');
    calls.length = 0;
    const subscribed = await loadDiscussion(inputs({ post: STORY, labelers: NEWSWATCH.did }));
    const services = calls.find((call) => call.url.pathname.endsWith('app.bsky.labeler.getServices'))!;
    expect(services.url.searchParams.getAll('dids')).toEqual([NEWSWATCH.did]);
    expect(services.url.searchParams.get('detailed')).toBe('true');
    const appView = calls.filter((call) => /searchPosts|getPosts|getPostThread|getQuotes/.test(call.url.pathname));
    expect(appView.length).toBeGreaterThan(3);
    for (const call of appView) expect(new Headers(call.init?.headers).get('atproto-accept-labelers')).toBe(`${BSKY_LABELER_DID};redact, ${NEWSWATCH.did}`);
    // `harassment` hides (its default setting), `unverified` warns.
    expect(everything(subscribed)).not.toContain('Nobody asked you. Log off.');
    const claim = subscribed.threads.flatMap((t) => t.replies).find((r) => r.text.startsWith('Heard the block'))!;
    // Named by its definition and its labeler's display name, as getServices gives them.
    expect(claim.warn).toEqual({ label: 'unverified', names: [{ lang: 'en', name: 'Unverified claim' }], by: 'Newswatch Moderation' });
    expect(subscribed.failures).toEqual([]);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    stubFetch((url, init) => (url.pathname.endsWith('getServices') ? json({ error: 'ServiceUnavailable' }, 503) : sampleRoute(url, init)));
    const down = await loadDiscussion(inputs({ post: STORY, labelers: NEWSWATCH.did }));
    expect(down.failures).toEqual([{ route: 'labeler', kind: 'unavailable', status: 503, labeler: NEWSWATCH.did }]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`labelers: ${NEWSWATCH.did} did not answer`));
    // Its definitions unknown, its custom labels cannot be applied: nothing is hidden silently.
    expect(everything(down)).toContain('Nobody asked you. Log off.');
    warn.mockRestore();
  });

  it('warns about a labeler that is not a DID', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readRules({ labelers: `newswatch.example, ${NEWSWATCH.did}` }).labelers).toEqual([NEWSWATCH.did]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^<discuss-thread>: ignoring labelers="newswatch.example"/));
    warn.mockRestore();
  });

  it('are answered lexicon-valid by the sample AppView', async () => {
    const route = await sampleRoute(new URL(`${ORIGIN}/xrpc/app.bsky.labeler.getServices?dids=${NEWSWATCH.did}&detailed=true`));
    assertValidOutput('app.bsky.labeler.getServices', await route.json());
  });
});

describe('the rules on every route', () => {
  const RULES = { hide: SPAMMER, mutedWords: MUTED, labelers: NEWSWATCH.did };
  const REMOVED = [/crypto signals/, /IDIOT/, /Nobody asked you/];

  /** The first page (the pinned story only), the next page, then every branch cut at depth 1 opened in place. */
  async function everyPage(attrs: Record<string, unknown>) {
    const rules = inputs({ post: STORY, limit: 1, depth: 1, ...attrs });
    let discussion = await loadDiscussion(rules);
    const first = everything(discussion);
    discussion = await nextPage(discussion, 20, rules);
    const cut = (nodes: Discussion['threads']): string[] => nodes.flatMap((node) => [...(node.more ? [node.uri] : []), ...cut(node.replies)]);
    const branches = cut(discussion.threads);
    for (const uri of branches) discussion = await openBranch(discussion, uri, rules);
    return { first, all: everything(discussion), branches };
  }

  it('remove a hidden account, a muted word and a labelled post from the first page, the next page and a branch opened in place', async () => {
    const { calls } = stubFetch(sampleRoute);
    const open = await everyPage({});
    // Without rules, each is there: the spam and the insult on the next page, the harassment only
    // in a branch opened in place (it is two levels down).
    expect(open.branches.length).toBeGreaterThan(0);
    for (const pattern of REMOVED) expect(open.all.some((text) => pattern.test(text))).toBe(true);
    expect(open.first.some((text) => /Nobody asked you/.test(text))).toBe(false);
    calls.length = 0;
    const ruled = await everyPage(RULES);
    for (const pattern of REMOVED) expect(ruled.all.some((text) => pattern.test(text))).toBe(false);
    expect(ruled.all.length).toBe(open.all.length - REMOVED.length);
    // The branches were asked for with the labelers' header too.
    const threads = calls.filter((call) => call.url.pathname.endsWith('getPostThread'));
    expect(threads.length).toBeGreaterThan(ruled.branches.length);
    for (const call of threads) expect(new Headers(call.init?.headers).get('atproto-accept-labelers')).toContain(NEWSWATCH.did);
  });

  it('apply to the author feed, pinned posts and search alike', async () => {
    stubFetch((url, init) => (url.pathname.endsWith('searchPosts') ? json({ error: 'AuthMissing' }, 403) : sampleRoute(url, init)));
    const feed = await loadDiscussion(inputs({ author: 'minapark.news.example', hide: 'minapark.news.example' }));
    expect(feed.threads).toEqual([]);
    stubFetch(sampleRoute);
    const pinned = await loadDiscussion(inputs({ post: STORY, hide: STORY }));
    expect(everything(pinned).some((text) => text.startsWith('New from me'))).toBe(false);
    // A hidden root goes with everything under it.
    expect(everything(pinned).some((text) => text.startsWith('Great reporting'))).toBe(false);
    // A post found by search that quotes it stays (it is someone else's), the quote shown as unavailable.
    const quote = pinned.threads.find((t) => t.author.handle === 'alex-dev.bsky.social')!;
    expect(quote.embed).toMatchObject({ kind: 'quote', post: undefined });
  });

  it('reload when a rule changes, and not otherwise', () => {
    const one = readInputs({ hide: 'a.example' }, page, vi.fn());
    expect(readInputs({ hide: 'a.example' }, page, vi.fn()).key).toBe(one.key);
    expect(readInputs({ hide: 'b.example' }, page, vi.fn()).key).not.toBe(one.key);
    expect(readInputs({ mutedWords: 'x' }, page, vi.fn()).key).not.toBe(one.key);
    expect(readInputs({ quotes: 'off' }, page, vi.fn()).key).not.toBe(one.key);
  });

  it('read a removed attribute (null) as no rule, and report a hidden handle that cannot be resolved', async () => {
    expect(readRules({ hide: 'a.example', mutedWords: null, labelers: null })).toMatchObject({ mutedWords: [], labelers: [] });
    stubFetch((url, init) => (url.pathname.endsWith('resolveHandle') ? json({ error: 'InternalServerError' }, 500) : sampleRoute(url, init)));
    // The story by its DID: a handle in `post` would need the lookup that fails here.
    const byDid = 'at://did:plc:sw7fivsls5jd6l344ydke56c/app.bsky.feed.post/3m6aaa2story';
    const discussion = await loadDiscussion(inputs({ post: byDid, hide: 'gone.example' }));
    expect(discussion.threads[0].text).toMatch(/^New from me/);
    expect(discussion.failures).toEqual([{ route: 'hide', kind: 'unavailable', status: 500, handle: 'gone.example' }]);
  });
});

describe('quotes', () => {
  it('join as marked roots, counted apart, and stay out with quotes="off"', async () => {
    const { calls } = stubFetch(sampleRoute);
    const on = await loadDiscussion(inputs({ post: STORY }));
    const marked = on.threads.filter((t) => t.quoting);
    expect(marked.map((t) => t.author.handle).sort()).toEqual(['alex-dev.bsky.social', 'seoyeon.bsky.social', 'tomas.reyes']);
    const asked = calls.filter((call) => call.url.pathname.endsWith('getQuotes'));
    expect(asked.map((call) => call.url.searchParams.get('uri'))).toEqual([on.threads[0].uri]);
    calls.length = 0;
    const off = await loadDiscussion(inputs({ post: STORY, quotes: 'off' }));
    expect(off.threads.some((t) => t.quoting)).toBe(false);
    expect(calls.some((call) => call.url.pathname.endsWith('getQuotes'))).toBe(false);
  });

  it('are muted like every other post, and their failure is reported, not fatal', async () => {
    stubFetch(sampleRoute);
    const muted = await loadDiscussion(inputs({ post: STORY, mutedWords: '암호화' }));
    expect(muted.threads.some((t) => t.author.handle === 'seoyeon.bsky.social')).toBe(false);
    stubFetch((url, init) => (url.pathname.endsWith('getQuotes') ? json({ error: 'InternalServerError' }, 500) : sampleRoute(url, init)));
    const failed = await loadDiscussion(inputs({ post: STORY }));
    expect(failed.failures).toEqual([{ route: 'quotes', kind: 'unavailable', status: 500 }]);
    expect(failed.threads.length).toBeGreaterThan(1);
  });

  it('come from the sample AppView lexicon-valid', async () => {
    const story = `at://${actor('minapark.news.example').did}/app.bsky.feed.post/3m6aaa2story`;
    const route = await sampleRoute(new URL(`${ORIGIN}/xrpc/app.bsky.feed.getQuotes?uri=${encodeURIComponent(story)}`));
    const body = await route.json();
    expect(body.posts).toHaveLength(3);
    assertValidOutput('app.bsky.feed.getQuotes', body);
  });
});

describe('standard.site', () => {
  const DOC_DID = 'did:plc:docdocdocdocdocdocdocdoc';
  const DOC = `at://${DOC_DID}/site.standard.document/3mdocument`;
  const story = `at://${actor('minapark.news.example').did}/app.bsky.feed.post/3m6aaa2story`;

  it("pins the post the page document names, read from the author's PDS", async () => {
    const { calls } = stubFetch((url, init) => {
      if (url.href === `https://plc.directory/${DOC_DID}`)
        return json({ id: DOC_DID, service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: 'https://pds.example' }] });
      if (url.origin === 'https://pds.example' && url.pathname === '/xrpc/com.atproto.repo.getRecord') {
        expect(Object.fromEntries(url.searchParams)).toEqual({ repo: DOC_DID, collection: 'site.standard.document', rkey: '3mdocument' });
        return json({
          uri: DOC,
          value: {
            $type: 'site.standard.document',
            title: 'Story',
            site: 'https://news.example',
            publishedAt: '2026-11-27T00:00:00.000Z',
            bskyPostRef: { uri: story, cid: 'bafy' },
          },
        });
      }
      return sampleRoute(url, init);
    });
    const discussion = await loadDiscussion(
      readInputs({ service: ORIGIN, searchService: ORIGIN, backlinksService: 'none' }, { ...page, document: DOC }, vi.fn()),
    );
    expect(discussion.threads[0].uri).toBe(story);
    expect(calls.filter((call) => call.url.origin !== ORIGIN).map((call) => call.url.origin)).toEqual(['https://plc.directory', 'https://pds.example']);
  });

  it('reports a document that cannot be read, and warns about one that is not an at:// URI', async () => {
    stubFetch((url, init) => (url.origin === ORIGIN ? sampleRoute(url, init) : json({ error: 'NotFound' }, 404)));
    const discussion = await loadDiscussion(
      readInputs({ service: ORIGIN, searchService: ORIGIN, backlinksService: 'none' }, { ...page, document: DOC }, vi.fn()),
    );
    expect(discussion.failures).toEqual([{ route: 'document', kind: 'not-found', status: 404 }]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    stubFetch(sampleRoute);
    const page2 = { ...page, document: 'https://news.example/doc' };
    await loadDiscussion(readInputs({ service: ORIGIN, searchService: ORIGIN, backlinksService: 'none' }, page2, vi.fn()));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^<discuss-thread>: ignoring <link rel="site.standard.document">="https:\/\/news.example\/doc"/));
    warn.mockRestore();
  });
});

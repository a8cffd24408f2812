// The shapes the real AppView sends, reproduced with our builders: `ref` fields without `$type`,
// quotes with media, quoted posts with their own media; and what no lexicon allows (embeds nested
// thousands deep), which must cost the post its embed and nothing else.

import { viewMessages } from '../../src/i18n/view.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'lit';
import '../../src/index.ts';
import type { DiscussThread } from '../../src/element.ts';
import { loadDiscussion } from '../../src/bluesky/discussion.ts';
import type { DiscussionInputs } from '../../src/bluesky/model.ts';
import { parsePost } from '../../src/bluesky/parse.ts';
import { postTemplate, type View } from '../../src/templates/posts.ts';
import { messages } from '../../src/i18n/messages.ts';
import { actor, post, reply, threadView, type PostView } from '../../demo/appview/build.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { assertValidOutput, ORIGIN, stubFetch, xrpcRoutes } from './helpers.ts';

const view: View = { lang: 'en', t: viewMessages(messages('en')!) };
const alice = actor('alice', 'Alice');
const bob = actor('bob', 'Bob');
const at = '2026-11-27T10:00:00.000Z';
const image = (name: string) => ({ url: `https://cdn.example/${name}.jpg`, alt: `${name} alt`, width: 4, height: 3 });
const quoted = post({ author: bob, rkey: '3kquoted', createdAt: at, text: ['the quoted post'], embed: { images: [image('quoted-photo')] } });

const rendered = (p: PostView) => {
  const parsed = parsePost(p)!;
  const host = document.createElement('div');
  render(postTemplate(parsed, view), host);
  return host;
};

afterEach(() => vi.unstubAllGlobals());

describe('real AppView shapes', () => {
  it('shows a quote that comes with images, whose quote the AppView sends without $type', () => {
    const p = post({ author: alice, rkey: '3kqwm', createdAt: at, text: ['look'], embed: { quote: quoted, media: { images: [image('mine')] } } });
    assertValidOutput('app.bsky.feed.getPosts', { posts: [p] });
    expect(p.embed.$type).toBe('app.bsky.embed.recordWithMedia#view');
    expect(p.embed.record.$type).toBeUndefined(); // a ref, as the real AppView sends it
    expect(p.$type).toBeUndefined(); // a post view is a ref too
    const host = rendered(p);
    expect(host.querySelector('blockquote.quote')!.textContent).toContain('the quoted post');
    expect([...host.querySelectorAll('img')].map((i) => i.alt)).toEqual(expect.arrayContaining(['mine alt', 'quoted-photo alt']));
    expect(host.textContent).not.toContain('unavailable');
  });

  it('accepts a ref field with its $type, and drops a ref that names another type', () => {
    const p = post({
      author: alice,
      rkey: '3kqwm2',
      createdAt: at,
      text: ['look'],
      embed: { quote: quoted, media: { external: { uri: 'https://a.example/', title: 'A', description: 'd' } } },
    });
    const typed = structuredClone(p);
    typed.embed.record.$type = 'app.bsky.embed.record#view';
    typed.embed.media.external.$type = 'app.bsky.embed.external#viewExternal';
    expect(parsePost(typed)!.embed).toEqual(parsePost(p)!.embed);
    expect(parsePost(p)!.embed).toMatchObject({ kind: 'quote', post: { text: 'the quoted post' }, media: { kind: 'external', uri: 'https://a.example/' } });
    const wrong = structuredClone(p);
    wrong.embed.record.$type = 'app.bsky.embed.images#view';
    expect(parsePost(wrong)!.embed).toMatchObject({ kind: 'external' });
  });

  it('shows a quoted post’s own media, but not a quote inside the quote', () => {
    const inner = post({ author: bob, rkey: '3kinner', createdAt: at, text: ['inner'], embed: { quote: quoted, media: { images: [image('inner-photo')] } } });
    const p = post({ author: alice, rkey: '3kouter', createdAt: at, text: ['outer'], embed: { quote: inner } });
    assertValidOutput('app.bsky.feed.getPosts', { posts: [p] });
    const embed = parsePost(p)!.embed;
    expect(embed).toMatchObject({ kind: 'quote', post: { text: 'inner', media: { kind: 'images' } } });
    const host = rendered(p);
    expect([...host.querySelectorAll('img')].map((i) => i.alt)).toContain('inner-photo alt');
    expect(host.textContent).not.toContain('the quoted post');
  });
});

/**
 * A post view whose recordWithMedia embed is nested `levels` deep through `media` or `record`, as
 * JSON text: built as a string, since JSON.stringify itself cannot go that deep.
 */
function deepPost(rkey: string, text: string, levels: number, through: 'media' | 'record'): string {
  const p = post({ author: alice, rkey, createdAt: at, text: [text, { link: ARTICLE }] });
  const viewRecord = JSON.stringify({
    $type: 'app.bsky.embed.record#viewRecord',
    uri: quoted.uri,
    cid: quoted.cid,
    author: quoted.author,
    value: quoted.record,
    indexedAt: at,
  });
  const images = (alt: string) =>
    JSON.stringify({ $type: 'app.bsky.embed.images#view', images: [{ thumb: 'https://cdn.example/x.jpg', fullsize: 'https://cdn.example/x.jpg', alt }] });
  let embed = images('deep');
  for (let i = 0; i < levels; i++) {
    embed =
      through === 'media'
        ? `{"$type":"app.bsky.embed.recordWithMedia#view","record":{"record":${viewRecord}},"media":${embed}}`
        : `{"$type":"app.bsky.embed.recordWithMedia#view","record":${embed},"media":${images('top')}}`;
  }
  return JSON.stringify(p).replace(/}$/, `,"embed":${embed}}`);
}

const search =
  (...posts: string[]) =>
  () =>
    new Response(`{"posts":[${posts.join(',')}]}`, { headers: { 'content-type': 'application/json' } });

describe('nesting beyond the lexicon', () => {
  const inputs: DiscussionInputs = { article: ARTICLE, pinned: [], service: ORIGIN, searchService: ORIGIN, sort: 'latest', limit: 20, depth: 6 };

  it.each([
    [2_000, 'media'],
    [5_000, 'media'],
    [10_000, 'record'],
  ] as const)('keeps every post when an embed is nested %i levels through %s', async (levels, through) => {
    const plain = post({ author: bob, rkey: '3kplain', createdAt: '2026-11-27T09:00:00.000Z', text: ['PLAIN post ', { link: ARTICLE }] });
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': search(deepPost('3kdeep', 'DEEP post ', levels, through), JSON.stringify(plain)) }));
    const discussion = await loadDiscussion(inputs);
    expect(discussion.failures).toEqual([]);
    expect(discussion.threads.map((t) => t.text)).toEqual([`DEEP post ${ARTICLE}`, `PLAIN post ${ARTICLE}`]);
    // One level is all the lexicon allows: a quote with media, the media never another embed.
    const embed = discussion.threads[0].embed;
    expect(through === 'media' ? embed : embed?.kind).toEqual(
      through === 'media' ? { kind: 'quote', post: expect.objectContaining({ text: 'the quoted post' }) } : 'images',
    );
    expect(() => render(postTemplate(discussion.threads[0], view), document.createElement('div'))).not.toThrow();
  });

  it('renders the widget loaded, never stuck searching, with an embed nested 10,000 levels', async () => {
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': search(deepPost('3kdeep2', 'DEEP post', 10_000, 'media')) }));
    const el = document.createElement('discuss-thread') as DiscussThread;
    for (const [k, v] of Object.entries({ loading: 'eager', service: ORIGIN, 'search-service': ORIGIN, url: `${ARTICLE}?deep` })) el.setAttribute(k, v);
    document.body.append(el);
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('loaded'), { timeout: 3000 });
    expect(el.shadowRoot!.querySelector('[part~="text"]')!.textContent).toContain('DEEP post');
    el.remove();
  });
});

describe('the session cache reads back only what it wrote', () => {
  const mount = () => {
    const el = document.createElement('discuss-thread') as DiscussThread;
    for (const [k, v] of Object.entries({ loading: 'eager', service: ORIGIN, 'search-service': ORIGIN, url: ARTICLE })) el.setAttribute(k, v);
    document.body.append(el);
    return el;
  };
  const settled = (el: Element, status: string) => vi.waitFor(() => expect(el.getAttribute('status')).toBe(status), { timeout: 2000 });
  // A thread whose author limited replies, with one reply: what a reader's reply names comes from here.
  const p = post({ author: alice, rkey: '3kcache', createdAt: at, text: ['CACHED ', { link: ARTICLE }], likes: 3, replies: 1, gate: ['follower', 'mention'] });
  const answer = reply(p, p, { author: bob, rkey: '3kcacheanswer', createdAt: '2026-11-27T10:05:00.000Z', text: ['an answer'] });
  const elsewhere = post({ author: bob, rkey: '3kelsewhere', createdAt: at, text: ['another thread'] });

  beforeEach(() => sessionStorage.clear());

  /** Load `top` and its replies once, so an entry is written; return its key and parsed value. */
  async function entry(top = p, replies = [answer]) {
    const { calls } = stubFetch(
      xrpcRoutes({
        'app.bsky.feed.searchPosts': { posts: [top] },
        'app.bsky.feed.getPostThread': (q: URLSearchParams) => threadView({ post: top, replies: replies.map((r) => ({ post: r })) }, Number(q.get('depth'))),
      }),
    );
    const first = mount();
    await settled(first, 'loaded');
    // The entry is written a task after the discussion shows, and only while the element is on the
    // page: it leaves once the entry is there (leaving earlier would rightly write nothing).
    const key = await vi.waitFor(() => {
      // This article's entry: an earlier test's element may still write its own, for another address.
      const found = Object.keys(sessionStorage).find((k) => k.startsWith('discuss-thread:') && k.includes(`"article":"${ARTICLE}"`));
      if (!found) throw new Error('not written yet');
      return found;
    });
    first.remove();
    return { key, value: JSON.parse(sessionStorage.getItem(key)!), calls };
  }

  it.each([
    ['counts missing', (v: any) => delete v.discussion.threads[0].counts],
    ['a thread that is not an object', (v: any) => (v.discussion.threads[0] = 7)],
    ['replies that are not a list', (v: any) => (v.discussion.threads[0].replies = {})],
    ['a javascript: post link', (v: any) => (v.discussion.threads[0].url = 'javascript:alert(1)')],
    ['an author without a name', (v: any) => delete v.discussion.threads[0].author.displayName],
    ['a facet with two kinds', (v: any) => (v.discussion.threads[0].facets[0].tag = 'x')],
    ['pending that is not a list', (v: any) => (v.discussion.pending = null)],
    ['a gate that is not a list', (v: any) => (v.discussion.threads[0].gate = 5)],
    ['a gate of a kind no threadgate has', (v: any) => (v.discussion.threads[0].gate = ['everyone'])],
    ['a root that is not an at:// post URI', (v: any) => (v.discussion.threads[0].replies[0].root.uri = 'https://evil.example/post')],
    ['a root without its CID', (v: any) => delete v.discussion.threads[0].replies[0].root.cid],
    ['a reply naming another thread’s root', (v: any) => (v.discussion.threads[0].replies[0].root.uri = elsewhere.uri)],
    ['a thread whose top names a foreign root', (v: any) => (v.discussion.threads[0].root = { uri: elsewhere.uri, cid: elsewhere.cid })],
  ])('ignores an entry with %s and loads afresh', async (_, corrupt) => {
    const { key, value, calls } = await entry();
    corrupt(value);
    sessionStorage.setItem(key, JSON.stringify(value));
    const sent = calls.length;
    const again = mount();
    await settled(again, 'loaded');
    expect(again.shadowRoot!.querySelector('[part~="text"]')!.textContent).toContain('CACHED');
    expect(calls.length).toBeGreaterThan(sent);
    again.remove();
  });

  it('reads back an entry it wrote, with the thread’s gate and each reply’s root, without a request', async () => {
    const { value, calls } = await entry();
    expect(value.discussion.threads[0].gate).toEqual(['follower', 'mention']);
    expect(value.discussion.threads[0].replies[0].root).toEqual({ uri: p.uri, cid: p.cid });
    const sent = calls.length;
    const again = mount();
    await settled(again, 'loaded');
    expect(again.shadowRoot!.textContent).toContain('an answer');
    expect(calls.length).toBe(sent);
    again.remove();
  });

  it('reads back a thread whose top is itself a reply: its replies name the top’s root', async () => {
    const top = reply(elsewhere, elsewhere, { author: alice, rkey: '3kcachereply', createdAt: at, text: ['CACHED reply ', { link: ARTICLE }], replies: 1 });
    const under = reply(elsewhere, top, { author: bob, rkey: '3kcacheunder', createdAt: '2026-11-27T10:05:00.000Z', text: ['under it'] });
    const { value, calls } = await entry(top, [under]);
    expect(value.discussion.threads[0].root.uri).toBe(elsewhere.uri);
    expect(value.discussion.threads[0].replies[0].root.uri).toBe(elsewhere.uri);
    const sent = calls.length;
    const again = mount();
    await settled(again, 'loaded');
    expect(again.shadowRoot!.textContent).toContain('under it');
    expect(calls.length).toBe(sent);
    again.remove();
  });

  it('keys entries by release, so another release’s entry is never read', async () => {
    const { key, value, calls } = await entry();
    expect(key.startsWith('discuss-thread:0.1.0:')).toBe(true);
    sessionStorage.clear();
    sessionStorage.setItem(key.replace('discuss-thread:0.1.0:', 'discuss-thread:0.0.9:'), JSON.stringify(value));
    const sent = calls.length;
    const again = mount();
    await settled(again, 'loaded');
    expect(calls.length).toBeGreaterThan(sent);
    again.remove();
  });
});

describe('handles in post', () => {
  it('resolves each distinct handle once per load, and once per page session', async () => {
    const handles = Array.from({ length: 5 }, (_, i) => actor(`pinner${i}.example`, `Pinner ${i}`));
    const { calls } = stubFetch(
      xrpcRoutes({
        'com.atproto.identity.resolveHandle': (q: URLSearchParams) => ({ did: handles.find((h) => h.handle === q.get('handle'))!.did }),
        'app.bsky.feed.getPosts': { posts: [] },
        'app.bsky.feed.searchPosts': { posts: [] },
      }),
    );
    const refs = Array.from({ length: 500 }, (_, i) => ({ actor: handles[i % 5].handle, rkey: `3kpin${i}` }));
    const base: DiscussionInputs = { article: ARTICLE, pinned: refs, service: ORIGIN, searchService: ORIGIN, sort: 'top', limit: 20, depth: 0 };
    await loadDiscussion(base);
    const resolves = () => calls.filter((c) => c.url.pathname.endsWith('resolveHandle')).length;
    expect(resolves()).toBe(5);
    const getPosts = calls.filter((c) => c.url.pathname.endsWith('getPosts'));
    expect(getPosts.flatMap((c) => c.url.searchParams.getAll('uris'))).toHaveLength(500);
    await loadDiscussion(base);
    expect(resolves()).toBe(5);
  });
});

describe('a video (issue 18, point 4)', () => {
  const video = { thumbnail: 'https://video.bsky.app/watch/did/cid/thumbnail.jpg', alt: 'A failed call', width: 16, height: 9 };

  it('reads the playlist the view names; captions stay in the record, as the lexicon has them', () => {
    const playlist = 'https://video.bsky.app/watch/did/cid/playlist.m3u8';
    const p = post({ author: alice, rkey: '3kvid', createdAt: at, text: ['watch'], embed: { video: { ...video, playlist, captions: ['en', 'ko'] } } });
    assertValidOutput('app.bsky.feed.getPosts', { posts: [p] });
    expect(p.record.embed.captions.map((c: { lang: string }) => c.lang)).toEqual(['en', 'ko']);
    expect(p.embed.captions).toBeUndefined(); // the view has no caption URLs: the playlist carries them
    expect(parsePost(p)!.embed).toEqual({ kind: 'video', playlist, thumb: video.thumbnail, alt: 'A failed call', width: 16, height: 9 });
    expect(rendered(p).querySelector('button.play')!.getAttribute('aria-label')).toBe('Play video');
  });

  it('drops a playlist that is not a web address, and then offers no play button', () => {
    for (const playlist of ['javascript:alert(1)', 'data:application/vnd.apple.mpegurl,#EXTM3U', 7]) {
      const p = post({ author: alice, rkey: '3kvid2', createdAt: at, text: ['watch'], embed: { video } });
      (p.embed as { playlist: unknown }).playlist = playlist;
      expect(parsePost(p)!.embed).not.toHaveProperty('playlist', expect.anything());
      const host = rendered(p);
      expect(host.querySelector('button')).toBeNull();
      expect(host.querySelector<HTMLAnchorElement>('a.watch')!.href).toBe(parsePost(p)!.url);
    }
  });
});

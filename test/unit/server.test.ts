// @vitest-environment node
// discuss-thread/server in Node, as a static-site build or a server runs it: no DOM anywhere.
import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { renderDiscussion, type RenderOptions } from '../../src/server/index.ts';
import { ARTICLE, HOSTILE_ARTICLE, SPAMMER } from '../../demo/appview/sample.ts';
import { ORIGIN, expectModerated, sampleRoute, type Route } from './helpers.ts';

const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const asFetch = (route: Route): typeof fetch =>
  (async (input: string | URL | Request, init?: RequestInit) => route(new URL(String(input)), init)) as typeof fetch;

/** The server's element for `url`, from the sample AppView through an injected fetch; the requests it made. */
async function rendered(options: Partial<RenderOptions> = {}, route: Route = sampleRoute) {
  const asked: string[] = [];
  const html = await renderDiscussion({
    url: ARTICLE,
    service: ORIGIN,
    searchService: ORIGIN,
    backlinksService: ORIGIN,
    ...options,
    fetch: asFetch((url, init) => (asked.push(url.pathname.split('/').pop()!), route(url, init))),
  });
  return { html, asked };
}

/** The element as a browser's parser reads it: its attributes, the declarative shadow root's HTML, and the data beside it. */
function read(html: string) {
  type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] };
  const find = (node: Node, name: string): Node | undefined =>
    node.nodeName === name ? node : node.childNodes?.map((child) => find(child, name)).find(Boolean);
  const host = find(parse(`<!doctype html><body>${html}`) as unknown as Node, 'discuss-thread')!;
  const attrs = Object.fromEntries(host.attrs!.map((a) => [a.name, a.value]));
  const data = /<script type="application\/json" data-discussion>([\s\S]*?)<\/script>/.exec(html)?.[1];
  const shadow = /<template shadowrootmode="open">([\s\S]*)<\/template>/.exec(html)?.[1] ?? '';
  return { tag: host.tagName, attrs, children: host.childNodes!.length, shadow, data: data === undefined ? undefined : JSON.parse(data) };
}

describe('renderDiscussion', () => {
  it('renders the discussion into a declarative shadow root, with its data and the attributes it was given', async () => {
    const { html } = await rendered({ post: STORY, sort: 'latest', depth: 4, mutedWords: 'a, b' });
    const { tag, attrs, shadow, data } = read(html);
    expect(tag).toBe('discuss-thread');
    expect(attrs).toMatchObject({ url: ARTICLE, post: STORY, sort: 'latest', depth: '4', 'muted-words': 'a, b', status: 'loaded' });
    expect(shadow).toContain('<article');
    expect(shadow).toContain('Mina Park');
    expect(shadow).toContain('<style>');
    expect(shadow).not.toMatch(/<!--\/?lit-|<\?/); // Lit's hydration markers: the element renders afresh
    expect(data.ttl).toBe(300);
    expect(JSON.parse(data.key)).toMatchObject({ article: ARTICLE, sort: 'latest', depth: 4 });
    expect(data.discussion.threads[0].author.displayName).toBe('Mina Park');
  });

  it('holds nothing the widget would hide: bsky.app’s signed-out rules and the site owner’s', async () => {
    // (The attributes name what is hidden; the markup and the discussion hold none of it.)
    const held = async (options: Partial<RenderOptions>) => {
      const { shadow, data } = read((await rendered(options)).html);
      return shadow + JSON.stringify(data.discussion);
    };
    await expectModerated(held);
  });

  it('keeps a hostile post as text, in the markup and in the data', async () => {
    const { html } = await rendered({ url: HOSTILE_ARTICLE });
    // Whatever a post holds, the page has one script element (the data) and no element a post named.
    const tags = [...html.matchAll(/<(script|img|iframe)\b[^>]*>/g)].map((m) => m[0]);
    expect(tags.filter((t) => t.startsWith('<script'))).toEqual(['<script type="application/json" data-discussion>']);
    expect(tags.some((t) => /onerror|src="x"/.test(t))).toBe(false);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const { data, shadow } = read(html);
    expect(shadow).not.toContain('javascript:'); // (the data keeps a post's links as written; the templates check them, as in the browser)
    expect(JSON.stringify(data)).toContain('<script>alert(\\"x\\")</script>'); // read back whole
  });

  it('checks the site’s order in the control it renders, as an attribute a parser reads', async () => {
    const checked = [...read((await rendered({ sort: 'latest' })).html).shadow.matchAll(/<input[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => /\schecked\b/.test(tag));
    expect(checked).toHaveLength(1);
    expect(checked[0]).toContain('value="latest"');
  });

  it('writes only the element’s attributes, and `hide` as an attribute writes it, so the element’s key matches', async () => {
    const options = { hide: [SPAMMER, 'did:plc:abc'], strings: { heading: 'x' }, onload: 'alert(1)' } as unknown as Partial<RenderOptions>;
    const { attrs, data } = read((await rendered(options)).html);
    expect(attrs.hide).toBe(`${SPAMMER} did:plc:abc`);
    expect(JSON.parse(data.key).hide).toBe(attrs.hide);
    expect(Object.keys(attrs).filter((name) => ['strings', 'onload', 'fetch'].includes(name))).toEqual([]);
  });

  it('writes attribute values as values, whatever they hold', async () => {
    const { html } = await rendered({ composeText: '"><script>alert(1)</script>', author: 'x" onload="alert(1)' });
    const { attrs } = read(html);
    expect(attrs['compose-text']).toBe('"><script>alert(1)</script>');
    expect(attrs.author).toBe('x" onload="alert(1)');
    expect(attrs.onload).toBeUndefined();
  });

  it('speaks the language it is given', async () => {
    const { html } = await rendered({ lang: 'ko' });
    expect(read(html).attrs.lang).toBe('ko');
    expect(html).toContain('Bluesky에서 토론하기');
  });

  it('when every route fails, is the element alone, which loads in the reader’s browser as without a server', async () => {
    const down: Route = async () => new Response('{"error":"InternalServerError"}', { status: 500 });
    const { html } = await rendered({}, down);
    const { attrs, children } = read(html);
    expect(children).toBe(0);
    expect(attrs.status).toBeUndefined();
    expect(attrs.url).toBe(ARTICLE);
  });

  it('with nothing found, renders the empty state', async () => {
    const { html } = await rendered({ url: 'https://news.example/nobody-linked-this' });
    expect(read(html).attrs.status).toBe('empty');
    expect(read(html).shadow).toContain('slot name="empty"');
  });

  it('links its stylesheet, or gives the inline one a nonce, for pages with a strict policy', async () => {
    expect((await rendered({ stylesheet: '/discuss-thread.css' })).html).toMatch(
      /<template shadowrootmode="open"><link rel="stylesheet" href="\/discuss-thread.css">/,
    );
    expect((await rendered({ nonce: 'r4nd"om' })).html).toContain('<style nonce="r4nd&quot;om">');
  });
});

import { viewMessages } from '../../src/i18n/view.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { html, render } from 'lit';
import { parsePost } from '../../src/bluesky/parse.ts';
import { normalizeUrl } from '../../src/bluesky/urls.ts';
import { listTemplate, postTemplate, richText, summaryTemplate, type View } from '../../src/templates/posts.ts';
import { pageTemplate } from '../../src/templates/pages.ts';
import type { Post, ThreadNode } from '../../src/bluesky/model.ts';
import { messages } from '../../src/i18n/messages.ts';
import { actor, post, type EmbedSpec } from '../../demo/appview/build.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';

const alice = actor('alice.example', 'Alice');
const view: View = { lang: 'en', t: viewMessages(messages('en')!), article: normalizeUrl(ARTICLE) };

function show(embed: EmbedSpec | undefined, extra: Partial<View> = {}, text = 'hello') {
  const parsed = parsePost(post({ author: alice, rkey: '3kt', createdAt: '2026-11-27T11:00:00.000Z', text: [text], embed, langs: ['de'] }))!;
  const host = document.createElement('div');
  render(postTemplate(parsed, { ...view, ...extra }), host);
  return host;
}

describe('rich posts', () => {
  it('shows images as thumbnails with their alt text, linking to the full size, sized to avoid layout shift', () => {
    const host = show({
      images: [
        { url: 'https://cdn.example/a.jpg', alt: 'A queue', width: 1200, height: 800 },
        { url: 'https://cdn.example/b.jpg', alt: 'SIMs', width: 8, height: 8 },
      ],
    });
    const images = [...host.querySelectorAll<HTMLImageElement>('[part="embed"] img')];
    expect(images.map((i) => [i.alt, i.getAttribute('width'), i.getAttribute('height'), i.getAttribute('loading')])).toEqual([
      ['A queue', '1200', '800', 'lazy'],
      ['SIMs', '8', '8', 'lazy'],
    ]);
    expect(images[0].closest('a')!.href).toBe('https://cdn.example/a.jpg');
  });

  it('shows a link card with title, description and domain, but not the card for the article itself', () => {
    const card = show({ external: { uri: 'https://www.blog.example/x', title: 'Explainer', description: 'How it works', thumb: 'https://cdn.example/t.jpg' } });
    const link = card.querySelector<HTMLAnchorElement>('.card')!;
    expect(link.href).toBe('https://www.blog.example/x');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).toBe('Explainer How it works blog.example');
    const own = show({ external: { uri: `${ARTICLE}/?utm_source=bsky`, title: 'This article', description: '' } });
    expect(own.querySelector('.card')).toBeNull();
  });

  it('shows a video as its thumbnail with a play mark, and the link to the post beside it', () => {
    // Its playlist's host (the builder's default, beside the thumbnail) is no video host: no play button.
    const host = show({ video: { thumbnail: 'https://video.example/t.jpg', alt: 'A failed call', width: 16, height: 9 } });
    const box = host.querySelector<HTMLElement>('.video')!;
    expect(box.querySelector('img')!.alt).toBe('A failed call');
    expect(box.querySelector('.play')!.getAttribute('aria-hidden')).toBe('true');
    expect(box.querySelector('button')).toBeNull();
    const link = host.querySelector<HTMLAnchorElement>('a.watch')!;
    expect(link.href).toBe('https://bsky.app/profile/alice.example/post/3kt');
    expect(link.textContent).toBe('Watch the video on Bluesky');
  });

  it('shows a quote with its author and text, or a neutral line when it is unavailable', () => {
    const quoted = post({ author: actor('bob'), rkey: '3kq', createdAt: '2026-11-27T10:00:00.000Z', text: ['the original'] });
    const quote = show({ quote: quoted }).querySelector('blockquote')!;
    expect(quote.querySelector('[part="author"]')!.textContent).toContain('@bob.bsky.social');
    expect(quote.textContent).toContain('the original');
    for (const gone of ['blocked', 'not-found', 'detached'] as const) {
      const host = show({ quote: gone });
      expect(host.querySelector('blockquote')).toBeNull();
      expect(host.querySelector('p.quote')!.textContent).toBe('The quoted post is unavailable.');
    }
  });

  it('shows nothing for an embed type it does not know', () => {
    expect(show({ unknown: true }).querySelector('[part="embed"]')).toBeNull();
  });

  it("marks the article author's posts, by handle or DID", () => {
    expect(show(undefined, { author: 'alice.example' }).querySelector('.badge')!.textContent).toBe('Author');
    expect(show(undefined, { author: alice.did }).querySelector('.badge')).not.toBeNull();
    expect(show(undefined, { author: 'someone.else' }).querySelector('.badge')).toBeNull();
  });

  it("gives the text the post's own language and dir=auto, and keeps long texts whole", () => {
    const long = 'word '.repeat(300).trim();
    const text = show(undefined, {}, long).querySelector('[part="text"]')!;
    expect(text.getAttribute('lang')).toBe('de');
    expect(text.getAttribute('dir')).toBe('auto');
    expect(text.textContent).toBe(long);
  });
});

describe('links whose text names another host', () => {
  /** The post's text paragraph, with `text` linking to `href`. */
  const linked = (text: string, href: string) => {
    const parsed = parsePost(post({ author: alice, rkey: '3kl', createdAt: '2026-11-27T11:00:00.000Z', text: ['Read ', { link: href, text }] }))!;
    const host = document.createElement('div');
    render(postTemplate(parsed, view), host);
    return host.querySelector<HTMLElement>('[part="text"]')!;
  };

  it.each([
    ['https://news.example/account', 'https://evil.example/login', 'evil.example'],
    ['news.example/account', 'https://evil.example/login', 'evil.example'],
    ['news.example', 'https://evil.example/', 'evil.example'],
    ['NEWS.EXAMPLE/Account', 'https://news.example.evil.example/', 'news.example.evil.example'],
    ['Sign in at news.example', 'https://evil.example/', 'evil.example'],
    ['news.example/account (news.example)', 'https://evil.example/', 'evil.example'],
    ['Your account (news.example)', 'https://evil.example/', 'evil.example'],
    ['Log in at “news.example”.', 'https://evil.example/', 'evil.example'],
    ['http://intranet/admin', 'https://evil.example/', 'evil.example'],
    ['192.168.1.1/admin', 'https://evil.example/', 'evil.example'],
    ['@news.example', 'https://evil.example/', 'evil.example'],
    // A look-alike name: "news.exаmple" with a Cyrillic а is another host, shown as the parser writes it.
    ['news.example', 'https://news.ex\u0430mple/', 'news.xn--exmple-4nf'],
    // Names in other scripts and in fullwidth forms read as hosts too.
    ['пример.рф/login', 'https://evil.example/', 'evil.example'],
    ['news.example\uff0faccount', 'https://evil.example/', 'evil.example'],
    ['\uff4e\uff45\uff57\uff53.example', 'https://evil.example/', 'evil.example'],
    ['«news.example»', 'https://evil.example/', 'evil.example'],
  ])('shows where “%s” really goes when it links to %s', (text, href, host) => {
    const paragraph = linked(text, href);
    const a = paragraph.querySelector('a')!;
    expect(a.href).toBe(new URL(href).href);
    expect(a.textContent).toBe(`${text} (${host})`);
    expect(paragraph.textContent).toBe(`Read ${text} (${host})`);
  });

  it.each([
    ['click here', 'https://evil.example/'],
    ['this article', 'https://news.example/world/story'],
    ['Part 2.1', 'https://news.example/part-2'],
    ['news.example/very/long/pa…', 'https://www.news.example/very/long/path/to/the/story'],
    ['WWW.News.Example', 'https://news.example/'],
    ['https://news.example/a', 'http://news.example/b'],
  ])('shows “%s” alone when it names no other host than %s', (text, href) => {
    expect(linked(text, href).querySelector('a')!.textContent).toBe(text);
  });

  it('leaves mentions and hashtags as they are written: they go to bsky.app', () => {
    const parsed = parsePost(
      post({
        author: alice,
        rkey: '3km',
        createdAt: '2026-11-27T11:00:00.000Z',
        text: ['hi ', { mention: actor('news.example', 'News') }, ' ', { tag: 'news.example' }],
      }),
    )!;
    const host = document.createElement('div');
    render(postTemplate(parsed, view), host);
    expect(host.querySelector('[part="text"]')!.textContent).toBe('hi @news.example #news.example');
  });

  it('shows the real host for any text that names another host, on generated links', () => {
    const bare = (host: string) => host.replace(/^www\./, '');
    const www = fc.constantFrom('', 'www.');
    const named = fc
      .tuple(fc.constantFrom('', 'https://', 'http://', 'HTTPS://'), www, fc.domain(), fc.constantFrom('', '/', '/account', '/a/b?c=d'))
      .map(([scheme, sub, domain, path]) => `${scheme}${sub}${domain}${path}`)
      .filter((text) => URL.canParse(/:\/\//.test(text) ? text : `https://${text}`));
    const target = fc
      .tuple(fc.constantFrom('https://', 'http://'), www, fc.domain(), fc.constantFrom('/', '/login', '/a?b=c#d'))
      .map((parts) => parts.join(''))
      .filter((href) => URL.canParse(href));
    fc.assert(
      fc.property(named, target, (text, href) => {
        const host = new URL(href).hostname;
        fc.pre(bare(new URL(/:\/\//.test(text) ? text : `https://${text}`).hostname) !== bare(host));
        const paragraph = document.createElement('p');
        render(html`${richText(text, [{ byteStart: 0, byteEnd: new TextEncoder().encode(text).length, link: href }])}`, paragraph);
        expect(paragraph.querySelector('a')!.textContent).toBe(`${text} (${host})`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the name row', () => {
  afterEach(() => vi.useRealTimers());

  it('shows bsky.app’s short time, the full date and time in the title, and “5 hours ago” as the link’s name', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T16:00:00.000Z') });
    const host = show(undefined);
    const link = host.querySelector<HTMLAnchorElement>('a.time')!;
    const time = link.querySelector('time')!;
    expect(time.querySelector('[aria-hidden="true"]')!.textContent).toBe('5h');
    expect(time.getAttribute('datetime')).toBe('2026-11-27T11:00:00.000Z');
    expect(time.getAttribute('title')).toMatch(/^Friday, November 27, 2026 at \d{1,2}:00/);
    expect(link.querySelector('.sr')!.textContent).toBe('5 hours ago');
    expect(link.hasAttribute('aria-label')).toBe(false);
    expect(link.href).toBe('https://bsky.app/profile/alice.example/post/3kt');
    render(html``, host); // the clock's timer stops with it
  });

  it('keeps the name, the handle and the time in the author part, the handle apart from the name so it can give way', () => {
    const author = show(undefined).querySelector('[part="author"]')!;
    expect(author.querySelector('a.author')!.textContent).toBe('Alice');
    expect(author.querySelector('.handle')!.textContent).toBe('@alice.example');
    expect(author.querySelector('.handle')!.closest('a')).toBeNull();
  });

  it('keeps a shortened link’s last word and its “…” together', () => {
    const parsed = parsePost(
      post({
        author: alice,
        rkey: '3kl',
        createdAt: '2026-11-27T11:00:00.000Z',
        text: ['See ', { link: 'https://openwire.org/guides/norvia-2026', text: 'openwire.org/guides/norvia…' }],
      }),
    )!;
    const host = document.createElement('div');
    render(postTemplate(parsed, view), host);
    const link = host.querySelector('[part="text"] a')!;
    expect(link.textContent).toBe('openwire.org/guides/norvia…');
    expect(link.querySelector('.nowrap')!.textContent).toBe('norvia…');
  });
});

describe('counts', () => {
  it('shows a signed-out reader reposts and likes as plain words, and the reply link to Bluesky', () => {
    const parsed = parsePost(post({ author: alice, rkey: '3kc', createdAt: '2026-11-27T11:00:00.000Z', text: ['hi'], likes: 152, reposts: 61, replies: 2 }))!;
    const host = document.createElement('div');
    render(postTemplate(parsed, view), host);
    const stats = host.querySelector('[part="stats"]')!;
    expect([...stats.querySelectorAll('span.stat')].map((s) => s.textContent)).toEqual(['61 reposts', '152 likes']);
    expect(stats.querySelectorAll('button, [role="button"], [tabindex]')).toHaveLength(0);
    expect(stats.querySelectorAll('a')).toHaveLength(1);
    expect(stats.querySelector('a.reply')!.textContent).toBe('Reply on Bluesky2, 2 replies');
  });

  it('keeps each "·" of the summary with the count after it', () => {
    const host = document.createElement('div');
    const counts = { posts: 9, quotePosts: 3, replies: 12, reposts: 0, likes: 467, quotes: 0 };
    render(summaryTemplate({ discussion: { threads: [], pending: [], failures: [] }, counts }, view), host);
    const items = [...host.querySelectorAll('.summary > span')];
    expect(items.map((item) => item.textContent)).toEqual(['9 posts', '· 3 quotes', '· 12 replies', '· 467 likes']);
    expect(items.slice(1).every((item) => item.firstElementChild!.matches('.dot[aria-hidden="true"]'))).toBe(true);
  });
});

describe('threads', () => {
  const node = (rkey: string, replies: ThreadNode[] = [], more = 0): ThreadNode => ({
    ...(parsePost(post({ author: alice, rkey, createdAt: '2026-11-27T11:00:00.000Z', text: [rkey] })) as Post),
    replies,
    more,
  });
  const list = (threads: ThreadNode[], extra: Partial<View> = {}) => {
    const host = document.createElement('div');
    render(listTemplate({ threads, pending: [], failures: [] }, { ...view, ...extra }), host);
    return host;
  };
  const text = (article: Element | null | undefined) => article?.querySelector('[part="text"]')!.textContent;
  /** The post whose list item holds `article`'s. */
  const parentOf = (article: Element) => text(article.closest('li')!.parentElement!.closest('li')?.querySelector(':scope > article'));

  it('joins a lone reply to its parent with a line, and indents several', () => {
    const host = list([node('root', [node('a', [node('a1', [node('a2')])]), node('b')])]);
    const posts = [...host.querySelectorAll('article')];
    expect(posts.map(text)).toEqual(['root', 'a', 'a1', 'a2', 'b']);
    expect(posts.map(parentOf)).toEqual([undefined, 'root', 'a', 'a1', 'root']);
    // root branches (two replies); a and a1 each have one: a chain, drawn with a line, not indented.
    expect(posts.map((p) => p.classList.contains('joined'))).toEqual([false, true, true, false, false]);
    expect(posts.map((p) => !!p.querySelector(':scope > .thread[aria-hidden="true"]'))).toEqual([false, true, true, false, false]);
    expect(posts.map((p) => p.closest('ol')!.className)).toEqual(['list', 'replies', 'replies chain', 'replies chain', 'replies']);
  });

  it('does not join a reply when more replies wait on Bluesky', () => {
    const host = list([node('root', [node('a')], 2)]);
    expect(host.querySelector('article')!.classList.contains('joined')).toBe(false);
    expect(host.querySelector('.more')).not.toBeNull();
  });

  it('puts branches past four levels behind “Continue thread”, under a copy of their parent’s name', () => {
    const pair = (name: string, deeper: ThreadNode[]) => [node(`${name}a`, deeper), node(`${name}b`)];
    const host = list([node('root', pair('1', pair('2', pair('3', pair('4', pair('5', []))))))]);
    const details = host.querySelector('details.continue')!;
    expect(details.querySelector('summary')!.textContent).toBe('Continue thread');
    expect(text(details.closest('li')!.querySelector(':scope > article'))).toBe('4a');
    expect([...details.querySelectorAll('article')].map(text)).toEqual(['5a', '5b']);
    expect(details.querySelector('.context')!.textContent!.trim()).toBe('Alice');
    expect(details.querySelector('.context')!.getAttribute('aria-hidden')).toBe('true');
    // Inside, the replies indent again from the left edge (level 1), so a deeper branch indents.
    expect(details.querySelector('.context + ol')!.className).toBe('replies');
  });

  it('shows the reader’s own reply right under the post it answers, first among its replies', () => {
    const root = node('root', [node('a'), node('b')]);
    const mineNode = node('mine');
    const host = list([root], { mine: (parent, shown) => (parent === root.uri && !shown.some((p) => p.uri === mineNode.uri) ? [mineNode] : []) });
    expect([...host.querySelectorAll('.list > li > ol > li > article')].map(text)).toEqual(['mine', 'a', 'b']);
  });
  it('never passes an open warning or “Continue thread” to another post when the order changes', () => {
    const warned = (rkey: string, replies: ThreadNode[] = []) => ({ ...node(rkey, replies), warn: { label: '!warn' } });
    const host = document.createElement('div');
    const show = (threads: ThreadNode[]) => render(listTemplate({ threads, pending: [], failures: [] }, view), host);
    const open = (selector: string) => (host.querySelector<HTMLDetailsElement>(selector)!.open = true);
    /** The posts whose warning, or whose “Continue thread”, is open. */
    const opened = () => [
      ...[...host.querySelectorAll('details.warning[open]')].map((d) => text(d.closest('article'))),
      ...[...host.querySelectorAll('details.continue[open]')].map((d) => text(d.closest('li')!.querySelector(':scope > article'))),
    ];
    // Threads a and b, replies c and d, and p and q past four levels, each with replies behind “Continue thread”.
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((rkey) => warned(rkey));
    const [p, q] = ['p', 'q'].map((rkey) => node(rkey, [node(`${rkey}1`), node(`${rkey}2`)]));
    const deep = (last: ThreadNode[]) => node('l1', [node('l2', [node('l3', last), node('z3')]), node('z2')]);
    show([a, b, node('root', [c, d, deep([p, q])])]);
    open('.list > li:first-child > article details.warning'); // the reader opens a’s warning, c’s, and p’s “Continue thread”
    open('.list > li > ol > li:first-child > article details.warning');
    open('details.continue');
    expect(opened()).toEqual(['a', 'c', 'p']);
    // Another order: each post now where another was.
    show([b, a, node('root', [deep([q, p]), d, c])]);
    expect(opened().every((post) => ['a', 'c', 'p'].includes(post!))).toBe(true);
    expect(opened()).not.toContain('b');
  });
});

describe('media (issue 18, points 3, 4 and 12)', () => {
  const photo = (name: string) => ({ url: `https://cdn.example/${name}.jpg`, alt: `${name} alt`, width: 1200, height: 800 });
  const click = (target: Element, init: MouseEventInit = {}) => {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('lays out one to four images by their count, each a link to its full size', () => {
    for (const count of [1, 2, 3, 4]) {
      const host = show({ images: Array.from({ length: count }, (_, i) => photo(`p${i}`)) });
      const grid = host.querySelector<HTMLElement>('.images')!;
      expect(grid.dataset.count).toBe(String(count));
      expect([...grid.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(
        Array.from({ length: count }, (_, i) => `https://cdn.example/p${i}.jpg`),
      );
    }
  });

  it('names an image link with no alt text by its place ("Image 2 of 3"), and one with alt text by its image', () => {
    const links = [...show({ images: [photo('a'), { ...photo('b'), alt: '' }, { ...photo('c'), alt: '' }] }).querySelectorAll('.images a')];
    expect(links.map((a) => a.getAttribute('aria-label'))).toEqual([null, 'Image 2 of 3', 'Image 3 of 3']);
    expect(links[0].querySelector('img')!.alt).toBe('a alt');
  });

  it('keeps a middle or modified click on an image for the browser (a new tab), and takes only a plain one', () => {
    const link = show({ images: [photo('a'), photo('b')] }).querySelector('.images a')!;
    expect(click(link, { button: 1 })).toBe(false);
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey']) expect(click(link, { [modifier]: true })).toBe(false);
  });

  it('shows a card whose address is unusable with no domain line and no link', () => {
    const host = show({ external: { uri: 'javascript:alert(2)', title: 'EVIL', description: 'not a link', thumb: 'https://cdn.example/t.jpg' } });
    const card = host.querySelector('.card')!;
    expect(card.hasAttribute('href')).toBe(false);
    expect(card.querySelector('small')).toBeNull();
    expect(card.textContent!.replace(/\s+/g, ' ').trim()).toBe('EVIL not a link');
    expect(host.textContent).not.toContain('javascript');
    // Nothing at all to name it: no empty title either.
    expect(show({ external: { uri: 'javascript:x', title: '', description: '' } }).querySelector('.card strong')).toBeNull();
  });

  it('puts a video on a Bluesky host (or the page’s own origin) behind a play button, and no other', () => {
    const video = { thumbnail: 'https://video.bsky.app/t.jpg', alt: 'A call', width: 16, height: 9 };
    const play = (playlist: string) => show({ video: { ...video, playlist } }).querySelector('button.play');
    expect(play('https://video.bsky.app/watch/a/b/playlist.m3u8')).not.toBeNull();
    expect(play('https://video.cdn.bsky.app/hls/a/b/playlist.m3u8')).not.toBeNull();
    expect(play(`${location.origin}/sample-media/video/playlist.m3u8`)).not.toBeNull();
    for (const other of [
      'http://video.bsky.app/p.m3u8',
      'https://video.bsky.app:8443/p.m3u8',
      'https://evil.example/p.m3u8',
      'https://video.bsky.app.evil.example/p.m3u8',
      'https://video.bsky.app/watch/a/b/thumbnail.jpg',
      `${location.origin}/sample-media/photo/video.svg`,
    ])
      expect(play(other)).toBeNull();
  });

  describe('a quoted post', () => {
    const quoted = post({
      author: actor('bob'),
      rkey: '3kq2',
      createdAt: '2026-11-27T10:00:00.000Z',
      text: ['two photos'],
      embed: { images: [photo('a'), photo('b')] },
    });

    function quote(quoting: boolean, top?: string) {
      const parsed = parsePost(post({ author: alice, rkey: '3kt', createdAt: '2026-11-27T11:00:00.000Z', text: ['look'], embed: { quote: quoted } }))!;
      const host = document.createElement('div');
      render(postTemplate({ ...parsed, quoting }, { ...view, top }), host);
      return host;
    }

    it('shows its media as thumbnails, still links to each full size', () => {
      const host = quote(false);
      const small = host.querySelector('blockquote .small .images')!;
      expect([...small.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://cdn.example/a.jpg', 'https://cdn.example/b.jpg']);
    });

    it('is a line, "Quoting this post", under the post it quotes at the top of the discussion; in full anywhere else', () => {
      const here = quote(true, quoted.uri);
      expect(here.querySelector('blockquote')).toBeNull();
      expect(here.querySelector('p.quote')!.textContent).toBe('Quoting this post');
      expect(quote(true, 'at://did:plc:other/app.bsky.feed.post/3kx').querySelector('blockquote')!.textContent).toContain('two photos');
      expect(quote(false, quoted.uri).querySelector('blockquote')!.textContent).toContain('two photos');
    });
  });
});

describe('a page drawn a step a task', () => {
  afterEach(() => (vi.useRealTimers(), vi.restoreAllMocks()));
  let n = 0;
  const node = (replies = 0): ThreadNode => ({
    ...(parsePost(post({ author: alice, rkey: `3kstep${n++}`, createdAt: '2026-11-27T11:00:00.000Z', text: [`post ${n}`] })) as Post),
    replies: Array.from({ length: replies }, () => node()),
    more: 0,
  });
  /** Four threads of 21 posts, and a root still pending: a page one step (40 posts) cannot draw. */
  const page = () => ({ threads: [0, 1, 2, 3].map(() => node(20)), pending: [node()], failures: [] });
  const items = (host: HTMLElement) => [...host.querySelectorAll('.list > li')];
  const button = (host: HTMLElement) => host.querySelector('.actions > button[part="more"]');

  /** The next step: the frame after the last (a stand-in frame, as fake timers have it), then its task. */
  const step = () => (vi.advanceTimersToNextTimer(), vi.advanceTimersToNextTimer());
  const replies = (item: Element) => item.querySelectorAll(':scope > ol.replies > li');

  it('draws a screenful at once, the first thread’s root and first replies, then the rest a step after each frame, then “Show more”', async () => {
    vi.useFakeTimers();
    const host = document.createElement('div');
    const discussion = page();
    const drawn = vi.fn();
    render(pageTemplate(discussion, { ...view, drawn }, false), host);
    const first = items(host);
    expect(first).toHaveLength(1);
    expect(replies(first[0])).toHaveLength(7); // with its root, eight posts
    expect(button(host)).toBeNull();
    step();
    expect([items(host).length, replies(first[0]).length]).toEqual([1, 20]);
    for (const count of [2, 3, 4]) {
      step();
      expect(items(host)).toHaveLength(count);
    }
    // What was drawn first stays where it was; the button comes once every thread is drawn, and no timer is left.
    expect(items(host)[0]).toBe(first[0]);
    expect(button(host)!.textContent).toBe('Show more');
    expect(vi.getTimerCount()).toBe(0);
    expect(drawn).not.toHaveBeenCalled(); // said after the render that drew the last, not during it
    await Promise.resolve();
    expect(drawn).toHaveBeenCalledTimes(1);
  });

  it('draws on in a hidden page, which has no frames', () => {
    vi.useFakeTimers();
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    const host = document.createElement('div');
    render(pageTemplate(page(), view, false), host);
    expect(replies(items(host)[0])).toHaveLength(7);
    vi.advanceTimersByTime(1); // less than a frame
    expect(replies(items(host)[0])).toHaveLength(20);
  });

  it('keeps what is drawn when the page grows, and draws the new threads a step at a time', () => {
    vi.useFakeTimers();
    const host = document.createElement('div');
    const discussion = page();
    render(pageTemplate(discussion, view, false), host);
    vi.runAllTimers();
    const next = { ...discussion, threads: [...discussion.threads, ...page().threads], pending: [] };
    render(pageTemplate(next, view, false), host);
    expect(items(host)).toHaveLength(5);
    vi.runAllTimers();
    expect(items(host)).toHaveLength(8);
    expect(button(host)).toBeNull();
  });

  it('draws a discussion the reader saw before at once', () => {
    vi.useFakeTimers();
    const host = document.createElement('div');
    render(pageTemplate(page(), view, true), host);
    expect(items(host)).toHaveLength(4);
    expect(button(host)).not.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops drawing when the list leaves the page: no timer outlives it', () => {
    vi.useFakeTimers();
    const host = document.createElement('div');
    render(pageTemplate(page(), view, false), host);
    expect(vi.getTimerCount()).toBeGreaterThan(0); // the next frame's step, and its stand-in in a hidden page
    render(html``, host);
    expect(vi.getTimerCount()).toBe(0);
  });
});

// (That a reader moving through the widget with the keyboard gets no page ahead of each Tab is
// checked in Chromium, by a11y.test.ts's walk through every control: happy-dom has no :focus-visible
// inside a shadow root.)
describe('“Show more” near the viewport', () => {
  afterEach(() => (vi.unstubAllGlobals(), document.body.replaceChildren()));
  /** A stand-in IntersectionObserver: the test says when the button is in reach, as the browser would at a frame. */
  function observers() {
    const made: Array<{ callback: IntersectionObserverCallback; targets: Set<Element>; margin?: string }> = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        #entry: (typeof made)[number];
        constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
          made.push((this.#entry = { callback, targets: new Set(), margin: options?.rootMargin }));
        }
        observe(target: Element) {
          this.#entry.targets.add(target);
        }
        unobserve(target: Element) {
          this.#entry.targets.delete(target);
        }
        disconnect() {
          this.#entry.targets.clear();
        }
      },
    );
    const report = (isIntersecting: boolean) =>
      made.forEach(
        (o) =>
          o.targets.size &&
          o.callback(
            [...o.targets].map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry),
            {} as never,
          ),
      );
    return { made, report };
  }
  const root = post({ author: alice, rkey: '3knear', createdAt: '2026-11-27T11:00:00.000Z', text: ['root'] });
  const discussion = { threads: [{ ...(parsePost(root) as Post), replies: [], more: 0 }], pending: [parsePost(root)!], failures: [] };

  /** The page's template in a shadow root, as the element renders it. */
  function mount(busy?: string) {
    const near = vi.fn();
    const element = document.createElement('div');
    document.body.append(element);
    const host = element.attachShadow({ mode: 'open' });
    const draw = (busy?: string) => render(pageTemplate(discussion, { ...view, busy, near }, false), host);
    draw(busy);
    return { near, draw };
  }

  it('loads the next page when the button comes near, not when it is drawn in reach', () => {
    const { made, report } = observers();
    const { near } = mount();
    expect(made[0].margin).toBe('800px 0px');
    report(true); // drawn in reach: the reader looks at the first page
    expect(near).not.toHaveBeenCalled();
    report(false);
    report(true); // scrolled out of reach and back near
    expect(near).toHaveBeenCalledTimes(1);
  });

  it('waits while a page or branch loads, and looks again once it has', () => {
    const { report } = observers();
    const { near, draw } = mount();
    report(false);
    draw('more');
    report(true);
    expect(near).not.toHaveBeenCalled();
    draw(undefined);
    report(true); // the fresh look after the page: still near, so the next one
    expect(near).toHaveBeenCalledTimes(1);
  });
});

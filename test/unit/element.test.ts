import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/index.ts';
import type { DiscussThread } from '../../src/element.ts';
import { actor, post, reply, threadView, type PostView, type Tree } from '../../demo/appview/build.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { deferred, json, ORIGIN, sampleRoute, stubFetch, xrpcRoutes, type Route } from './helpers.ts';
import { messages } from '../../src/i18n/messages.ts';

/** The Japanese strings arrive when a test says so. */
const japanese = vi.hoisted(() => {
  let arrive!: () => void;
  return { arrived: new Promise<void>((resolve) => (arrive = resolve)), arrive: () => arrive() };
});
vi.mock('../../src/i18n/lang/ja.ts', async (original) => (await japanese.arrived, original()));

const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const STORY_URL = STORY;

function mount(attributes: Record<string, string> = {}, children = ''): DiscussThread {
  const el = document.createElement('discuss-thread');
  for (const [name, value] of Object.entries({ loading: 'eager', service: ORIGIN, 'search-service': ORIGIN, url: ARTICLE, ...attributes }))
    el.setAttribute(name, value);
  el.innerHTML = children;
  document.body.append(el);
  return el;
}

const root = (el: DiscussThread) => el.shadowRoot!;
const part = (el: DiscussThread, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: DiscussThread, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const settled = (el: DiscussThread, status: string) => vi.waitFor(() => expect(el.getAttribute('status')).toBe(status), { timeout: 2000 });

/** The session-cache entry is written just after the discussion shows. */
const cached = () => vi.waitFor(() => expect(Object.keys(sessionStorage).some((k) => k.startsWith('discuss-thread:'))).toBe(true));

/** Hold every search until the test releases it. */
function holdSearch(route: Route) {
  const gate = deferred();
  const held: Route = async (url, init) => {
    if (url.pathname.endsWith('searchPosts')) await gate.promise;
    return route(url, init);
  };
  return { gate, held };
}

beforeEach(() => {
  sessionStorage.clear();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.title = 'Norvia blocks Whisperline';
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('<discuss-thread> states', () => {
  it('moved in the page before its first render, still says "Searching for posts…" and loads', async () => {
    const { gate, held } = holdSearch(sampleRoute);
    stubFetch(held);
    const el = mount();
    document.body.appendChild(document.createElement('section')).append(el); // connected twice before Lit's first update
    await settled(el, 'searching');
    expect(part(el, 'status')!.textContent).toBe('Searching for posts…');
    gate.resolve();
    await settled(el, 'loaded');
    expect(parts(el, 'post').length).toBeGreaterThan(0);
  });

  it('shows "Searching for posts…" in a polite status region, then the discussion', async () => {
    const { gate, held } = holdSearch(sampleRoute);
    stubFetch(held);
    const el = mount();
    await settled(el, 'searching');
    const status = part(el, 'status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('Searching for posts…');
    expect(part(el, 'list')).toBeNull();
    gate.resolve();
    await settled(el, 'loaded');
    expect(part(el, 'status')!.textContent!.trim()).toBe('');
    expect(parts(el, 'list')).toHaveLength(1);
    expect(root(el).querySelectorAll('.list > li')).toHaveLength(7);
  });

  it('renders posts with author, time, text, counts and links to Bluesky', async () => {
    stubFetch(sampleRoute);
    const el = mount({ post: STORY });
    await settled(el, 'loaded');
    const first = part(el, 'post')!;
    expect(first.getAttribute('aria-label')).toBe('Post by Mina Park');
    const author = first.querySelector('[part="author"]')!;
    expect(author.querySelector('a')!.href).toBe('https://bsky.app/profile/minapark.news.example');
    expect(author.textContent).toContain('@minapark.news.example');
    expect(first.querySelector('[part="avatar"]')!.getAttribute('alt')).toBe('');
    const time = first.querySelector('time')!;
    expect(time.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(time.getAttribute('title')).toBeTruthy();
    expect(time.closest('a')!.href).toBe('https://bsky.app/profile/minapark.news.example/post/3m6aaa2story');
    const links = [...first.querySelectorAll<HTMLAnchorElement>('[part="text"] a')];
    expect(links.map((a) => a.href)).toEqual([ARTICLE, 'https://bsky.app/hashtag/encryption']);
    expect(links[0].rel).toBe('nofollow ugc noopener');
    const stats = first.querySelector('[part="stats"]')!.textContent!;
    expect(stats).toContain('152 likes');
    expect(stats).toContain('61 reposts');
    const reply = first.querySelector<HTMLAnchorElement>('[part="stats"] a.reply')!;
    expect(reply.href).toBe(STORY_URL);
    expect(reply.textContent).toMatch(/^Reply on Bluesky\d+, \d+ replies$/);
    // Counts at zero are not shown: Open Wire's reply has reposts and likes but no replies. Signed
    // out, reposts and likes are plain words, not controls.
    const guide = [...root(el).querySelectorAll('[part="post"]')].find((p) => p.textContent!.includes('We have published a guide'))!;
    const shown = [...guide.querySelectorAll('[part="stats"] .stat:not(a)')].map((e) => [e.localName, e.textContent]);
    expect(shown).toEqual([
      ['span', '22 reposts'],
      ['span', '40 likes'],
    ]);
    expect(guide.querySelector('[part="stats"] a.reply')!.textContent).toBe('Reply on Bluesky');
  });

  it('nests replies and ends a branch cut at `depth` with a link to the rest', async () => {
    stubFetch(sampleRoute);
    const el = mount({ post: STORY, depth: '2' });
    await settled(el, 'loaded');
    const story = root(el).querySelector('.list > li')!;
    const level1 = story.querySelectorAll(':scope > ol[part="replies"] > li');
    expect(level1).toHaveLength(2);
    const [open, link] = story.querySelectorAll<HTMLElement>('[part="more"]');
    expect(open.tagName).toBe('BUTTON');
    expect(open.textContent!.trim()).toBe('Show 1 more reply');
    expect(link.textContent).toBe('1 more reply on Bluesky');
    expect((link as HTMLAnchorElement).href).toMatch(/^https:\/\/bsky\.app\/profile\/minapark\.news\.example\/post\//);
    const mention = [...story.querySelectorAll<HTMLAnchorElement>('[part="text"] a')].find((a) => a.textContent === '@minapark.news.example')!;
    expect(mention.href).toMatch(/^https:\/\/bsky\.app\/profile\/did%3Aplc%3A/);
  });

  it('summarises the counts and links to the composer in the header', async () => {
    stubFetch(sampleRoute);
    const el = mount();
    await settled(el, 'loaded');
    expect(part(el, 'heading')!.textContent!.trim()).toBe('Comments');
    expect(part(el, 'heading')!.getAttribute('role')).toBe('heading');
    expect(part(el, 'summary')!.textContent).toBe('7 posts · 18 replies · 430 likes');
    const compose = part(el, 'compose') as HTMLAnchorElement;
    expect(compose.textContent).toBe('Discuss on Bluesky');
    expect(new URL(compose.href).searchParams.get('text')).toBe(`Norvia blocks Whisperline ${ARTICLE}`);
  });

  it('invites the reader to start the discussion when nothing is found', async () => {
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [] } }));
    const el = mount({ 'compose-text': 'Reading {title}: {url}' });
    await settled(el, 'empty');
    expect(part(el, 'status')!.textContent).toContain('No one has discussed this on Bluesky yet');
    expect(new URL((part(el, 'compose') as HTMLAnchorElement).href).searchParams.get('text')).toBe(`Reading Norvia blocks Whisperline: ${ARTICLE}`);
    expect(part(el, 'list')).toBeNull();
  });

  it('says what went wrong, offers "Try again" and the site’s fallback in place of its own link, and tries again', async () => {
    let fail = true;
    stubFetch((url, init) => (fail ? json({ error: 'InternalServerError' }, 500) : sampleRoute(url, init)));
    const errors: CustomEvent[] = [];
    document.addEventListener('discuss-thread-error', (e) => errors.push(e as CustomEvent), { once: true });
    const el = mount({}, '<span slot="heading">Comments</span> <p id="fallback">Discuss on <a href="https://bsky.app/">Bluesky</a></p>');
    await settled(el, 'error');
    expect(part(el, 'status')!.textContent).toContain('could not be loaded');
    // One action, and one way to Bluesky: the site's own, shown through the default slot.
    expect(root(el).querySelectorAll('button')).toHaveLength(1);
    expect((root(el).querySelector('slot:not([name])') as HTMLSlotElement).assignedElements()).toEqual([el.querySelector('#fallback')]);
    expect(root(el).querySelectorAll('a')).toHaveLength(0);
    expect(part(el, 'compose')).toBeNull();
    expect(errors[0].detail.failures).toEqual([
      { route: 'search', kind: 'unavailable', status: 500 },
      { route: 'backlinks', kind: 'unavailable', status: 500 },
    ]);
    fail = false;
    part(el, 'retry')!.click();
    await settled(el, 'loaded');
    expect(part(el, 'retry')).toBeNull();
    expect(part(el, 'compose')).not.toBeNull();
  });

  it('links to a search on Bluesky when the site’s fallback has no link', async () => {
    stubFetch(() => json({ error: 'InternalServerError' }, 500));
    const el = mount({}, '<span slot="heading">Comments</span><p id="fallback">Comments are on Bluesky.</p>');
    await settled(el, 'error');
    expect(root(el).querySelectorAll('button')).toHaveLength(1);
    expect((root(el).querySelector('slot:not([name])') as HTMLSlotElement).assignedElements()).toEqual([el.querySelector('#fallback')]);
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('a')];
    expect(links).toHaveLength(1);
    expect(links[0].textContent).toBe('Search Bluesky for this article');
    expect(new URL(links[0].href).searchParams.get('q')).toBe(ARTICLE);
  });

  it('waits until it nears the viewport when loading is lazy', async () => {
    let notify: ((entries: Array<{ isIntersecting: boolean }>) => void) | undefined;
    let margin = '';
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: typeof notify, options: IntersectionObserverInit) {
          notify = callback;
          margin = options.rootMargin ?? '';
        }
        observe() {}
        disconnect() {}
      },
    );
    const { calls } = stubFetch(sampleRoute);
    const el = mount({ loading: 'lazy' });
    await el.updateComplete;
    expect(el.getAttribute('status')).toBe('idle');
    expect(calls).toHaveLength(0);
    expect(margin).toMatch(/^\d{3,}px/);
    notify!([{ isIntersecting: true }]);
    await settled(el, 'loaded');
    expect(calls.length).toBeGreaterThan(0);
  });

  it('reloads when an attribute changes, aborting the request under way', async () => {
    const { gate, held } = holdSearch(sampleRoute);
    const { calls } = stubFetch(held);
    const el = mount();
    await settled(el, 'searching');
    el.setAttribute('url', 'https://news.example/another-story');
    await vi.waitFor(() => expect(calls.filter((c) => c.url.pathname.endsWith('searchPosts'))).toHaveLength(2));
    expect(calls[0].init!.signal!.aborted).toBe(true);
    gate.resolve();
    await settled(el, 'empty');
    expect(calls[1].url.searchParams.get('url')).toBe('https://news.example/another-story');
  });

  it('aborts its requests when removed from the page', async () => {
    const { held } = holdSearch(sampleRoute);
    const { calls } = stubFetch(held);
    const el = mount();
    await settled(el, 'searching');
    el.remove();
    expect(calls[0].init!.signal!.aborted).toBe(true);
  });

  it('fires discuss-thread-load with the counts once the discussion is all on screen, drawn a screenful first', async () => {
    stubFetch(sampleRoute);
    const drawn: number[] = [];
    const loaded = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('discuss-thread-load', (e) => (drawn.push(root(el).querySelectorAll('[part="post"]').length), resolve(e as CustomEvent)), {
        once: true,
      }),
    );
    const el = mount();
    // Each time posts are drawn, how many, and the status then.
    const steps: Array<[number, string | null]> = [];
    new MutationObserver(() => {
      const posts = root(el).querySelectorAll('[part="post"]').length;
      if (posts !== steps.at(-1)?.[0]) steps.push([posts, el.getAttribute('status')]);
    }).observe(root(el), { childList: true, subtree: true });
    const event = await loaded;
    expect(event.bubbles && event.composed).toBe(true);
    expect(event.detail).toMatchObject({ posts: 7, replies: 18, likes: 430, failures: [] });
    // The first thread's root and first replies, then the rest: "loaded" (and the event) with the last.
    const drawing = steps.filter(([posts]) => posts > 0);
    expect(drawing.length).toBeGreaterThan(1);
    expect(drawing[0][0]).toBeLessThanOrEqual(8);
    expect(steps.slice(0, -1).every(([, status]) => status === 'searching')).toBe(true);
    expect(drawn).toEqual([steps.at(-1)![0]]);
    expect(drawn[0]).toBeGreaterThan(drawing[0][0]);
    expect(el.getAttribute('status')).toBe('loaded');
  });

  it('reveals the next threads on "Show more" and moves focus to the first new one', async () => {
    stubFetch(sampleRoute);
    const el = mount({ limit: '2', sort: 'latest' });
    await settled(el, 'loaded');
    expect(root(el).querySelectorAll('.list > li')).toHaveLength(2);
    const more = root(el).querySelector<HTMLButtonElement>('button[part="more"]')!;
    expect(more.textContent).toBe('Show more');
    more.click();
    await vi.waitFor(() => expect(root(el).querySelectorAll('.list > li')).toHaveLength(4));
    const third = root(el).querySelectorAll('.list > li > article')[2];
    await vi.waitFor(() => expect(root(el).activeElement).toBe(third));
  });
});

describe('<discuss-thread> order', () => {
  const names = (el: DiscussThread) => [...root(el).querySelectorAll('.list > li > article .name')].map((n) => n.textContent);
  const radio = (el: DiscussThread, value: string) => root(el).querySelector<HTMLInputElement>(`[part="order"] input[value="${value}"]`)!;

  it('starts at the site’s sort, reorders what is loaded with no request, and keeps the choice through "Show more"', async () => {
    const { calls } = stubFetch(sampleRoute);
    const el = mount({ limit: '3', sort: 'oldest' });
    await settled(el, 'loaded');
    expect(radio(el, 'oldest').checked).toBe(true);
    const oldest = names(el);
    const before = calls.length;
    radio(el, 'latest').click();
    await el.updateComplete;
    expect(names(el)).toEqual([...oldest].reverse());
    expect(calls.length).toBe(before);
    expect(radio(el, 'latest').checked).toBe(true);
    // The next page joins what is shown, in the reader's order; focus goes to the first new thread there.
    root(el).querySelector<HTMLButtonElement>('.actions > button[part="more"]')!.click();
    await vi.waitFor(() => expect(root(el).querySelectorAll('.list > li')).toHaveLength(6));
    expect(radio(el, 'latest').checked).toBe(true);
    const times = [...root(el).querySelectorAll('.list > li > article')].map((a) => Date.parse(a.querySelector('time')!.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await vi.waitFor(() => expect(names(el).includes(oldest[0])).toBe(true));
    const fresh = [...root(el).querySelectorAll<HTMLElement>('.list > li > article')].find((a) => !oldest.includes(a.querySelector('.name')!.textContent));
    await vi.waitFor(() => expect(root(el).activeElement).toBe(fresh));
  });
});

describe('<discuss-thread> opening a branch', () => {
  type Shape = [text: string, replies?: Shape[]];
  const crowd = actor('crowd.example', 'Crowd');
  let n = 0;
  /** One thread about the article, its replies shaped by `shape` (liked less, and newer, down each list), as the AppView answers for it. */
  function thread(shape: Shape[]) {
    const at = (i: number) => new Date(Date.parse('2026-11-27T10:00:00Z') + i * 1000).toISOString();
    const root = post({ author: crowd, rkey: `3kopen${n++}`, createdAt: at(0), text: ['Root ', { link: ARTICLE }], replies: shape.length });
    const byUri = new Map<string, Tree>();
    const grow = (parent: PostView, shapes: Shape[]): Tree[] =>
      shapes.map(([text, below = []], i) => {
        const p = reply(root, parent, { author: crowd, rkey: `3kopen${n++}`, createdAt: at(n), text: [text], likes: 100 - i, replies: below.length });
        const tree: Tree = { post: p, replies: grow(p, below) };
        byUri.set(p.uri, tree);
        return tree;
      });
    byUri.set(root.uri, { post: root, replies: grow(root, shape) });
    return xrpcRoutes({
      'app.bsky.feed.searchPosts': { posts: [root] },
      'app.bsky.feed.getPostThread': (q: URLSearchParams) => threadView(byUri.get(q.get('uri')!)!, Number(q.get('depth'))),
    });
  }
  const article = (el: DiscussThread, text: string) =>
    [...root(el).querySelectorAll<HTMLElement>('article')].find((a) => a.querySelector('[part="text"]')!.textContent === text)!;
  const showReplies = (el: DiscussThread, text: string) => article(el, text).closest('li')!.querySelector<HTMLButtonElement>(':scope > .more > button')!;

  it('shows the replies of a branch opened past four levels at once, not behind “Continue thread”, and focuses the first', async () => {
    // p is four branching levels down, its replies cut by depth="4".
    stubFetch(thread([['l1', [['l2', [['l3', [['p', [['p1'], ['p2'], ['p3']]], ['z4']]], ['z3']]], ['z2']]], ['z1']]));
    const el = mount({ depth: '4' });
    await settled(el, 'loaded');
    expect(showReplies(el, 'p').textContent!.trim()).toBe('Show 3 more replies');
    showReplies(el, 'p').click();
    await vi.waitFor(() => expect(article(el, 'p1')).toBeDefined());
    expect(['p1', 'p2', 'p3'].map((text) => article(el, text).closest('details:not([open])'))).toEqual([null, null, null]);
    expect(article(el, 'p1').closest('.continued')).not.toBeNull(); // back at the left edge, under p's name
    await vi.waitFor(() => expect(root(el).activeElement).toBe(article(el, 'p1')));
  });

  it('focuses the first reply it adds where the reader’s order puts it, before those shown already', async () => {
    // Twelve replies: the ten most liked (the oldest) show first; the two newest wait.
    stubFetch(thread(Array.from({ length: 12 }, (_, i): Shape => [`r${i}`])));
    const el = mount();
    await settled(el, 'loaded');
    root(el).querySelector<HTMLInputElement>('[part="order"] input[value="latest"]')!.click();
    await el.updateComplete;
    showReplies(el, 'Root ' + ARTICLE).click();
    await vi.waitFor(() => expect(article(el, 'r11')).toBeDefined());
    expect(root(el).querySelector('.list > li > ol > li > article')).toBe(article(el, 'r11'));
    await vi.waitFor(() => expect(root(el).activeElement).toBe(article(el, 'r11')));
  });
});

describe('<discuss-thread> input', () => {
  it('takes the article from canonical, then og:url, then the page, without fragment or tracking', async () => {
    const { calls } = stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [] } }));
    document.head.innerHTML =
      '<meta property="og:url" content="https://news.example/og"><link rel="canonical" href="https://news.example/canonical?utm_source=x#top">';
    const el = mount({ url: '' });
    el.removeAttribute('url');
    await settled(el, 'empty');
    expect(calls.at(-1)!.url.searchParams.get('url')).toBe('https://news.example/canonical');
    document.head.querySelector('link')!.remove();
    el.refresh();
    await vi.waitFor(() => expect(calls.at(-1)!.url.searchParams.get('url')).toBe('https://news.example/og'));
  });

  it('warns about bad attribute values, naming the attribute, and uses the defaults', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { calls } = stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [] } }));
    const el = mount({ limit: 'lots', sort: 'random', depth: '-1', url: 'ftp://news.example/a', post: 'not-a-post', theme: 'neon', loading: 'eager' });
    await settled(el, 'empty');
    const said = warn.mock.calls.map((c) => String(c[0])).join('\n');
    for (const name of ['limit="', 'sort="random"', 'depth="-1"', 'url="ftp://news.example/a"', 'post="not-a-post"', 'theme="neon"'])
      expect(said).toContain(name);
    const search = calls.find((c) => c.url.pathname.endsWith('searchPosts'))!.url.searchParams;
    expect(search.get('sort')).toBe('top');
    expect(search.get('url')).toMatch(/^http/);
  });

  it('gives the heading the level heading-level sets, 2 by default, and warns about one outside 1–6', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [] } }));
    const el = mount({ 'heading-level': '4' });
    await settled(el, 'empty');
    const level = () => part(el, 'heading')!.getAttribute('aria-level');
    expect(level()).toBe('4');
    el.setAttribute('heading-level', '1');
    await el.updateComplete;
    expect(level()).toBe('1');
    el.setAttribute('heading-level', '7');
    await el.updateComplete;
    expect(level()).toBe('2');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('heading-level="7"'));
    el.removeAttribute('heading-level');
    await el.updateComplete;
    expect(level()).toBe('2');
  });

  it('renders hostile text as text and never makes a javascript: link', async () => {
    const a = actor('mallory', '<img src=x onerror=alert(1)>');
    const hostile = post({
      author: a,
      rkey: '3kevil',
      createdAt: '2026-11-27T10:00:00.000Z',
      text: ['<script>alert(1)</script> ', { link: 'javascript:alert(1)', text: 'click me' }],
    });
    stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [hostile] } }));
    const el = mount();
    await settled(el, 'loaded');
    expect(root(el).querySelector('script, img[src="x"]')).toBeNull();
    expect(part(el, 'text')!.textContent).toBe('<script>alert(1)</script> click me');
    expect([...root(el).querySelectorAll('a')].every((link) => /^https?:/.test(link.getAttribute('href') ?? 'https:'))).toBe(true);
  });
});

describe('<discuss-thread> session cache', () => {
  it('renders a revisit within minutes at once, without a request', async () => {
    const { calls } = stubFetch(sampleRoute);
    const first = mount();
    await settled(first, 'loaded');
    await cached();
    first.remove();
    const sent = calls.length;
    const again = mount();
    await settled(again, 'loaded');
    expect(root(again).querySelectorAll('.list > li')).toHaveLength(7);
    expect(calls.length).toBe(sent);
  });

  it('renders a stale entry at once and refreshes it quietly', async () => {
    const { calls } = stubFetch(sampleRoute);
    const first = mount();
    await settled(first, 'loaded');
    await cached();
    first.remove();
    const later = Date.now() + 10 * 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    const { gate, held } = holdSearch(sampleRoute);
    stubFetch(held);
    const statuses: string[] = [];
    const again = mount();
    new MutationObserver(() => statuses.push(again.getAttribute('status')!)).observe(again, { attributes: true });
    await settled(again, 'loaded');
    expect(root(again).querySelectorAll('.list > li')).toHaveLength(7);
    gate.resolve();
    await vi.waitFor(() => expect(JSON.stringify(sessionStorage)).toContain(String(later)));
    expect(statuses).toEqual(['loaded']);
    expect(again.getAttribute('status')).toBe('loaded');
    expect(calls.length).toBeGreaterThan(0);
  });

  it('skips the cache on refresh()', async () => {
    const { calls } = stubFetch(sampleRoute);
    const el = mount();
    await settled(el, 'loaded');
    const sent = calls.length;
    el.refresh();
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(sent));
    await settled(el, 'loaded');
  });
});

describe('<discuss-thread> discovery fallbacks', () => {
  it('uses the backlink index when search is refused, and not when backlinks-service is none', async () => {
    const { calls } = stubFetch(sampleRoute);
    const host = `${ORIGIN}/s/search403`;
    const el = mount({ service: host, 'search-service': host, 'backlinks-service': host });
    await settled(el, 'loaded');
    expect(root(el).querySelectorAll('.list > li')).toHaveLength(6);
    expect(calls.some((c) => c.url.pathname.endsWith('getBacklinks'))).toBe(true);
    const before = calls.length;
    const off = mount({ service: host, 'search-service': host, 'backlinks-service': 'none', sort: 'oldest' });
    await settled(off, 'error');
    expect(calls.slice(before).filter((c) => c.url.pathname.endsWith('getBacklinks'))).toHaveLength(0);
  });
});

describe('<discuss-thread> races and properties', () => {
  it('speaks the language set as a property, as React 19 sets it', async () => {
    stubFetch(sampleRoute);
    document.documentElement.lang = 'en';
    const el = mount();
    el.lang = 'de';
    await vi.waitFor(() => expect(part(el, 'heading')?.textContent!.trim()).toBe('Kommentare'));
    document.documentElement.lang = '';
  });

  it('speaks the language set last, though one set before it arrives later', async () => {
    stubFetch(sampleRoute);
    const el = mount();
    await settled(el, 'loaded');
    const heading = () => part(el, 'heading')!.textContent!.trim();
    const shown: string[] = [];
    new MutationObserver(() => shown.push(heading())).observe(root(el), { subtree: true, characterData: true, childList: true });
    el.lang = 'ja'; // its strings are on their way…
    await el.updateComplete;
    el.lang = 'en'; // …when the page switches back to English, which is here
    await el.updateComplete;
    expect(heading()).toBe('Comments');
    japanese.arrive();
    // The element's own request is the only one for them: once they are read, what it does with them
    // has followed in the same turn, before this check's next turn.
    await vi.waitFor(() => expect(messages('ja')).toBeDefined());
    await el.updateComplete;
    expect(heading()).toBe('Comments');
    expect(shown).not.toContain('コメント');
  });

  it('ignores a post reference with a malformed escape, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    stubFetch(sampleRoute);
    const el = mount({ post: 'https://bsky.app/profile/a%/post/abc' });
    await settled(el, 'loaded');
    expect(warn.mock.calls.map((c) => String(c[0])).join()).toContain('post="https://bsky.app/profile/a%/post/abc"');
  });
});

describe("<discuss-thread> with the site owner's rules", () => {
  it('keeps working when one rule is removed while another stays', async () => {
    stubFetch(sampleRoute);
    const el = mount({ post: STORY, hide: 'cryptodeals.example', 'muted-words': 'idiot', labelers: 'did:plc:epf2kpgsnzndwu2tkz3elxtj' });
    await settled(el, 'loaded');
    expect(root(el).textContent).not.toContain('IDIOT');
    // Removed, an attribute's property is null: the load must read it as no rule, not fail.
    el.removeAttribute('muted-words');
    el.removeAttribute('labelers');
    await vi.waitFor(() => expect(root(el).textContent).toContain('IDIOT'));
    expect(el.getAttribute('status')).toBe('loaded');
    expect(root(el).textContent).not.toContain('crypto signals');
  });

  it('reloads when the filter is replaced, and never uses the session cache with one', async () => {
    // A cache entry is written a turn after the discussion shows: the test says when that turn comes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { calls } = stubFetch(sampleRoute);
    const searches = () => calls.filter((call) => call.url.pathname.endsWith('searchPosts')).length;
    // A page without a filter left a fresh entry for the same article.
    const plain = mount({ post: STORY });
    await settled(plain, 'loaded');
    vi.runAllTimers();
    plain.remove();
    const entries = () => Object.entries(sessionStorage).filter(([key]) => key.startsWith('discuss-thread:'));
    const written = entries();
    expect(written).toHaveLength(1);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 60_000); // still fresh; a new entry would say so
    const el = mount({ post: STORY });
    el.filter = (view) => !(view.record as { text: string }).text.includes('Encryption');
    await settled(el, 'loaded');
    expect(root(el).textContent).not.toContain("Encryption isn't a luxury");
    expect(searches()).toBe(2);
    el.filter = () => true;
    await vi.waitFor(() => expect(root(el).textContent).toContain("Encryption isn't a luxury"));
    expect(searches()).toBe(3);
    vi.runAllTimers();
    expect(entries()).toEqual(written);
  });
});

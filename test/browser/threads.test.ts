import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { open, serious, start, waitForStatus, type Harness } from './harness.ts';
import { ARTICLE, DEEP_ARTICLE, THREADS_ARTICLE, sample } from '../../demo/appview/sample.ts';

// Who answers whom, read from the layout alone, as a reader reads it: a line drawn from one avatar
// down to the next, or an indent under the post answered. Each parent found that way is checked
// against the data. With them: "Continue thread", a summary and links that wrap cleanly, and counts
// that never widen the widget.
let harness: Harness;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

const rkey = (uri: string) => uri.split('/').pop()!;
/** Each post's parent, by record key, from the sample data ('' for a thread's root). */
const PARENTS = new Map([...sample('').posts.values()].map((post) => [rkey(post.uri), post.record.reply ? rkey(post.record.reply.parent.uri) : '']));

const url = (article: string, extra = '') =>
  `/test/browser/fixtures/page.html?loading=eager&service=/&search-service=/&url=${encodeURIComponent(article)}${extra}`;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface Row {
  /** A post (its record key) or the copy of a parent's name over the replies "Continue thread" shows. */
  kind: 'post' | 'context';
  key: string;
  name: string;
  avatar: Box;
  /** The line drawn down from this row's avatar, if any. */
  line?: Box;
  /** The region set apart for replies "Continue thread" showed, when the row is inside one. */
  region?: Box;
}

/** Every post and context row of the widget, with the geometry a reader sees. */
function rows(page: Page): Promise<Row[]> {
  return page.locator('discuss-thread').evaluate((host) => {
    const box = (el: Element | null | undefined) => {
      if (!el) return undefined;
      const { top, bottom, left, right } = el.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    const found = [...host.shadowRoot!.querySelectorAll('article.post, .context')].filter((el) => el.getClientRects().length);
    return found.map((el) => ({
      kind: el.matches('article') ? ('post' as const) : ('context' as const),
      key: el.querySelector<HTMLAnchorElement>(':scope > .byline a.time')?.href.split('/').pop() ?? '',
      name: el.querySelector('.name')!.textContent!,
      avatar: box(el.querySelector(':scope > .avatar, :scope > .byline > .avatar'))!,
      line: box(el.querySelector(':scope > .thread')),
      region: box(el.closest('.continued')),
    }));
  });
}

const inside = (row: Row, region: Box | undefined) => !!region && row.avatar.top >= region.top - 1 && row.avatar.bottom <= region.bottom + 1;

/** The parent of each post as the layout shows it: `key` → the parent's key ('' for none). */
function parentsFromLayout(all: Row[]): Map<string, string> {
  const result = new Map<string, string>();
  const referent = (row: Row, at: number): string => {
    if (row.kind === 'post') return row.key;
    // A context row stands for the post right above it, and shows its name.
    const above = all.slice(0, at).filter((r) => r.kind === 'post' && r.avatar.bottom <= row.avatar.top);
    const post = above.at(-1)!;
    expect(row.name).toBe(post.name);
    return post.key;
  };
  all.forEach((row, i) => {
    if (row.kind !== 'post') return;
    const center = (row.avatar.left + row.avatar.right) / 2;
    // A line from an avatar above that ends right over this avatar, in its column.
    const joined = all.findIndex(
      (q, j) =>
        j < i &&
        q.line &&
        Math.abs(q.line.top - q.avatar.bottom) <= 6 &&
        Math.abs(q.line.bottom - row.avatar.top) <= 6 &&
        Math.abs((q.line.left + q.line.right) / 2 - center) <= 2,
    );
    if (joined >= 0) return result.set(row.key, referent(all[joined], joined));
    // Else the nearest row above that sits at least a step further left, leaving aside a region
    // "Continue thread" opened that this row is not in.
    for (let j = i - 1; j >= 0; j--) {
      const q = all[j];
      if (q.region && !inside(row, q.region)) continue;
      if (q.avatar.left < row.avatar.left - 8) return result.set(row.key, referent(q, j));
    }
    result.set(row.key, '');
  });
  return result;
}

/** Open every "Continue thread" with a click, checking focus moves to the first post it shows, visibly. */
async function continueAll(page: Page) {
  let opened = 0;
  for (;;) {
    const summary = page.locator('discuss-thread details.continue:not([open]) > summary').first();
    if (!(await summary.count())) return opened;
    await summary.scrollIntoViewIfNeeded();
    await summary.click();
    opened++;
    await page.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.activeElement?.matches('.continued article'));
    const focus = await page.locator('discuss-thread').evaluate((host) => {
      const active = host.shadowRoot!.activeElement!;
      const first = active.closest('.continued')!.querySelector('article');
      const style = getComputedStyle(active);
      return { first: active === first, visible: active.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    expect(focus).toEqual({ first: true, visible: true });
  }
}

// Every width, both schemes and both languages, each at least once (colours change no geometry, but
// axe checks their contrast): the phone twice.
const matrix = [
  [360, 'light', 'en'],
  [360, 'dark', 'ko'],
  [768, 'light', 'ko'],
  [1280, 'dark', 'en'],
] as const;

describe('who answers whom, from the layout', () => {
  it.each(matrix)('at %i px, %s, %s: every reply of a branching thread, past "Continue thread" too', async (width, colorScheme, lang) => {
    const { page, errors } = await open(harness, url(THREADS_ARTICLE, `&lang=${lang}`), { width, colorScheme });
    await waitForStatus(page, 'loaded');
    expect(await continueAll(page)).toBeGreaterThan(0);
    const found = parentsFromLayout(await rows(page));
    expect(found.size).toBe(sample('').threads.length + 20); // two roots, 20 replies: all on the page
    for (const [key, parent] of found) expect([key, parent]).toEqual([key, PARENTS.get(key)]);
    expect(await serious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([matrix[1], matrix[3]])('at %i px, %s, %s: the demo discussion', async (width, colorScheme, lang) => {
    const { page } = await open(harness, url(ARTICLE, `&lang=${lang}&depth=10`), { width, colorScheme });
    await waitForStatus(page, 'loaded');
    const found = parentsFromLayout(await rows(page));
    expect(found.get('3m6aai2lena')).toBe('3m6aah2sam'); // the end of the eight-reply chain
    for (const [key, parent] of found) expect([key, parent]).toEqual([key, PARENTS.get(key)]);
    expect(await serious(page)).toEqual([]);
    await page.close();
  });

  it('a chain of 20 replies, joined avatar to avatar, at 360 px', async () => {
    const { page } = await open(harness, url(DEEP_ARTICLE, '&depth=20'), { width: 360 });
    await waitForStatus(page, 'loaded');
    const all = await rows(page);
    const found = parentsFromLayout(all);
    expect(found.size).toBe(21);
    for (const [key, parent] of found) expect([key, parent]).toEqual([key, PARENTS.get(key)]);
    // A chain does not indent: every post keeps the left edge.
    expect(new Set(all.map((row) => Math.round(row.avatar.left))).size).toBe(1);
    await page.close();
  });
});

describe('the first screenful', () => {
  it('draws the first thread’s root and first replies, then the rest; "loaded" once all of it is on screen', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 360, height: 800 } });
    // Each time the number of posts in the widget changes: how many, and the status then.
    await page.addInitScript(`{
      const seen = (window.drawn = []);
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        new MutationObserver(() => {
          const posts = root.querySelectorAll('[part="post"]').length;
          if (posts !== seen.at(-1)?.[0]) seen.push([posts, this.getAttribute('status')]);
        }).observe(root, { childList: true, subtree: true });
        return root;
      };
    }`);
    await page.goto(harness.origin + url(THREADS_ARTICLE));
    await waitForStatus(page, 'loaded');
    const drawn = ((await page.evaluate('window.drawn')) as Array<[number, string]>).filter(([posts]) => posts > 0);
    const all = await page.locator('discuss-thread [part="post"]').count();
    expect(drawn.length).toBeGreaterThan(1);
    expect(drawn[0][0]).toBeGreaterThan(0);
    expect(drawn[0][0]).toBeLessThanOrEqual(8);
    expect(drawn.at(-1)![0]).toBe(all);
    expect(drawn.every(([, status]) => status !== 'loaded')).toBe(true); // "loaded" came after the last of them
    await page.close();
  });
});

describe('more replies', () => {
  it.each([360, 1280])('at %i px: "Show 1 more reply" lines up with the text, and the reply it shows is visibly focused', async (width) => {
    const { page } = await open(harness, url(ARTICLE), { width });
    await waitForStatus(page, 'loaded');
    const more = page.locator('discuss-thread .more').first();
    const edges = await more.evaluate((el) => ({
      more: el.getBoundingClientRect().left,
      text: el.closest('li')!.querySelector(':scope > article [part="text"]')!.getBoundingClientRect().left,
      avatar: el.closest('li')!.querySelector(':scope > article .avatar')!.getBoundingClientRect().right,
    }));
    expect(Math.abs(edges.more - edges.text)).toBeLessThanOrEqual(1);
    expect(edges.more).toBeGreaterThan(edges.avatar);
    await more.locator('button').click();
    await page.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.activeElement?.matches('article'));
    const focused = await page.locator('discuss-thread').evaluate((host) => {
      const active = host.shadowRoot!.activeElement!;
      const style = getComputedStyle(active);
      return { visible: active.matches(':focus-visible'), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    expect(focused).toEqual({ visible: true, ring: true });
    expect(await serious(page)).toEqual([]);
    await page.close();
  });
});

describe('wrapping', () => {
  it.each([
    [360, 'light'],
    [1280, 'dark'],
  ] as const)('at %i px, %s: counts of 1e308 do not widen the page or the widget', async (width, colorScheme) => {
    const { page } = await open(harness, url(THREADS_ARTICLE), { width, colorScheme });
    await waitForStatus(page, 'loaded');
    const sizes = await page.locator('discuss-thread').evaluate((host) => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      widget: host.scrollWidth,
      widgetBox: host.clientWidth,
      huge: host.shadowRoot!.querySelector('[part="summary"]')!.textContent!.includes('E308'),
    }));
    expect(sizes.huge).toBe(true);
    expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.widget).toBeLessThanOrEqual(sizes.widgetBox);
    expect(await serious(page)).toEqual([]);
    await page.close();
  });

  it.each([
    [360, 'en'],
    [360, 'ko'],
    [768, 'ru'],
  ] as const)('at %i px, %s: no line of the summary starts or ends with "·", and no "…" of a link sits alone', async (width, lang) => {
    // The demo page: its pinned post brings quote posts, so the summary has four counts to wrap.
    const { page } = await open(harness, `/demo/?lang=${lang}`, { width });
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    const found = await page.locator('discuss-thread').evaluate((host) => {
      const root = host.shadowRoot!;
      const box = root.querySelector('[part="summary"]')!;
      const summary = box.getBoundingClientRect();
      // Every "·" and every count in the summary, where they are drawn.
      const dots: DOMRect[] = [];
      const counts: DOMRect[] = [];
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const range = document.createRange();
        const at = node.data.indexOf('·');
        if (at >= 0) {
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          dots.push(range.getBoundingClientRect());
        } else if (node.data.trim()) {
          range.selectNodeContents(node);
          counts.push(range.getBoundingClientRect());
        }
      }
      const lines = new Set(counts.map((c) => Math.round(c.top))).size;
      const sameLine = (a: DOMRect, b: DOMRect) => Math.abs(a.top + a.height / 2 - (b.top + b.height / 2)) < 6;
      // A "·" drawn inside the box has a count before and after it on its line; any other is clipped away.
      const bad = dots.filter((dot) => {
        if (dot.right <= summary.left + 0.5) return false;
        return !(counts.some((c) => sameLine(c, dot) && c.right <= dot.left + 0.5) && counts.some((c) => sameLine(c, dot) && c.left >= dot.right - 0.5));
      }).length;
      const ellipses = [...root.querySelectorAll('[part="text"] a')]
        .filter((a) => a.textContent!.endsWith('…') && a.textContent!.length > 1)
        .map((a) => {
          const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
          let last: Text | undefined;
          while (walker.nextNode()) last = walker.currentNode as Text;
          const range = document.createRange();
          range.setStart(last!, last!.length - 2);
          range.setEnd(last!, last!.length);
          return range.getClientRects().length === 1 || new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size === 1;
        });
      return { lines, bad, dots: dots.length, ellipses };
    });
    if (width === 360) expect(found.lines).toBeGreaterThan(1); // the case that matters: the summary wraps
    expect(found.dots).toBeGreaterThanOrEqual(2);
    expect(found.bad).toBe(0);
    expect(found.ellipses.length).toBeGreaterThan(3);
    expect(found.ellipses.every(Boolean)).toBe(true);
    await page.close();
  });
});

describe('pages', () => {
  it('loads the next page as “Show more” nears the viewport, and not before, leaving focus where it is', async () => {
    // The widget far below the top of the page (a 5,000 px spacer), loaded at once: its first page, two threads.
    const { page, requests, errors } = await open(harness, url(ARTICLE, '&limit=2&spacer=1'));
    await waitForStatus(page, 'loaded');
    const widget = page.locator('discuss-thread');
    const threads = () => widget.evaluate((host) => host.shadowRoot!.querySelectorAll('.list > li').length);
    // Observers hear of a target in the order they were made: once this one, made after the widget's,
    // has had its first answer, the widget has had its own and acted on it.
    await widget.evaluate(
      (host) =>
        new Promise<void>((resolve) => {
          const observer = new IntersectionObserver(() => (observer.disconnect(), resolve()));
          observer.observe(host.shadowRoot!.querySelector('.actions > [part="more"]')!);
        }),
    );
    const before = requests.length;
    // A request the page sends now is logged after any the widget sent before it.
    const sentinel = page.waitForRequest((request) => request.url().endsWith('/xrpc/sentinel'));
    await page.evaluate(() => fetch('/xrpc/sentinel').catch(() => {}));
    await sentinel;
    expect(requests.slice(before).map((u) => u.pathname)).toEqual(['/xrpc/sentinel']);
    expect(await threads()).toBe(2);

    await page.mouse.wheel(0, 10_000);
    await page.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll('.list > li').length > 2);
    expect(requests.slice(before).some((u) => u.pathname.endsWith('getPostThread'))).toBe(true);
    expect(await page.evaluate(() => [document.activeElement === document.body, document.querySelector('discuss-thread')!.shadowRoot!.activeElement])).toEqual([
      true,
      null,
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

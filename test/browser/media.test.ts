import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STRICT_CSP, serious, start, waitForStatus, type Harness } from './harness.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';

// Issue 18, points 3, 4 and 12: a post's images laid out by their count, a quoted post's media as
// thumbnails, a link card's picture above its text, the image viewer, and a video that plays in
// place only once the reader presses play. Geometry, not markup; the built CDN file, as a site loads it.
let harness: Harness;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const PAGE = `/test/browser/fixtures/page.html?loading=eager&service=/&search-service=/&backlinks-service=/&sort=oldest&post=${encodeURIComponent(STORY)}&url=${encodeURIComponent(ARTICLE)}`;

type Box = { top: number; left: number; right: number; bottom: number; width: number; height: number };

/** The demo discussion, the story pinned, loaded; `init` runs in the page before its scripts. */
async function loaded(width: number, colorScheme: 'light' | 'dark' = 'light', init?: () => void) {
  const page = await harness.browser.newPage({ viewport: { width, height: 800 }, colorScheme });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  if (init) await page.addInitScript(init);
  await page.goto(harness.origin + PAGE);
  await waitForStatus(page, 'loaded');
  return { page, errors, requests };
}

/** The boxes of `selector`'s matches inside the widget, in order. */
const boxes = (page: Page, selector: string): Promise<Box[]> =>
  page.evaluate(
    (s) =>
      [...document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll(s)].map((el) => {
        const { top, left, right, bottom, width, height } = el.getBoundingClientRect();
        return { top, left, right, bottom, width, height };
      }),
    selector,
  );

describe.each([360, 1280])('media at %i px', (width) => {
  it('lays out two images side by side, three as one large and two stacked, four as a 2×2 grid; a quote’s media small; a card’s picture above its text', async () => {
    const { page, errors } = await loaded(width);
    const [a, b] = await boxes(page, '.embed > .images[data-count="2"] img');
    expect(Math.abs(a.top - b.top)).toBeLessThan(1);
    expect(a.left).toBeLessThan(b.left);
    expect(a.right).toBeLessThanOrEqual(b.left);

    const [large, small1, small2] = await boxes(page, '.images[data-count="3"] img');
    expect(Math.abs(large.top - small1.top)).toBeLessThan(1);
    expect(large.right).toBeLessThanOrEqual(small1.left);
    expect(Math.abs(small1.left - small2.left)).toBeLessThan(1);
    expect(small1.bottom).toBeLessThanOrEqual(small2.top);
    expect(Math.abs(large.bottom - small2.bottom)).toBeLessThan(1);
    expect(large.height).toBeGreaterThan(1.9 * small1.height);

    const four = await boxes(page, '.images[data-count="4"] img');
    expect(four.map((r) => Math.round(r.top))).toEqual([four[0].top, four[0].top, four[2].top, four[2].top].map(Math.round));
    expect(four.map((r) => Math.round(r.left))).toEqual([four[0].left, four[1].left, four[0].left, four[1].left].map(Math.round));
    expect(four[0].bottom).toBeLessThanOrEqual(four[2].top);
    expect(four[0].right).toBeLessThanOrEqual(four[1].left);

    // Sam's quote of Lena's two photos: the whole quote within a third of the viewport.
    const quotes = await page.evaluate(() =>
      [...document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll('blockquote.quote')]
        .filter((q) => q.querySelector('.images[data-count="2"]'))
        .map((q) => q.getBoundingClientRect().height),
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const height of quotes) expect(height).toBeLessThanOrEqual(800 / 3);

    // The explainer's card: its picture spans the card, above the title.
    const card = await page.evaluate(() => {
      const found = [...document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll('a.card')].find((c) => c.querySelector('img'))!;
      const box = (el: Element) => el.getBoundingClientRect();
      return { card: box(found).width, picture: box(found.querySelector('img')!), title: box(found.querySelector('strong')!).top };
    });
    expect(card.picture.bottom).toBeLessThanOrEqual(card.title);
    expect(card.picture.width).toBeGreaterThan(card.card - 3);
    expect(card.picture.width / card.picture.height).toBeCloseTo(1.91, 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('posts around the site’s own post', () => {
  it('shows a line, not the post again, in the quotes under it; a card with an unusable address names no domain', async () => {
    const { page } = await loaded(360);
    const found = await page.evaluate(() => {
      const root = document.querySelector('discuss-thread')!.shadowRoot!;
      const top = root.querySelector('.list > li article')!;
      const lines = [...root.querySelectorAll('p.quote.quoting')];
      const card = [...root.querySelectorAll('.card')].find((c) => c.textContent!.includes('Get Whisperline updates'))!;
      return {
        lines: lines.map((l) => l.textContent),
        below: lines.every((l) => l.getBoundingClientRect().top > top.getBoundingClientRect().bottom),
        full: [...root.querySelectorAll('blockquote.quote')].filter((q) => q.textContent!.includes('New from me')).length,
        card: { href: card.hasAttribute('href'), text: card.textContent!.replace(/\s+/g, ' ').trim() },
      };
    });
    // Tomás's and 서연's quotes (found by getQuotes), and Alex's (which links the article too).
    expect(found.lines).toEqual(['Quoting this post', 'Quoting this post', 'Quoting this post']);
    expect(found.below).toBe(true);
    expect(found.full).toBe(0);
    expect(found.card).toEqual({ href: false, text: 'Get Whisperline updates Sign up for news about the block.' });
    await page.close();
  });
});

/** The open viewer, as the reader sees it: its alt text, its image's box, the focused control. */
const viewer = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('discuss-thread')!.shadowRoot!;
    const dialog = root.querySelector<HTMLDialogElement>('dialog.gallery');
    const img = dialog?.querySelector('img');
    return {
      open: !!dialog?.open,
      caption: dialog?.querySelector('figcaption')?.textContent ?? null,
      status: dialog?.querySelector('[role="status"]')?.textContent ?? null,
      image: img ? { ...img.getBoundingClientRect().toJSON(), loaded: img.complete && img.naturalWidth > 0 } : null,
      focused: root.activeElement?.getAttribute('aria-label') ?? root.activeElement?.tagName ?? null,
    };
  });

describe.each([
  [360, 'light'],
  [1280, 'dark'],
] as const)('the image viewer at %i px, %s', (width, colorScheme) => {
  it('opens a post’s image large in the page with its alt text, moves between its images, closes on Esc and gives focus back', async () => {
    const { page, errors, requests } = await loaded(width, colorScheme);
    expect(requests.some((path) => /\/gallery-/.test(path))).toBe(false);
    const opener = page.locator('discuss-thread .images[data-count="3"] a').nth(1);
    await opener.scrollIntoViewIfNeeded();
    await opener.click();
    await page.waitForFunction(
      () => document.querySelector('discuss-thread')!.shadowRoot!.querySelector<HTMLImageElement>('dialog.gallery[open] img')?.complete,
    );
    expect(requests.some((path) => /\/gallery-/.test(path))).toBe(true);
    let seen = await viewer(page);
    expect(seen.caption).toBe('A booth selling SIM cards beside the road');
    expect(seen.status).toBe('Image 2 of 3');
    expect(seen.focused).toBe('Close');
    // Large, and inside the viewport.
    expect(seen.image!.loaded).toBe(true);
    expect(seen.image!.width).toBeGreaterThan(width * 0.6);
    expect(seen.image!.left).toBeGreaterThanOrEqual(0);
    expect(seen.image!.right).toBeLessThanOrEqual(width);
    expect(await serious(page)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    seen = await viewer(page);
    expect(seen.caption).toBe('A road sign pointing to the border, 2 km');
    expect(seen.status).toBe('Image 3 of 3'); // a polite live region: moving is announced
    await page.keyboard.press('ArrowRight'); // past the last: the first
    expect((await viewer(page)).caption).toBe('Cars queued at a border checkpoint under a grey sky');
    await page.locator('discuss-thread dialog.gallery button.previous').click();
    expect((await viewer(page)).caption).toBe('A road sign pointing to the border, 2 km');
    await page.locator('discuss-thread dialog.gallery button.next').click();
    expect((await viewer(page)).caption).toBe('Cars queued at a border checkpoint under a grey sky');

    await page.keyboard.press('Escape');
    seen = await viewer(page);
    expect(seen.open).toBe(false);
    // Focus is back on the image the reader opened.
    expect(await opener.evaluate((a) => (a.getRootNode() as ShadowRoot).activeElement === a)).toBe(true);

    // The close button closes it too; Enter on a focused image opens it.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.querySelector('dialog.gallery[open]'));
    expect((await viewer(page)).caption).toBe('A booth selling SIM cards beside the road');
    await page.locator('discuss-thread dialog.gallery button.close').click();
    expect((await viewer(page)).open).toBe(false);
    expect(await opener.evaluate((a) => (a.getRootNode() as ShadowRoot).activeElement === a)).toBe(true);

    // A click beside the picture (the dialog's own edge, no control there) closes it, as on bsky.app; one on the picture does not.
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('discuss-thread')!.shadowRoot!.querySelector<HTMLImageElement>('dialog.gallery[open] img')?.complete,
    );
    const picture = (await viewer(page)).image!;
    await page.mouse.click(picture.left + picture.width / 2, picture.top + picture.height / 2);
    expect((await viewer(page)).open).toBe(true);
    await page.mouse.click(3, 400);
    expect((await viewer(page)).open).toBe(false);
    expect(await opener.evaluate((a) => (a.getRootNode() as ShadowRoot).activeElement === a)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Resolves once the widget's <video> has played: its time moved (a `timeupdate` event, or already). */
const playing = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ time: number; poster: string; tracks: string[] }>((resolve) => {
        const root = document.querySelector('discuss-thread')!.shadowRoot!;
        const report = (video: HTMLVideoElement) =>
          resolve({ time: video.currentTime, poster: video.poster, tracks: [...video.textTracks].map((t) => t.language) });
        const watch = (video: HTMLVideoElement) => {
          if (video.currentTime > 0) return report(video);
          video.addEventListener('timeupdate', function tick() {
            if (video.currentTime <= 0) return;
            video.removeEventListener('timeupdate', tick);
            report(video);
          });
        };
        const video = root.querySelector('video');
        if (video) return watch(video);
        const observer = new MutationObserver(() => {
          const added = root.querySelector('video');
          if (!added) return;
          observer.disconnect();
          watch(added);
        });
        observer.observe(root, { subtree: true, childList: true });
      }),
  );

describe('a video', () => {
  it.each([
    ['with hls.js, fetched at the press, where the browser has Media Source Extensions', 'MediaSource'],
    ['natively, where it has none (older iPhones)', ''],
    ['natively, where it has only ManagedMediaSource (iPhones: their own HLS shows the captions)', 'ManagedMediaSource'],
  ])('plays in place only once the reader presses play: %s', async (_, source) => {
    const mse = source === 'MediaSource';
    const { page, errors, requests } = await loaded(
      360,
      'light',
      mse
        ? undefined
        : source === 'ManagedMediaSource'
          ? () => {
              const w = window as { MediaSource?: unknown; ManagedMediaSource?: unknown };
              w.ManagedMediaSource = w.MediaSource;
              delete w.MediaSource;
            }
          : () => {
              delete (window as { MediaSource?: unknown }).MediaSource;
            },
    );
    const box = page.locator('discuss-thread .video').filter({ has: page.locator('button.play') });
    await box.scrollIntoViewIfNeeded();
    // Before the press: the thumbnail, the play button, the link to Bluesky; nothing of the video fetched.
    const poster = (await box.locator('img').boundingBox())!;
    expect(poster.width / poster.height).toBeCloseTo(16 / 9, 1);
    const link = page.locator('discuss-thread a.watch').first();
    expect(await link.getAttribute('href')).toBe('https://bsky.app/profile/parkhyun.bsky.social/post/3m6afa2hyun');
    expect(await link.textContent()).toBe('Watch the video on Bluesky');
    expect(await serious(page)).toEqual([]);
    const fetched = () => requests.filter((path) => /\/sample-media\/video\/|\/(player|hls)-/.test(path));
    expect(fetched()).toEqual([]);

    // Two presses before the player arrives (a reader on a slow line): the box is busy at once, and one video plays.
    const busy = await box.evaluate((element) => {
      const button = element.querySelector('button')!;
      button.click();
      button.click();
      return element.getAttribute('aria-busy');
    });
    expect(busy).toBe('true');
    const played = await playing(page);
    expect(await page.locator('discuss-thread video').count()).toBe(1);
    expect(await box.getAttribute('aria-busy')).toBeNull();
    expect(played.time).toBeGreaterThan(0);
    expect(played.poster).toMatch(/\/sample-media\/photo\/video\.svg$/);
    expect(fetched().some((path) => path.endsWith('/playlist.m3u8'))).toBe(true);
    expect(fetched().some((path) => /\/player-/.test(path))).toBe(true);
    expect(fetched().some((path) => /\/hls-/.test(path))).toBe(mse);
    if (mse) expect(played.tracks).toContain('en'); // the captions, from the playlist's subtitles
    const video = (await page.locator('discuss-thread video').boundingBox())!;
    expect(video.width / video.height).toBeCloseTo(16 / 9, 1);
    expect(await page.locator('discuss-thread a.watch').first().isVisible()).toBe(true);
    expect(await serious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a video played with hls.js', () => {
  /** The page, the video's box scrolled into view, its play button pressed. */
  async function pressed(init?: (page: Page) => Promise<void>) {
    const opened = await loaded(360);
    await init?.(opened.page);
    const box = opened.page.locator('discuss-thread .video').filter({ has: opened.page.locator('button.play') });
    await box.scrollIntoViewIfNeeded();
    await box.locator('button.play').click();
    return { ...opened, box };
  }

  it('stops fetching when its video leaves the page (the widget removed)', async () => {
    const { page, errors } = await pressed();
    await playing(page);
    const stopped = await page.evaluate(async () => {
      const host = document.querySelector('discuss-thread')!;
      const video = host.shadowRoot!.querySelector('video')!;
      // Playing for good (the sample is two seconds long): the browser pauses a playing video it takes out of the page.
      video.loop = true;
      if (video.paused) await video.play();
      const before = video.getAttribute('src');
      const paused = new Promise((resolve) => video.addEventListener('pause', resolve, { once: true }));
      host.remove();
      await paused;
      return { before, after: video.getAttribute('src') };
    });
    expect(stopped.before).toMatch(/^blob:/); // hls.js's MediaSource
    expect(stopped.after).toBeNull(); // hls.js destroyed: the MediaSource let go
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetches nothing its playlist names on another origin; the poster, the play button and the link to Bluesky come back, focused', async () => {
    const elsewhere: string[] = [];
    const { page, errors, box } = await pressed(async (page) => {
      await page.route('**/sample-media/video/video.m3u8', (route) =>
        route.fulfill({
          contentType: 'application/vnd.apple.mpegurl',
          body: '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:1.0,\nhttp://elsewhere.test/seg0.m2ts\n#EXT-X-ENDLIST\n',
        }),
      );
      await page.route('http://elsewhere.test/**', (route) => {
        elsewhere.push(route.request().url());
        return route.abort();
      });
    });
    await page.waitForFunction(() => {
      const root = document.querySelector('discuss-thread')!.shadowRoot!;
      return !root.querySelector('video') && root.activeElement?.classList.contains('watch');
    });
    expect(elsewhere).toEqual([]);
    const poster = (await box.locator('img').boundingBox())!;
    const button = (await box.locator('button.play').boundingBox())!;
    expect(poster.width / poster.height).toBeCloseTo(16 / 9, 1);
    expect(button.x).toBeGreaterThan(poster.x);
    expect(button.y + button.height).toBeLessThan(poster.y + poster.height);
    expect(await serious(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('on a strict page', () => {
  // strict.test.ts's policy, plus what a site must allow for a video: its hosts for media (native
  // HLS) and for the playlist's requests (hls.js), blob: media (hls.js's MediaSource) and data: media
  // (hls.js gives each captions <track> a `data:,WEBVTT` source). No worker and no inline style is
  // needed; Trusted Types stay enforced for Lit's policy only.
  const CSP = [...STRICT_CSP, "media-src 'self' blob: data:"].join('; ');
  const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict page</title>
<script src="/strict/record.js"></script><script type="module" src="/strict/discuss-thread.js"></script></head><body><main>
<discuss-thread loading="eager" service="/" search-service="/" url="${ARTICLE}" post="${STORY}" sort="oldest"></discuss-thread></main></body></html>`;
  // A classic script, before the modules: it records every violation.
  const RECORD = `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));`;

  it('opens the image viewer and plays a video with hls.js, with no policy violation', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 360, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const headers = (type: string) => ({ 'content-type': type, 'content-security-policy': CSP });
    await page.route(`${harness.origin}/strict/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/strict/page.html') return route.fulfill({ body: HTML, headers: headers('text/html') });
      if (path === '/strict/record.js') return route.fulfill({ body: RECORD, headers: headers('text/javascript') });
      return route.fulfill({ body: readFileSync(path.replace(/^\/strict\//, 'dist/'), 'utf8'), headers: headers('text/javascript') });
    });
    await page.goto(`${harness.origin}/strict/page.html`);
    await waitForStatus(page, 'loaded');
    const opener = page.locator('discuss-thread .images[data-count="3"] a').first();
    await opener.scrollIntoViewIfNeeded();
    await opener.click();
    await page.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.querySelector('dialog.gallery[open]'));
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.locator('discuss-thread button.play').click();
    const played = await playing(page);
    expect(played.time).toBeGreaterThan(0);
    expect(played.tracks).toContain('en');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

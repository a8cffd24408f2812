import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { open, serious, start, waitForStatus, type Harness } from './harness.ts';
import { HOSTILE_ARTICLE, NEWSWATCH } from '../../demo/appview/sample.ts';

// The header's order control, content warnings and the error state, as a reader meets them at a
// phone's width and a desktop's, light and dark: geometry, keyboard, requests, axe.
let harness: Harness;
const page = (query: string) => `/test/browser/fixtures/page.html?loading=eager&${query}`;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

// A phone and a desktop, each scheme once (colours change no geometry; axe checks both schemes' contrast).
const sizes = [
  [360, 'light'],
  [1280, 'dark'],
] as const;

type Box = { left: number; right: number; top: number; bottom: number; width: number; height: number };

/** Boxes of what `selector` finds in the widget's shadow root (and of the widget). */
const boxes = (p: Page, selector: string) =>
  p.locator('discuss-thread').evaluate((el, s) => {
    const box = (e: Element) => {
      const { left, right, top, bottom, width, height } = e.getBoundingClientRect();
      return { left, right, top, bottom, width, height };
    };
    return { host: box(el), found: [...el.shadowRoot!.querySelectorAll(s)].map(box), overflow: el.scrollWidth - el.clientWidth };
  }, selector);

/** The widget's focused element, inside its shadow root. */
const focused = (p: Page) =>
  p.locator('discuss-thread').evaluate((el) => {
    const active = el.shadowRoot!.activeElement as HTMLInputElement | null;
    return active ? `${active.tagName.toLowerCase()}${active.name ? `[${active.name}=${active.value}]` : ''}` : '';
  });

/** The top-level threads' times, in the order shown. */
const times = (p: Page) =>
  p
    .locator('discuss-thread')
    .evaluate((el) => [...el.shadowRoot!.querySelectorAll('.list > li > article')].map((a) => Date.parse(a.querySelector('time')!.getAttribute('datetime')!)));

const within = (inner: Box, outer: Box) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;

describe('the order control', () => {
  for (const [width, scheme] of sizes) {
    it(`is on screen on one line, reached by Tab, and reorders what is loaded with the arrow keys and no request, at ${width} px, ${scheme}`, async () => {
      const { page: p, requests, errors } = await open(harness, page(`service=/&search-service=/&limit=4&sort=top`), { width, colorScheme: scheme });
      await waitForStatus(p, 'loaded');
      const { host, found, overflow } = await boxes(p, '[part="order"]');
      const [group] = found;
      const labels = (await boxes(p, '[part="order"] label')).found;
      const [summary] = (await boxes(p, '[part="summary"]')).found;
      expect(group.width).toBeGreaterThan(0);
      expect(within(group, host)).toBe(true);
      expect(overflow).toBe(0);
      // Top, Latest, Oldest side by side, on one line.
      expect(new Set(labels.map((label) => Math.round(label.top))).size).toBe(1);
      expect(labels[0].right).toBeLessThanOrEqual(labels[1].left + 0.5);
      expect(labels[1].right).toBeLessThanOrEqual(labels[2].left + 0.5);
      // Beside the summary or under it, never over it.
      expect(group.top >= summary.bottom - 0.5 || group.left >= summary.right - 0.5).toBe(true);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // Tab reaches the group at its checked button: the site's sort.
      for (let i = 0; i < 40 && !(await focused(p)).startsWith('input[order'); i++) await p.keyboard.press('Tab');
      expect(await focused(p)).toBe('input[order=top]');
      const before = requests.length;
      await p.keyboard.press('ArrowRight');
      expect(await focused(p)).toBe('input[order=latest]');
      const latest = await times(p);
      expect(latest).toEqual([...latest].sort((a, b) => b - a));
      await p.keyboard.press('ArrowRight');
      expect(await focused(p)).toBe('input[order=oldest]');
      const oldest = await times(p);
      expect(oldest).toEqual([...oldest].sort((a, b) => a - b));
      expect(requests.length).toBe(before);
      expect(await serious(p)).toEqual([]);

      // "Show more" brings the next page into the reader's order, which stays chosen.
      await p.locator('discuss-thread .actions > [part="more"]').click();
      await p.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll('.list > li').length > 4);
      const more = await times(p);
      expect(more).toEqual([...more].sort((a, b) => a - b));
      await expect(p.locator('discuss-thread [part="order"] input[value="oldest"]').isChecked()).resolves.toBe(true);
      expect(errors).toEqual([]);
      await p.close();
    });
  }
});

/** What a warning's summary reads, and which of Show and Hide is drawn. */
const summary = (p: Page) =>
  p.locator('discuss-thread').evaluate((el) => {
    const details = el.shadowRoot!.querySelector('details.warning')!;
    const drawn = (s: string) => details.querySelector(`summary ${s}`)!.getBoundingClientRect().width > 0;
    return { why: (details.querySelector('.why') as HTMLElement).innerText.replace(/\s+/g, ' '), show: drawn('.show'), hide: drawn('.hide') };
  });

describe('content warnings', () => {
  for (const [width, scheme] of sizes) {
    it(`name the label and its labeler, and open and close with the keyboard, at ${width} px, ${scheme}`, async () => {
      const { page: p } = await open(harness, page(`service=/&search-service=/&limit=3&labelers=${NEWSWATCH.did}`), { width, colorScheme: scheme });
      await waitForStatus(p, 'loaded');
      const claim = p.locator('discuss-thread details.warning .text');
      expect(await summary(p)).toEqual({ why: 'Unverified claim · labelled by Newswatch Moderation', show: true, hide: false });
      await expect(claim.isVisible()).resolves.toBe(false);
      const { host, found } = await boxes(p, 'details.warning > summary');
      expect(within(found[0], host)).toBe(true);
      await p.locator('discuss-thread details.warning summary').focus();
      await p.keyboard.press('Enter');
      await expect(claim.isVisible()).resolves.toBe(true);
      await expect(claim.textContent()).resolves.toContain('Heard the block ends tomorrow');
      expect(await summary(p)).toMatchObject({ show: false, hide: true });
      expect(await serious(p)).toEqual([]);
      await p.keyboard.press('Space');
      await expect(claim.isVisible()).resolves.toBe(false);
      expect(await summary(p)).toMatchObject({ show: true, hide: false });
      await p.close();
    });
  }

  it('say a label of Bluesky’s own was put there by Bluesky’s moderation service', async () => {
    const { page: p } = await open(harness, page(`service=/&search-service=/&url=${encodeURIComponent(HOSTILE_ARTICLE)}`), { width: 360 });
    await waitForStatus(p, 'loaded');
    expect(await summary(p)).toEqual({ why: 'Content warning · labelled by Bluesky Moderation Service', show: true, hide: false });
    await expect(p.locator('discuss-thread details.warning img').isVisible()).resolves.toBe(false);
    await p.close();
  });
});

/** The widget's visible controls that are filled (a background of their own), and its visible links. */
const controls = (p: Page) =>
  p.locator('discuss-thread').evaluate((el) => {
    const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('a, button')].filter((e) => e.getBoundingClientRect().width > 0);
    const filled = shown.filter((e) => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)').map((e) => e.textContent!.trim());
    const slotted = [...el.querySelectorAll<HTMLAnchorElement>(':scope > :not([slot]) a, :scope > a')].filter((a) => a.getBoundingClientRect().width > 0);
    return { filled, links: [...shown.filter((e) => e.tagName === 'A'), ...slotted].map((a) => a.textContent!.trim()) };
  });

describe('the error state', () => {
  for (const [width, scheme] of sizes) {
    it(`has one filled button and one link to Bluesky, the site's text kept, at ${width} px, ${scheme}`, async () => {
      const { page: p } = await open(harness, page('service=/s/error&search-service=/s/error&backlinks-service=none'), { width, colorScheme: scheme });
      await waitForStatus(p, 'error');
      expect(await controls(p)).toEqual({ filled: ['Try again'], links: ['Search Bluesky for this article'] });
      // The site's fallback here has no link: it shows, and ours stands beside it.
      await expect(p.locator('discuss-thread .fallback').isVisible()).resolves.toBe(true);
      const { host, found, overflow } = await boxes(p, '[part="retry"], .actions a');
      expect(found.every((box) => box.width > 0 && within(box, host))).toBe(true);
      expect(overflow).toBe(0);
      expect(await serious(p)).toEqual([]);
      await p.close();
    });
  }

  it('lets the site’s own link stand for its link to Bluesky', async () => {
    const { page: p } = await open(harness, '/demo/states.html', { width: 360 });
    await p.waitForFunction(() => document.querySelector('discuss-thread[service="/s/error"]')?.getAttribute('status') === 'error');
    const widget = p.locator('discuss-thread[service="/s/error"]');
    const seen = await widget.evaluate((el) => {
      const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('a, button')].filter((e) => e.getBoundingClientRect().width > 0);
      const site = el.querySelector('a')!;
      return { ours: shown.map((e) => e.textContent!.trim()), site: site.getBoundingClientRect().width > 0 ? site.textContent : '' };
    });
    expect(seen).toEqual({ ours: ['Try again'], site: 'on Bluesky' });
    await p.close();
  });
});

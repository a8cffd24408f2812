import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, serious, start, waitForStatus, type Harness } from './harness.ts';
import { NEWSWATCH } from '../../demo/appview/sample.ts';

// axe-core against the widget in every state, light and dark; keyboard-only use.
let harness: Harness;
const page = (query: string) => `/test/browser/fixtures/page.html?loading=eager&${query}`;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

const states = [
  ['searching', 'service=/s/slow&search-service=/s/slow'],
  // With the site's labeler, one reply is behind a content warning: axe checks that too.
  ['loaded', `service=/&search-service=/&limit=3&labelers=${NEWSWATCH.did}`],
  ['empty', 'service=/s/empty&search-service=/s/empty'],
  ['error', 'service=/s/error&search-service=/s/error&backlinks-service=none'],
] as const;

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [status, query] of states) {
      it(`has no serious axe violations when ${status}, ${scheme}`, async () => {
        const { page: p } = await open(harness, page(`${query}&theme=${scheme}`), { colorScheme: scheme });
        await p.evaluate((s) => (document.body.style.background = s === 'dark' ? '#111' : '#fff'), scheme);
        await waitForStatus(p, status);
        if (status === 'loaded') expect(await p.locator('discuss-thread details.warning:not([open])').count()).toBe(1);
        expect(await serious(p)).toEqual([]);
        await p.close();
      });
    }
  }

  it('sees inside the shadow root (a planted violation is reported)', async () => {
    const { page: p } = await open(harness, page('service=/&search-service=/'));
    await waitForStatus(p, 'loaded');
    await p
      .locator('discuss-thread')
      .evaluate((el) => el.shadowRoot!.querySelector('[part="list"]')!.append(Object.assign(document.createElement('img'), { src: '/x.png' })));
    expect((await serious(p)).some((v) => v.startsWith('image-alt'))).toBe(true);
    await p.close();
  });

  it('also passes with a warned post opened, on the hostile thread', async () => {
    const url = encodeURIComponent('https://news.example/opinion/2026/11/27/moderation-test');
    const { page: p } = await open(harness, page(`service=/&search-service=/&url=${url}`));
    await waitForStatus(p, 'loaded');
    await p.locator('discuss-thread details.warning summary').click();
    expect(await serious(p)).toEqual([]);
    await p.close();
  });

  it('reaches every link and button with the keyboard, in order, with a visible focus ring', async () => {
    const { page: p } = await open(harness, page('service=/&search-service=/&limit=2'));
    await waitForStatus(p, 'loaded');
    // A radio group (the order control) is one stop: its checked button.
    const controls = await p.locator('discuss-thread').evaluate((el) => el.shadowRoot!.querySelectorAll('a[href], button, summary, input:checked').length);
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: number[] = [];
    const rings: string[] = [];
    for (let i = 0; i < controls + 5; i++) {
      await p.keyboard.press('Tab');
      const focused = await p.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
        if (!inner) return null;
        const all = [...host!.shadowRoot!.querySelectorAll('a[href], button, summary, input:checked')];
        // A radio button, drawn by its label's text, shows its ring there.
        const drawn = inner.matches('input') ? inner.nextElementSibling! : inner;
        return { key: all.indexOf(inner), outline: getComputedStyle(drawn).outlineStyle };
      });
      if (!focused) continue;
      if (reached.length && focused.key === reached[0]) break; // Tab wrapped around the page
      reached.push(focused.key);
      rings.push(focused.outline);
    }
    // Every control once, in document order.
    expect(reached).toEqual(Array.from({ length: controls }, (_, i) => i));
    expect(rings.every((style) => style !== 'none')).toBe(true);
  });

  it('"Show more" works from the keyboard and moves focus to the first new post', async () => {
    const { page: p } = await open(harness, page('service=/&search-service=/&limit=2&sort=oldest'));
    await waitForStatus(p, 'loaded');
    await p.locator('discuss-thread .actions > button[part="more"]').focus();
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.querySelectorAll('.list > li').length === 4);
    await p.waitForFunction(() => document.querySelector('discuss-thread')!.shadowRoot!.activeElement?.tagName === 'ARTICLE');
    const label = await p.evaluate(() => document.querySelector('discuss-thread')!.shadowRoot!.activeElement!.getAttribute('aria-label'));
    expect(label).toBe('Post by Lena Ivanova 🛰️');
    await p.close();
  });
});

describe('a Korean reader on a dark page', () => {
  it('gets the whole interface in Korean, legible and axe-clean', async () => {
    const { page: p } = await open(harness, page('service=/&search-service=/&theme=dark&lang=ko&limit=2'), { colorScheme: 'dark' });
    await p.evaluate(() => (document.body.style.background = '#111'));
    await waitForStatus(p, 'loaded');
    const widget = p.locator('discuss-thread');
    await expect(widget.locator('[part="heading"]').textContent()).resolves.toContain('댓글');
    await expect(widget.locator('[part="compose"]').textContent()).resolves.toBe('Bluesky에서 토론하기');
    await expect(widget.locator('.actions > button[part="more"]').textContent()).resolves.toBe('더 보기');
    const colors = await widget.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(colors).toEqual({ color: 'rgb(232, 236, 240)', background: 'rgb(21, 25, 30)' });
    // Legible means drawn: Korean and emoji in the widget's own font must not come out as the empty
    // box of a missing glyph (a machine without the fonts fails here, as a reader's would show boxes).
    const missing = await widget.evaluate((el) => {
      const font = `32px ${getComputedStyle(el.shadowRoot!.querySelector('[part="heading"]')!).fontFamily}`;
      const draw = (text: string) => {
        const context = new OffscreenCanvas(48, 48).getContext('2d')!;
        context.font = font;
        context.fillText(text, 4, 38);
        return context.getImageData(0, 0, 48, 48).data.join();
      };
      const box = draw('\u{10FFFD}'); // a private-use code point no font draws
      return ['토', '론', '😟', '🙏🏻'].filter((text) => draw(text) === box);
    });
    expect(missing).toEqual([]);
    expect(await serious(p)).toEqual([]);
    await p.close();
  });
});

describe('motion and forced colours', () => {
  it('stops the searching animation when the reader prefers reduced motion', async () => {
    const { page: p } = await open(harness, page('service=/s/slow&search-service=/s/slow'));
    await waitForStatus(p, 'searching');
    const spinning = () => p.locator('discuss-thread [part="status"]').evaluate((el) => getComputedStyle(el, '::before').animationName);
    expect(await spinning()).toBe('spin');
    await p.emulateMedia({ reducedMotion: 'reduce' });
    expect(await spinning()).toBe('none');
    await p.close();
  });

  it('keeps borders and the focus ring in forced-colors mode', async () => {
    const { page: p } = await open(harness, page('service=/&search-service=/&limit=2'));
    await p.emulateMedia({ forcedColors: 'active' });
    await waitForStatus(p, 'loaded');
    const compose = p.locator('discuss-thread [part="compose"]');
    await compose.focus();
    const style = await compose.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle, border: s.borderTopStyle };
    });
    expect(style).toEqual({ outline: 'solid', border: 'solid' });
    await p.close();
  });
});

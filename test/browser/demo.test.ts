import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, start, waitForStatus, type Harness } from './harness.ts';

const ARTICLE = 'https://news.example/world/2026/11/27/norvia-blocks-whisperline';
let harness: Harness;

beforeAll(async () => {
  harness = await start();
});
afterAll(() => harness?.close());

describe('the demo page', () => {
  it('shows "Searching for posts…", then the discussion from the sample AppView', async () => {
    const { page, errors, preflights } = await open(harness, '/demo/?source=slow');
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'searching');
    await expect(page.locator('discuss-thread [part="status"]').textContent()).resolves.toContain('Searching for posts…');
    await waitForStatus(page, 'loaded');
    // The story, the six other posts linking the article, and two quotes of the story (rules below).
    expect(await page.locator('discuss-thread .list > li').count()).toBe(9);
    expect(errors).toEqual([]);
    expect(await preflights()).toEqual([]);
    await page.close();
  });

  it('renders the reply tree in order, with Korean text, facets and links to Bluesky', async () => {
    const { page } = await open(harness, '/demo/');
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    const story = page.locator('discuss-thread .list > li').first();
    await expect(story.locator(':scope > article [part="author"]').textContent()).resolves.toContain('Mina Park');
    // Sorted by engagement: Open Wire's reply (40 likes) before Sam's (12).
    const level1 = await story.locator(':scope > ol > li > article [part="text"]').allTextContents();
    expect(level1).toEqual([expect.stringMatching(/^We have published a guide/), expect.stringMatching(/^Great reporting/)]);
    // Depth 6 by default: Sam → Mina → Sam → Lena → 지우 → 현, and the seventh level is a link.
    const chain = await story.locator(':scope > ol > li').nth(1).locator('article [part="text"]').allTextContents();
    expect(chain).toEqual([
      expect.stringMatching(/^Great reporting/),
      expect.stringMatching(/^Two ISPs/),
      'Thanks. That is alarming.',
      expect.stringMatching(/^Same pattern/),
      '이런 패턴이 반복된다는 게 정말 무섭네요 😟',
      '맞아요. 기록해 두는 게 중요합니다 📝',
    ]);
    await expect(story.locator('a[part="more"]').textContent()).resolves.toBe('1 more reply on Bluesky');
    await expect(story.locator('button[part="more"]').textContent()).resolves.toContain('Show 1 more reply');
    const korean = page.locator('discuss-thread article', { hasText: '노르비아가' }).first();
    await expect(korean.locator('[part="text"]').getAttribute('lang')).resolves.toBe('ko');
    const tags = await korean.locator(':scope > [part="text"] a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(tags).toEqual([
      ARTICLE,
      'https://bsky.app/hashtag/%ED%94%84%EB%9D%BC%EC%9D%B4%EB%B2%84%EC%8B%9C',
      'https://bsky.app/hashtag/%EC%95%94%ED%98%B8%ED%99%94',
    ]);
    // Lena's photos, and again inside Sam's quote of her post.
    await expect(page.locator('discuss-thread [part="embed"] img[alt^="A long queue"]').count()).resolves.toBe(2);
    await expect(page.locator('discuss-thread blockquote.quote img[alt^="A long queue"]').count()).resolves.toBe(1);
    await expect(page.locator('discuss-thread .card', { hasText: 'How DNS and SNI blocking work' }).count()).resolves.toBe(1);
    // Sam's quote of Lena's post in full; Alex's quote of the story and the two that only getQuotes
    // finds, shown under the story, each as a line (issue 18, point 12).
    await expect(page.locator('discuss-thread blockquote.quote').count()).resolves.toBe(1);
    await expect(page.locator('discuss-thread p.quote.quoting').count()).resolves.toBe(3);
    await page.close();
  });

  it('links "Discuss on Bluesky" to the composer with the article prefilled', async () => {
    const { page } = await open(harness, '/demo/');
    const href = await page.locator('discuss-thread [part="compose"]').getAttribute('href');
    const text = new URL(href!).searchParams.get('text');
    expect(href!.startsWith('https://bsky.app/intent/compose?text=')).toBe(true);
    expect(text).toBe(`Norvia blocks Whisperline, the encrypted calling app millions rely on ${ARTICLE}`);
    await page.close();
  });

  it('keeps "5h" (and "5 hours ago", its spoken name) true while the page stays open', async () => {
    const page = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.clock.install();
    await page.goto(`${harness.origin}/demo/`);
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    const story = page.locator('discuss-thread .list > li > article time').first();
    await expect(story.textContent()).resolves.toBe('5h5 hours ago'); // shown, then said (visually hidden)
    const kept = await page.locator('discuss-thread [part="text"]').first().elementHandle();
    await page.clock.fastForward('02:00:00');
    await expect(story.textContent()).resolves.toBe('7h7 hours ago');
    // Only the time changed: the post's text is the same node as before.
    expect(await page.evaluate((el) => el!.isConnected, kept)).toBe(true);
    await page.close();
  });

  it('switches language and theme, as a site owner previews what readers will see', async () => {
    const { page } = await open(harness, '/demo/?lang=ko&theme=dark');
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    await expect(page.locator('discuss-thread [part="heading"]').textContent()).resolves.toContain('댓글');
    await expect(page.locator('discuss-thread').getAttribute('theme')).resolves.toBe('dark');
    await page.locator('#lang').selectOption('fr');
    await page.waitForFunction(() =>
      document.querySelector('discuss-thread')!.shadowRoot!.querySelector('[part="heading"]')!.textContent!.includes('Commentaires'),
    );
    await page.close();
  });

  it('shows no zero counts, and a summary never smaller than what is on the page', async () => {
    const { page } = await open(harness, '/demo/');
    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await waitForStatus(page, 'loaded');
    const seen = await page.locator('discuss-thread').evaluate((el) => {
      const root = el.shadowRoot!;
      const counts = [...root.querySelectorAll('[part="stats"] span[aria-hidden="true"]')].map((e) => e.textContent);
      const likes = [...root.querySelectorAll('[part="stats"] .sr')].map((e) => /([\d,]+) likes?/.exec(e.textContent!)?.[1]).filter(Boolean);
      return {
        counts,
        summary: root.querySelector('[part="summary"]')!.textContent!,
        roots: root.querySelectorAll('.list > li').length,
        replies: root.querySelectorAll('.list > li > ol article').length,
        likes: likes.reduce((total, n) => total + Number(n!.replace(/,/g, '')), 0),
      };
    });
    expect(seen.counts.length).toBeGreaterThan(0);
    expect(seen.counts).not.toContain('0');
    const count = (word: string) => Number(new RegExp(`([\\d,]+) ${word}`).exec(seen.summary)![1].replace(/,/g, ''));
    const [posts, replies, likes] = [count('posts'), count('replies'), count('likes')];
    expect(posts).toBe(seen.roots);
    expect(replies).toBeGreaterThanOrEqual(seen.replies);
    expect(likes).toBeGreaterThanOrEqual(seen.likes);
    await page.close();
  });

  it('switches every widget on the states page to the chosen language', async () => {
    const { page } = await open(harness, '/demo/states.html?lang=ru');
    const headings = () =>
      page.evaluate(() => [...document.querySelectorAll('discuss-thread')].map((el) => el.shadowRoot!.querySelector('[part="heading"]')?.textContent!.trim()));
    // Russian arrives as a chunk: until it does, a widget may show English (never nothing at all).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('discuss-thread')].every((el) => el.shadowRoot!.querySelector('[part="heading"]')?.textContent!.trim() === 'Комментарии'),
    );
    expect(new Set(await headings())).toEqual(new Set(['Комментарии']));
    await page.locator('#lang').selectOption('ja');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('discuss-thread')].every((el) => el.shadowRoot!.querySelector('[part="heading"]')?.textContent!.trim() === 'コメント'),
    );
    await page.close();
  });
});

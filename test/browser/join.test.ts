import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { serious, start, waitForStatus, type Harness } from './harness.ts';
import { startPds, type Pds } from './pds.ts';
import { SCOPE } from '../../src/join/scope.ts';

// Readers join from the page, against Bluesky's reference PDS and its OAuth authorization server on
// loopback: the real authorize and consent pages, real tokens, revoked on sign-out.
let harness: Harness;
let pds: Pds;
let alice: { did: string; handle: string };
const PASSWORD = 'alice-password';

beforeAll(async () => {
  [harness, pds] = await Promise.all([start(), startPds()]);
  // The sample AppView (in this process) knows the PDS's accounts and posts, as in `npm run demo:pds`.
  process.env.DEMO_PDS = pds.url;
  process.env.DEMO_PLC = pds.plc;
  alice = await pds.createAccount('alice', PASSWORD);
});
afterAll(async () => {
  await harness?.close();
  await pds?.stop();
});

/** The loopback client (atproto's client for local development): it comes back to join.html. */
const clientId = () => `http://localhost?${new URLSearchParams({ redirect_uri: `${harness.origin}/test/browser/fixtures/join.html`, scope: SCOPE })}`;

/**
 * A reader's tab on the test article. What a real network would answer is answered by the local
 * one: plc.directory by the PDS's PLC; the reader's handle, profile and posts by the sample AppView.
 */
async function article(withClient = true): Promise<Page> {
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  // The widget's files as the page fetches them, by name (hashes dropped): `scripts(page)`.
  const files: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/dist/discuss-thread')) files.push(path.replace(/-[\w-]{8}\.js$/, ''));
  });
  fetched.set(page, files);
  // (For every tab of this reader's browser: a returning reader opens another.)
  await context.route('https://plc.directory/**', async (route) => {
    const response = await fetch(pds.plc + new URL(route.request().url()).pathname);
    return route.fulfill({
      status: response.status,
      body: await response.text(),
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
    });
  });
  const query = new URLSearchParams({
    loading: 'eager',
    service: '/',
    'search-service': '/',
    'backlinks-service': 'none',
    ...(withClient ? { 'client-id': clientId() } : {}),
  });
  await page.goto(`${harness.origin}/test/browser/fixtures/join.html?${query}`);
  await waitForStatus(page, 'loaded');
  return page;
}

const fetched = new WeakMap<Page, string[]>();
const scripts = (page: Page) => fetched.get(page)!;

const join = (page: Page) => page.locator('discuss-thread [part="join"]');

/** The reader signed in by the consent test, shared (in order) by the tests after it: one walk through their server's pages, not one a test. */
let reader: Page;

/** What has the focus in the widget: its tag, and its name or label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('discuss-thread')!.shadowRoot!.activeElement;
    return el && `${el.tagName.toLowerCase()} ${el.getAttribute('name') ?? el.getAttribute('aria-label') ?? el.textContent?.trim()}`;
  });

type Box = { top: number; bottom: number; left: number; right: number; height: number };
/** The distance between two boxes (0 when they touch or overlap). */
const apart = (a: Box, b: Box) => Math.hypot(Math.max(0, b.left - a.right, a.left - b.right), Math.max(0, b.top - a.bottom, a.top - b.bottom));

/**
 * The open composer as laid out: its text box against the column it sits in (`column`: the element
 * whose left edge starts it, `right`: the one whose right edge ends it), and its row of counter,
 * Cancel and Post, which must be one line.
 */
async function composerLayout(page: Page, column: Locator, right: Locator = column) {
  const [start, end] = [await column.boundingBox(), await right.boundingBox()];
  return page.locator('discuss-thread .join-compose').evaluate(
    (form, [start, end]) => {
      const row = [...form.querySelector('.join-row')!.children].map((el) => el.getBoundingClientRect());
      const middles = row.map((box) => box.top + box.height / 2);
      const line = parseFloat(getComputedStyle(form.querySelector('.join-row > span')!).lineHeight);
      const box = form.querySelector('textarea')!.getBoundingClientRect();
      return {
        oneRow: Math.max(...middles) - Math.min(...middles) <= 4,
        counterLines: Math.round(row[0].height / line),
        boxStart: Math.round(box.left - start!.x),
        boxEnd: Math.round(start && end ? end.x + end.width - box.right : NaN),
      };
    },
    [start, end] as const,
  );
}

/** From "Sign in with Bluesky" to the PDS's sign-in page, as a reader would go. */
async function toTheirServer(page: Page) {
  await join(page).getByRole('button', { name: 'Sign in with Bluesky' }).click();
  await join(page).getByLabel('Your Bluesky handle').fill(`@${alice.handle}`);
  await join(page).getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === pds.url && url.pathname === '/oauth/authorize', { timeout: 20_000 });
  // The PDS fills in the handle the reader gave; they type only their password.
  await expect(page.locator('input[name="username"]').inputValue()).resolves.toBe(alice.handle);
  await password(page);
}

/** On their server's sign-in page: the reader's password. */
async function password(page: Page) {
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** On their server's consent page: "Authorize", then back on the article (its query kept), signed in. */
async function authorize(page: Page) {
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL((url) => url.origin === harness.origin && url.search !== '', { timeout: 20_000 });
  await join(page).getByText(`Signed in as @${alice.handle}`).waitFor({ timeout: 20_000 });
}

const box = async (locator: Locator): Promise<Box> => {
  const { x, y, width, height } = (await locator.boundingBox())!;
  return { top: y, bottom: y + height, left: x, right: x + width, height };
};

/** A liked post shows a filled pink heart, a reposted one a green arrow, as on bsky.app: light, dark, forced colours; axe-clean. */
async function pressedLooks(page: Page, post: Locator) {
  const paint = (name: RegExp) =>
    post
      .getByRole('button', { name })
      .evaluate((button) => ({ color: getComputedStyle(button).color, fill: getComputedStyle(button.querySelector('svg')!).fill }));
  await expect(paint(/^Like/)).resolves.toEqual({ color: 'rgb(219, 39, 119)', fill: 'rgb(219, 39, 119)' });
  await expect(paint(/^Repost/)).resolves.toEqual({ color: 'rgb(19, 130, 10)', fill: 'none' });
  expect(await serious(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(paint(/^Like/)).resolves.toEqual({ color: 'rgb(236, 72, 153)', fill: 'rgb(236, 72, 153)' });
  await expect(paint(/^Repost/)).resolves.toEqual({ color: 'rgb(32, 188, 7)', fill: 'none' });
  expect(await serious(page)).toEqual([]);
  // Forced colours: the heart still filled, in a colour of its own, unlike the counts beside it.
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
  const [liked, reply] = [await paint(/^Like/), await paint(/^Reply/)];
  expect(liked.fill).toBe(liked.color);
  expect(liked.color).not.toBe(reply.color);
  expect(reply.fill).toBe('none');
  await page.emulateMedia({ forcedColors: 'none' });
}

/** Signed in, the header's one action is "Post about this article"; who is signed in, and "Sign out", a quiet line well apart from it. */
async function header(page: Page) {
  const signOut = join(page).getByRole('button', { name: 'Sign out' });
  const post = join(page).getByRole('button', { name: 'Post about this article' });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 720 });
    const [quiet, loud] = await Promise.all(
      [signOut, post].map((button) =>
        button.evaluate((b) => ({ weight: getComputedStyle(b).fontWeight, color: getComputedStyle(b).color, size: parseFloat(getComputedStyle(b).fontSize) })),
      ),
    );
    expect(quiet.weight, `${width}`).toBe('400');
    expect(quiet.color).not.toBe(loud.color); // not the accent
    expect(quiet.size).toBeLessThan(loud.size);
    await expect(signOut.evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe('rgba(0, 0, 0, 0)');
    expect(apart(await box(signOut), await box(post)), `${width}`).toBeGreaterThanOrEqual(24);
  }
}

/** "Post about this article", open: the article's card as it will be posted (title, domain, picture), the text box the header's width, one row. */
async function topComposer(page: Page) {
  const card = join(page).locator('.join-compose').getByText('Norvia blocks Whisperline');
  await expect(card.textContent()).resolves.toBe('Norvia blocks Whisperline');
  await expect(join(page).locator('.join-compose').getByText('news.example', { exact: true }).count()).resolves.toBe(1);
  const picture = join(page).locator('.join-compose img');
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 720 });
    const header = page.locator('discuss-thread header');
    await expect(composerLayout(page, header), `${width}`).resolves.toEqual({ oneRow: true, counterLines: 1, boxStart: 0, boxEnd: 0 });
    expect((await box(picture)).right).toBeLessThan((await box(card)).left); // the picture beside the title
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(await serious(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await serious(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * On a phone, in Korean (the element's `lang`): the composer's row stays one line in Korean words, its
 * text box is Korean, and the reply, marked Korean, breaks between words only. Its text, returned.
 */
async function inKorean(page: Page, post: Locator): Promise<string> {
  const widget = page.locator('discuss-thread');
  await widget.evaluate((el) => el.setAttribute('lang', 'ko'));
  await page.setViewportSize({ width: 360, height: 720 });
  await post.getByRole('button', { name: /^답글/ }).click();
  const text =
    '노르비아의 차단 조치는 통신의 자유를 심각하게 위협합니다. 국제 사회가 함께 목소리를 내야 할 때입니다. 가족과 통화하지 못하는 사람들이 많습니다.';
  const textbox = widget.locator('textarea');
  await textbox.fill(text);
  await expect(textbox.evaluate((el: HTMLTextAreaElement) => [el.lang, getComputedStyle(el).wordBreak])).resolves.toEqual(['ko', 'keep-all']);
  await expect(composerLayout(page, post.locator('[part="text"]'), post)).resolves.toEqual({ oneRow: true, counterLines: 1, boxStart: 0, boxEnd: 0 });
  await widget.locator('.join-compose').getByRole('button', { name: '게시' }).click();
  const posted = widget.locator('article', { hasText: '노르비아의 차단' }).locator('[part="text"]');
  await posted.waitFor({ timeout: 10_000 });
  // Each word's boxes on one line; and the text does wrap, over several lines, for that to mean something.
  const laid = await posted.evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const split: string[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
      for (const word of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(word[0]);
      }
    return { split, lines: Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)) };
  });
  expect(laid.split).toEqual([]);
  expect(laid.lines).toBeGreaterThanOrEqual(3);
  await widget.evaluate((el) => el.removeAttribute('lang'));
  await page.setViewportSize({ width: 1280, height: 720 });
  return text;
}

// Each test walks a reader through a real PDS's pages (sign-in, consent, several writes): about 15 s
// on an idle machine, twice that with another CPU-heavy job beside it. The limit is for a test that
// hangs, not a measure of speed, so it leaves room for a loaded machine. The tests after the consent
// test share its signed-in reader, in order (one sign-in walk, not one a test): each leaves the
// reader signed in, with no composer open.
describe('joining from the page, against a real PDS', { timeout: 120_000 }, () => {
  it('without client-id shows no sign-in and fetches none of its code; with it, the code comes when the reader asks', async () => {
    const plain = await article(false);
    await expect(join(plain).count()).resolves.toBe(0);
    await expect(plain.locator('discuss-thread [part="stats"] a.reply').count()).resolves.toBeGreaterThan(0); // replies are links to Bluesky
    expect(scripts(plain)).toEqual(['/dist/discuss-thread.js', '/dist/discuss-thread/lazy']);
    await plain.context().close();

    const page = await article();
    await expect(join(page).getByRole('button', { name: 'Sign in with Bluesky' }).count()).resolves.toBe(1);
    expect(scripts(page)).toEqual(['/dist/discuss-thread.js', '/dist/discuss-thread/lazy']);
    await join(page).getByRole('button', { name: 'Sign in with Bluesky' }).click();
    await join(page).getByLabel('Your Bluesky handle').waitFor();
    expect(scripts(page)).toEqual(['/dist/discuss-thread.js', '/dist/discuss-thread/lazy', '/dist/discuss-thread/join']);
    // The reader types at once: the focus is in the handle field; Cancel gives it back to where they were.
    await expect.poll(() => focused(page)).toBe('input handle');
    await join(page).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(page)).toBe('button Sign in with Bluesky');
    await page.context().close();
  });

  it('signs in with a handle through the PDS’s consent page, returns to the article, and is still signed in after a reload', async () => {
    const page = await article();
    expect(await join(page).textContent()).toContain('Sign in with Bluesky');
    await toTheirServer(page);
    // The consent page lists what the site asks for: posts, likes and reposts, nothing more.
    const authorize = page.getByRole('button', { name: 'Authorize' });
    await authorize.waitFor({ timeout: 20_000 });
    // What the PDS tells the reader they grant: its table of permissions, then the exact scopes.
    await page.getByRole('button', { name: 'Expand details' }).click();
    await page.getByText(/requests the permissions necessary/).waitFor({ timeout: 10_000 });
    const table = await page
      .locator('table tr')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!.trim() || (cell.querySelector('svg') ? '✓' : ''))));
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Technical details' }).click();
    await page.getByText(/requesting the following permissions/).waitFor({ timeout: 10_000 });
    const technical = (await page.locator('body').innerText()).split('This application identifies itself as:')[1] ?? '';
    // The scopes written out, not SCOPE (which would agree with itself however wide it grew): any
    // upload (`blob:*/*`) instead of images, editing posts, following… fails here.
    const scopes = technical.split('requesting the following permissions (scopes) to access your account:')[1]?.trim().split('\n')[0];
    expect(scopes?.split(' ')).toEqual([
      'atproto',
      'repo:app.bsky.feed.post?action=create',
      'repo:app.bsky.feed.like?action=create&action=delete',
      'repo:app.bsky.feed.repost?action=create&action=delete',
      'blob:image/*',
    ]);
    expect(technical).not.toMatch(/transition:/);
    await page.getByRole('button', { name: 'Close' }).click();
    const consent = [await page.locator('body').innerText(), table.map((row) => row.join(' | ')).join('\n')].join('\n');
    expect(consent).toContain(alice.handle);
    // Posts may only be created; likes and reposts created and deleted (unlike, undo a repost); images uploaded.
    expect(table).toEqual([
      ['Data', 'Create', 'Update', 'Delete'],
      ['app.bsky.feed.like', '✓', '', '✓'],
      ['app.bsky.feed.post', '✓', '', ''],
      ['app.bsky.feed.repost', '✓', '', '✓'],
      // The article's picture on a post's link card; the scope itself says images only (`blob:image/*`).
      ['Blob storage', 'Upload files'],
    ]);
    await authorize.click();
    await page.waitForURL((url) => url.origin === harness.origin, { timeout: 20_000 });
    await waitForStatus(page, 'loaded');
    await expect(join(page).getByText(`Signed in as @${alice.handle}`).waitFor({ timeout: 20_000 })).resolves.toBeUndefined();
    expect(page.url()).toContain('join.html?'); // back on the article, with its query, no callback in the address
    expect(new URL(page.url()).hash).toBe('');
    console.log(`consent page:\n${consent}\n---\n${technical}`);

    // A reload restores the session from this origin's IndexedDB, with no trip to the PDS's pages.
    await page.reload();
    await join(page).getByText(`Signed in as @${alice.handle}`).waitFor({ timeout: 20_000 });

    reader = page; // signed in, for the tests that follow
  });

  it('likes, reposts, replies and posts about the article from the page; the PDS holds exactly those records', async () => {
    const page = reader;
    // The pinned story, by its text: the reader's own new post will come first in the list.
    const story = page.locator('discuss-thread .list > li > article').filter({ hasText: 'New from me' }).first();
    await expect(story.locator('[part="text"]').textContent()).resolves.toMatch(/^New from me/);
    const storyUri = 'at://did:plc:sw7fivsls5jd6l344ydke56c/app.bsky.feed.post/3m6aaa2story';

    // Like and repost: shown at once (152 → 153 likes), then written to the reader's repo.
    await story.getByRole('button', { name: /^Like/ }).click();
    await expect(story.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(story.getByRole('button', { name: /^Like/ }).textContent()).resolves.toContain('153');
    await story.getByRole('button', { name: /^Repost/ }).click();
    await expect.poll(async () => (await pds.listRecords(alice.did, 'app.bsky.feed.like')).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await pds.listRecords(alice.did, 'app.bsky.feed.repost')).length, { timeout: 10_000 }).toBe(1);
    const [like] = (await pds.listRecords(alice.did, 'app.bsky.feed.like')) as unknown as Array<{ value: { subject: { uri: string; cid: string } } }>;
    expect(like.value.subject).toEqual({ uri: storyUri, cid: expect.stringMatching(/^bafyrei/) });
    await pressedLooks(page, story);
    await header(page);

    // A reply to a reply: its root is the story, its parent the reply; links, tags and mentions as facets.
    const reply = page.locator('discuss-thread article', { hasText: 'Two ISPs confirmed' });
    await reply.getByRole('button', { name: /^Reply/ }).click();
    // The composer says whom it answers, and the reader types at once: the focus is in its text box.
    await expect(
      page
        .locator('discuss-thread .join-compose')
        .getByText(/^Replying to/)
        .textContent(),
    ).resolves.toBe('Replying to @minapark.news.example');
    await expect.poll(() => focused(page)).toBe('textarea Your reply');
    const text = `Thanks @${alice.handle}! Background: https://news.example/more. #Norvia 🛰️`;
    await page.locator('discuss-thread textarea').fill(text);
    await expect(page.locator('discuss-thread .join-left').textContent()).resolves.toBe(`${300 - [...new Intl.Segmenter().segment(text)].length} left`);
    // The text box spans the post's text column, and the counter, Cancel and Post share one line, on a phone too.
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 720 });
      await expect(composerLayout(page, reply.locator('[part="text"]'), reply), `${width}`).resolves.toEqual({
        oneRow: true,
        counterLines: 1,
        boxStart: 0,
        boxEnd: 0,
      });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(await serious(page)).toEqual([]); // the composer, open with its counter, is axe-clean
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await serious(page)).toEqual([]); // and dark
    await page.emulateMedia({ colorScheme: 'light' });
    const replies = async () => Number(/\d+/.exec((await reply.getByRole('button', { name: /^Reply/ }).textContent())!)?.[0] ?? 0);
    const before = await replies();
    // The post's line says each state as it comes, recorded here so that a quick AppView cannot
    // hide the first from a check made after it.
    await page.evaluate(() => {
      const root = document.querySelector('discuss-thread')!.shadowRoot!;
      const states: string[] = ((window as unknown as { sent: string[] }).sent = []);
      new MutationObserver(() => {
        const text = root.querySelector('.join-sent')?.textContent?.trim();
        if (text && text !== states.at(-1)) states.push(text);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('discuss-thread .join-compose').getByRole('button', { name: 'Post' }).click();

    // It shows at once as a post in the thread, under the one it answers, and takes the focus; then
    // the AppView confirms it (the sample one, which reads the PDS as the real one indexes it).
    const mine = page.locator('discuss-thread article', { hasText: 'Background' });
    await mine.waitFor({ timeout: 10_000 });
    await expect(mine.evaluate((article) => article.closest('ol')!.closest('li')!.querySelector(':scope > article')!.textContent)).resolves.toContain(
      'Two ISPs confirmed',
    );
    await expect(mine.locator('[part="author"]').textContent()).resolves.toContain(`@${alice.handle}`);
    const links = await mine.locator('[part="text"] a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      [`@${alice.handle}`, `https://bsky.app/profile/${encodeURIComponent(alice.did)}`],
      ['https://news.example/more', 'https://news.example/more'],
      ['#Norvia', 'https://bsky.app/hashtag/Norvia'],
    ]);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('discuss-thread')!.shadowRoot!.activeElement?.textContent ?? ''))
      .toContain('Background');
    await expect(replies()).resolves.toBe(before + 1);
    const status = page.locator('discuss-thread .join-sent');
    // "Sent: Bluesky will show it in a moment" until the AppView has it, then a link to it there.
    await status.getByRole('link', { name: 'On Bluesky' }).waitFor({ timeout: 10_000 });
    const states = await page.evaluate(() => (window as unknown as { sent: string[] }).sent);
    expect(states[0]).toContain('Bluesky will show it in a moment');
    expect(states.at(-1)).toBe('On Bluesky');
    const rkey = (await status.getAttribute('data-uri'))!.split('/').pop();
    await expect(status.getByRole('link').getAttribute('href')).resolves.toBe(`https://bsky.app/profile/${alice.handle}/post/${rkey}`);
    expect(await serious(page)).toEqual([]); // the reader's post and its line, light
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await serious(page)).toEqual([]); // and dark
    await page.emulateMedia({ colorScheme: 'light' });

    // A new post about the article, with its link card from the page's Open Graph tags: first in the list.
    await join(page).getByRole('button', { name: 'Post about this article' }).click();
    await expect.poll(() => focused(page)).toBe('textarea Post about this article');
    await topComposer(page);
    await join(page).locator('textarea').fill('Worth reading.');
    await join(page).locator('.join-compose').getByRole('button', { name: 'Post' }).click();
    await expect
      .poll(() => page.locator('discuss-thread .list > li > article').first().locator('[part="text"]').textContent(), { timeout: 10_000 })
      .toBe('Worth reading.');
    await expect(join(page).locator('textarea').count()).resolves.toBe(0);

    const card = readFileSync('test/browser/fixtures/card.png');
    // A picture Bluesky would not take leaves the card without it, and the post still goes: a missing
    // one, one over Bluesky's 1 MB, one of a kind its CDN does not show.
    await page.route('**/fixtures/big.png', (route) => route.fulfill({ contentType: 'image/png', body: Buffer.concat([card, Buffer.alloc(1_000_001)]) }));
    await page.route('**/fixtures/card.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' }));
    const unpictured = { 'missing.png': 'No picture.', 'big.png': 'Too big a picture.', 'card.svg': 'An SVG picture.' };
    for (const [image, text] of Object.entries(unpictured)) {
      await page.evaluate((src) => document.querySelector('meta[property="og:image"]')!.setAttribute('content', src), image);
      await join(page).getByRole('button', { name: 'Post about this article' }).click();
      await join(page).locator('textarea').fill(text);
      await join(page).locator('.join-compose').getByRole('button', { name: 'Post' }).click();
      await page.locator('discuss-thread article', { hasText: text }).waitFor({ timeout: 10_000 });
    }

    // A reply straight to the story: root and parent are the same post, named by reference only.
    await story.getByRole('button', { name: /^Reply/ }).click();
    await page.locator('discuss-thread textarea').fill('Agreed.');
    await page.locator('discuss-thread .join-compose').getByRole('button', { name: 'Post' }).click();
    await page.locator('discuss-thread article', { hasText: 'Agreed.' }).waitFor({ timeout: 10_000 });
    const korean = await inKorean(page, story);

    const posts = await pds.listRecords(alice.did, 'app.bsky.feed.post');
    for (const text of Object.values(unpictured))
      expect((posts.find((p) => p.value.text === text)!.value.embed as { external: object }).external, text).not.toHaveProperty('thumb');
    expect(posts.find((p) => p.value.text === korean)!.value.langs).toEqual(['ko']);
    const storyRef = { uri: storyUri, cid: like.value.subject.cid };
    expect(posts.find((p) => p.value.text === 'Agreed.')!.value.reply).toEqual({ root: storyRef, parent: storyRef });
    const replied = posts.find((p) => p.value.text === text)!;
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    const at = (s: string) => bytes(text.slice(0, text.indexOf(s)));
    expect(replied.value.reply).toEqual({
      root: storyRef,
      parent: { uri: expect.stringMatching(/\/3m6aac2mina$/), cid: expect.stringMatching(/^bafyrei/) },
    });
    expect(replied.value).toMatchObject({
      langs: ['en'],
      facets: [
        {
          index: { byteStart: at('@'), byteEnd: at('@') + bytes(`@${alice.handle}`) },
          features: [{ $type: 'app.bsky.richtext.facet#mention', did: alice.did }],
        },
        {
          index: { byteStart: at('https'), byteEnd: at('https') + bytes('https://news.example/more') },
          features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://news.example/more' }],
        },
        { index: { byteStart: at('#'), byteEnd: at('#') + bytes('#Norvia') }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Norvia' }] },
      ],
    });
    const about = posts.find((p) => p.value.text === 'Worth reading.')!;
    expect(about.value.embed).toEqual({
      $type: 'app.bsky.embed.external',
      external: {
        uri: 'https://news.example/world/2026/11/27/norvia-blocks-whisperline',
        title: 'Norvia blocks Whisperline',
        description: 'The block came without notice on Thursday night.',
        thumb: { $type: 'blob', ref: { $link: expect.stringMatching(/^bafkrei/) }, mimeType: 'image/png', size: card.length },
      },
    });
    expect(about.value.reply).toBeUndefined();
    // The card's picture is the page's og:image, uploaded to the reader's PDS byte for byte.
    const thumb = (about.value.embed as { external: { thumb: { ref: { $link: string } } } }).external.thumb.ref.$link;
    const blob = await fetch(`${pds.url}/xrpc/com.atproto.sync.getBlob?${new URLSearchParams({ did: alice.did, cid: thumb })}`);
    expect(Buffer.from(await blob.arrayBuffer()).equals(card)).toBe(true);

    // Threadgates: where the author turned replies off, the reader is told so instead of a composer;
    // where they limited them to their followers, the reader is told their reply may not be shown.
    const closed = page.locator('discuss-thread article', { hasText: 'How a block like this works' });
    await closed.getByRole('button', { name: /^Reply/ }).click();
    await expect(page.locator('discuss-thread .join-note').textContent()).resolves.toBe('The author has turned off replies to this thread.');
    await expect(page.locator('discuss-thread textarea').count()).resolves.toBe(0);
    await closed.getByRole('button', { name: /^Reply/ }).click();
    const limited = page.locator('discuss-thread article', { hasText: '짧은 영상으로' });
    await limited.getByRole('button', { name: /^Reply/ }).click();
    await expect(page.locator('discuss-thread .join-note').textContent()).resolves.toBe('The author limits who can reply here; yours may not be shown.');
    await expect(page.locator('discuss-thread textarea').count()).resolves.toBe(1);
    await limited.getByRole('button', { name: /^Reply/ }).click();

    // After a reload the reader's like is still theirs (read from their repo): pressed, and the
    // count is the AppView's, which holds it (the sample AppView's 152 does not, so it reads 152).
    await page.reload();
    await join(page).getByText(`Signed in as @${alice.handle}`).waitFor({ timeout: 20_000 });
    await expect.poll(() => story.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed')).toBe('true');
    await expect(story.getByRole('button', { name: /^Like/ }).textContent()).resolves.toContain('152');

    // Unlike: the like record is deleted.
    await story.getByRole('button', { name: /^Like/ }).click();
    await expect(story.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed')).resolves.toBe('false');
    await expect.poll(async () => (await pds.listRecords(alice.did, 'app.bsky.feed.like')).length, { timeout: 10_000 }).toBe(0);
  });

  it('restores a returning reader’s session only once the widget nears the viewport: nothing of sign-in is fetched before', async () => {
    const context = reader.context(); // the reader signed in here once: this origin keeps the mark
    // Another tab: a long article, its widget far below the fold and loading lazily (the default).
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // (Served as it is, not rewritten by a route: a page Chromium did not get from this loopback
    // origin may not ask the reader's PDS on localhost anything, and its failures are the session's.)
    const query = new URLSearchParams({ service: '/', 'search-service': '/', 'backlinks-service': 'none', 'client-id': clientId(), above: '6000' });
    await page.goto(`${harness.origin}/test/browser/fixtures/join.html?${query}`);
    await join(page).waitFor(); // the widget is on the page, with its sign-in control
    await page.waitForLoadState('networkidle'); // whatever the page was going to fetch, it has asked for
    await expect(page.evaluate(() => localStorage.getItem('discuss-thread:signed-in'))).resolves.toBe(clientId());
    await expect(page.locator('discuss-thread').getAttribute('status')).resolves.toBe('idle');
    // No sign-in code, no OAuth metadata, no token refresh, no profile, no earlier likes: nothing
    // that tells the reader's server or the AppView that this account reads this page.
    const signIn = (url: string) =>
      url.includes('/dist/discuss-thread/join') || url.startsWith(pds.url) || url.includes('/xrpc/') || url.includes('plc.directory');
    expect(requests.filter(signIn)).toEqual([]);
    await expect(join(page).textContent()).resolves.toBe('Sign in with Bluesky');

    await page.locator('discuss-thread').scrollIntoViewIfNeeded();
    await join(page).getByText(`Signed in as @${alice.handle}`).waitFor({ timeout: 20_000 });
    expect(requests.filter((url) => url.includes('/dist/discuss-thread/join'))).toHaveLength(1);
    expect(requests.some((url) => url.includes('/xrpc/app.bsky.actor.getProfile'))).toBe(true);
    await page.close();
  });

  it('signs in with the address of the reader’s server instead of a handle', async () => {
    const page = await article();
    await join(page).getByRole('button', { name: 'Sign in with Bluesky' }).click();
    const input = join(page).getByLabel('Your Bluesky handle');
    await expect(input.getAttribute('aria-describedby').then((id) => join(page).locator(`#${id}`).textContent())).resolves.toBe(
      'Or your server’s address, such as https://bsky.social',
    );
    expect(await serious(page)).toEqual([]); // the handle form
    await input.fill(pds.url);
    await join(page).getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === pds.url && url.pathname === '/oauth/authorize', { timeout: 20_000 });
    // No handle was given: the server welcomes the reader, who signs in there with their handle.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('input[name="username"]').fill(alice.handle);
    await password(page);
    await authorize(page);
    await page.context().close();
  });

  it('says so when the reader denies consent, and lets them try again', async () => {
    const page = await article();
    await toTheirServer(page);
    const deny = page.getByRole('button', { name: /Deny access/i });
    await deny.waitFor({ timeout: 20_000 });
    await deny.click();
    await page.waitForURL((url) => url.origin === harness.origin, { timeout: 20_000 });
    await join(page).getByText('Sign-in was cancelled; nothing was shared.').waitFor({ timeout: 20_000 });
    await expect(join(page).getByRole('button', { name: 'Sign in with Bluesky' }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('says a fixed message when a return from the reader’s server fails, repeats nothing from the address, and keeps the mark', async () => {
    const page = await article();
    // A reader who signed in here before follows a link made to look like a return from their
    // server: whatever it says must not reach the page, and it must not sign them out.
    await page.evaluate((id) => localStorage.setItem('discuss-thread:signed-in', id), clientId());
    const lure = 'Your account is locked: call +1 555 0100';
    const callback = new URLSearchParams({ state: lure, error: 'server_error', error_description: lure, iss: pds.url });
    await page.goto(`${harness.origin}/test/browser/fixtures/join.html#${callback}`);
    const alert = join(page).getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    await expect(alert.textContent()).resolves.toBe('Sign-in did not finish. Please try again.');
    await expect(join(page).textContent()).resolves.not.toContain('locked');
    await expect(join(page).getByRole('button', { name: 'Sign in with Bluesky' }).count()).resolves.toBe(1);
    await expect(page.evaluate(() => localStorage.getItem('discuss-thread:signed-in'))).resolves.toBe(clientId());
    await page.context().close();
  });

  it('signs out, revoking the tokens and leaving nothing; another tab then says the session has ended, puts the like back, and keeps the reply through signing in again', async () => {
    const page = reader;
    // The same reader signs out in another tab of this site: the tokens are revoked at their server.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await join(other).getByText(`Signed in as @${alice.handle}`).waitFor({ timeout: 20_000 });
    const revoked = other.waitForRequest((request) => request.url().startsWith(`${pds.url}/oauth/revoke`));
    await join(other).getByRole('button', { name: 'Sign out' }).click();
    await revoked;
    await join(other).getByRole('button', { name: 'Sign in with Bluesky' }).waitFor();
    // Nothing of the session is left in the browser (the first tab has it in memory only, until it next asks).
    const left = await other.evaluate(async () => {
      const names = (await indexedDB.databases()).map((db) => db.name!);
      const sessions: unknown[] = [];
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of [...db.objectStoreNames].filter((s) => /session/i.test(s)))
          sessions.push(
            ...(await new Promise<unknown[]>((resolve) => {
              const request = db.transaction(store).objectStore(store).getAll();
              request.onsuccess = () => resolve(request.result);
            })),
          );
        db.close();
      }
      return { names, sessions, mark: localStorage.getItem('discuss-thread:signed-in') };
    });
    expect(left.names.length).toBeGreaterThan(0);
    expect(left.sessions).toEqual([]);
    expect(left.mark).toBeNull();

    await other.close();
    const story = page.locator('discuss-thread .list > li > article').first();
    await story.getByRole('button', { name: /^Like/ }).click();
    await page.locator('discuss-thread .join-error').waitFor({ timeout: 15_000 });
    await expect(page.locator('discuss-thread .join-error').textContent()).resolves.toBe(
      'Your session has ended: sign in again. Your text is kept. Sign in with Bluesky',
    );
    await expect(story.getByRole('button', { name: /^Like/ }).getAttribute('aria-pressed')).resolves.toBe('false');
    expect(await pds.listRecords(alice.did, 'app.bsky.feed.like')).toEqual([]);

    // A reply written meanwhile is refused the same way; "Sign in with Bluesky" right there takes the
    // reader to their server and back, where the reply waits in its composer.
    await story.getByRole('button', { name: /^Reply/ }).click();
    const text = 'Written while my session was ending.';
    await page.locator('discuss-thread textarea').fill(text);
    await page.locator('discuss-thread .join-compose').getByRole('button', { name: 'Post' }).click();
    const error = page.locator('discuss-thread .join-error');
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toContain('Your session has ended');
    await error.getByRole('button', { name: 'Sign in with Bluesky' }).click();
    await page.waitForURL((url) => url.origin === pds.url && url.pathname === '/oauth/authorize', { timeout: 20_000 });
    await password(page);
    await authorize(page);
    await story.getByRole('button', { name: /^Reply/ }).click();
    await expect(page.locator('discuss-thread textarea').inputValue()).resolves.toBe(text);
    await page.locator('discuss-thread .join-compose').getByRole('button', { name: 'Post' }).click();
    await page.locator('discuss-thread article', { hasText: text }).waitFor({ timeout: 10_000 });
    expect((await pds.listRecords(alice.did, 'app.bsky.feed.post')).map((p) => p.value.text)).toContain(text);
  });

  it('says what the reader’s server objected to when it refuses a post, and keeps the text', async () => {
    const page = reader;
    // The real PDS accepts what the composer sends; its refusal (a 400 on create) is played here.
    await page.route(`${pds.url}/xrpc/com.atproto.repo.createRecord`, (route) =>
      route.fulfill({
        status: 400,
        json: { error: 'InvalidRecord', message: 'Record/text must not be longer than 300 graphemes' },
        headers: { 'access-control-allow-origin': '*' },
      }),
    );
    await page
      .locator('discuss-thread .list > li > article')
      .first()
      .getByRole('button', { name: /^Reply/ })
      .click();
    await page.locator('discuss-thread textarea').fill('Refused, but kept.');
    await page.locator('discuss-thread .join-compose').getByRole('button', { name: 'Post' }).click();
    await page.locator('discuss-thread .join-error').waitFor({ timeout: 10_000 });
    await expect(page.locator('discuss-thread .join-error').textContent()).resolves.toBe(
      'Your server did not accept it (Record/text must not be longer than 300 graphemes). Your text is kept.',
    );
    await expect(page.locator('discuss-thread .join-error button').count()).resolves.toBe(0); // signing in again would not help
    await expect(page.locator('discuss-thread textarea').inputValue()).resolves.toBe('Refused, but kept.');
    await page.unroute(`${pds.url}/xrpc/com.atproto.repo.createRecord`);
    // Cancel closes the composer, keeping the text, and gives the focus back to the post's Reply.
    await page.locator('discuss-thread .join-compose').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(page)).toMatch(/^button Reply/);
  });

  // Last: it stops the PDS.
  it('keeps what the reader typed when their PDS stops mid-post, through a reload', async () => {
    const page = reader;
    const story = page.locator('discuss-thread .list > li > article').first();
    await story.getByRole('button', { name: /^Reply/ }).click();
    const text = 'A careful reply that must not be lost.';
    await page.locator('discuss-thread textarea').fill(text);
    await pds.stop();
    await page.locator('discuss-thread .join-compose').getByRole('button', { name: 'Post' }).click();
    await page.locator('discuss-thread .join-error').waitFor({ timeout: 15_000 });
    await expect(page.locator('discuss-thread .join-error').textContent()).resolves.toBe('Your server could not be reached. Your text is kept; try again.');
    await expect(page.locator('discuss-thread .join-error button').count()).resolves.toBe(0);
    await expect(page.locator('discuss-thread textarea').inputValue()).resolves.toBe(text);
    // A reload (the session is still stored; the server is still down) keeps the draft too.
    await page.reload();
    await waitForStatus(page, 'loaded');
    await join(page).getByText(`Signed in as @${alice.handle}`).waitFor({ timeout: 20_000 });
    await page
      .locator('discuss-thread .list > li > article')
      .first()
      .getByRole('button', { name: /^Reply/ })
      .click();
    await expect(page.locator('discuss-thread textarea').inputValue()).resolves.toBe(text);
    await page.context().close();
  });
});

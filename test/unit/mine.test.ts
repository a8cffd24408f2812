import { afterEach, describe, expect, it, vi } from 'vitest';
import { html, nothing, render } from 'lit';
import { parsePost } from '../../src/bluesky/parse.ts';
import { readInputs, type Page } from '../../src/inputs.ts';
import { shell } from '../../src/templates/shell.ts';
import { lazy } from '../../src/lazy.ts';
import type { Actions } from '../../src/templates/posts.ts';
import type { Post, ThreadNode } from '../../src/bluesky/model.ts';
import type { LoadState } from '../../src/load.ts';
import { Outbox } from '../../src/join/outbox.ts';
import type { Port } from '../../src/join/port.ts';
import { messages } from '../../src/i18n/messages.ts';
import { actor, post } from '../../demo/appview/build.ts';

// What a signed-in reader posts from the page shows in the discussion at once, through the hook the
// sign-in code gives the templates (`View.mine`, the outbox's own `mine`): new posts first in the
// list, replies under the post they answer, once each, the reader's first post on an article
// nobody discussed yet, and still after they sign out (the posts are on Bluesky).

const page: Page = { baseURI: 'https://news.example/story', href: 'https://news.example/story', title: 'Story' };
const inputs = readInputs({ url: 'https://news.example/story', clientId: 'https://news.example/client-metadata.json' }, page, vi.fn());
const t = messages('en')!;

const node = (rkey: string, text: string, by = actor('mina'), replies: ThreadNode[] = []): ThreadNode => ({
  ...(parsePost(post({ author: by, rkey, createdAt: '2026-11-27T11:00:00.000Z', text: [text] })) as Post),
  replies,
  more: 0,
});

const outboxes: Outbox[] = [];
afterEach(() => outboxes.splice(0).forEach((outbox) => outbox.stop())); // no confirmation outlives its test

/** The reader's outbox with `sent` in it, sent as the composer sends: under the post each answers (`top`: new posts). */
async function outboxWith(sent: Record<string, ThreadNode[]>): Promise<Outbox> {
  const outbox = new Outbox(
    'https://appview.example',
    () => {},
    () => '/story',
  );
  outboxes.push(outbox);
  for (const [target, nodes] of Object.entries(sent)) for (const node of nodes) await outbox.send(target, async () => node);
  return outbox;
}

async function show(state: LoadState, sent: Record<string, ThreadNode[]>, signedIn = true) {
  const host = document.createElement('div');
  const actions: Actions = { stats: () => html``, below: () => nothing };
  const port: Port = { control: nothing, actions: signedIn ? actions : undefined, mine: (await outboxWith(sent)).mine };
  render(shell({ state, inputs, t, lang: 'en', lazy, onRetry() {}, onMore() {}, onOpen() {}, port }), host);
  return host;
}

const loaded = (threads: ThreadNode[], status: 'loaded' | 'empty' = 'loaded'): LoadState => ({
  status,
  discussion: { threads, pending: [], failures: [] },
  counts: lazy.totals({ threads, pending: [], failures: [] }),
});

const texts = (host: HTMLElement, selector: string) => [...host.querySelectorAll(selector)].map((el) => el.querySelector('[part="text"]')?.textContent);

describe('the reader’s own posts, in place', () => {
  const reader = actor('reader');
  const story = node('3ks', 'The story', actor('mina'), [node('3kr', 'A reply')]);

  it('puts a new post first in the list and a reply right under the post it answers, before the replies there', async () => {
    const mine = node('3km', 'My reply', reader);
    const host = await show(loaded([story]), { top: [node('3kn', 'My post', reader)], [story.uri]: [mine] });
    expect(texts(host, '.list > li > article')).toEqual(['My post', 'The story']);
    expect(texts(host, '.list > li:nth-child(2) > ol > li > article')).toEqual(['My reply', 'A reply']);
  });

  it('counts them in the header’s summary until the discussion holds them', async () => {
    const summary = async (threads: ThreadNode[], sent: Record<string, ThreadNode[]>) =>
      (await show(loaded(threads), sent)).querySelector('[part="summary"]')!.textContent!.replace(/\s+/g, ' ').trim();
    const reply = story.replies[0];
    expect(await summary([story], {})).toBe('1 post · 1 reply · 0 likes');
    const sent = { top: [node('3kn', 'My post', reader)], [story.uri]: [node('3km', 'My reply', reader)], [reply.uri]: [node('3kp', 'Deeper', reader)] };
    expect(await summary([story], sent)).toBe('2 posts · 3 replies · 0 likes');
    // Once the AppView has the reply, it is counted once, with the discussion's.
    const withIt = { ...story, replies: [...story.replies, sent[story.uri][0]] };
    expect(await summary([withIt], { [story.uri]: sent[story.uri] })).toBe('1 post · 2 replies · 0 likes');
  });

  it('shows each once when the discussion has it too (after the AppView has it)', async () => {
    const mine = node('3km', 'My reply', reader);
    const withIt = { ...story, replies: [...story.replies, mine] };
    const host = await show(loaded([withIt]), { [story.uri]: [mine] });
    expect(texts(host, '.list > li > ol > li > article')).toEqual(['A reply', 'My reply']);
  });

  it('keeps showing them after the reader signs out, with Bluesky’s reply links again', async () => {
    const host = await show(loaded([story]), { [story.uri]: [node('3km', 'My reply', reader)] }, false);
    expect(texts(host, '.list > li > ol > li > article')).toEqual(['My reply', 'A reply']);
    expect(host.querySelectorAll('.list a.reply').length).toBe(3);
  });

  it('shows the reader’s first post on an article nobody discussed, in place of “no posts yet”', async () => {
    const empty = await show(loaded([], 'empty'), {});
    expect(empty.querySelector('[part="status"]')!.textContent).toContain(t.empty);
    expect(empty.querySelector('[part="list"]')).toBeNull();
    const first = await show(loaded([], 'empty'), { top: [node('3kn', 'First!', reader)] });
    expect(first.querySelector('[part="status"]')!.textContent!.trim()).toBe('');
    expect(texts(first, '.list > li > article')).toEqual(['First!']);
    expect(first.querySelector('[part="summary"]')).toBeNull();
  });
});

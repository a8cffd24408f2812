import { afterEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../src/join/outbox.ts';
import { parsePost } from '../../src/bluesky/parse.ts';
import type { Post, ThreadNode } from '../../src/bluesky/model.ts';
import { actor, post } from '../../demo/appview/build.ts';

// What the reader sends from the page: each composer sends on its own, the AppView is asked a few
// times whether it shows a sent post, and no timer of it outlives a stop; drafts stay per page and
// composer, in memory when the tab refuses storage.

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  sessionStorage.clear();
});

const view = (rkey: string) => post({ author: actor('reader'), rkey, createdAt: '2026-11-27T11:00:00.000Z', text: ['Mine'] });
const node = (rkey: string): ThreadNode => ({ ...(parsePost(view(rkey)) as Post), replies: [], more: 0 });

/** A promise the test settles itself. */
function later<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('sending', () => {
  it('keeps each composer’s busy state its own: one post on its way blocks only its own composer', async () => {
    const changed = vi.fn();
    const outbox = new Outbox('https://appview.example', changed, () => '/story');
    const slow = later<ThreadNode>();
    const first = outbox.send('at://story', () => slow.promise);
    expect(outbox.sending('at://story')).toBe(true);
    expect(outbox.sending('top')).toBe(false);
    await expect(outbox.send('at://story', async () => node('3m7twice'))).resolves.toBeUndefined(); // a second press waits for the first
    await expect(outbox.send('top', async () => node('3m7top'))).resolves.toMatchObject({ target: 'top', confirmed: false });
    slow.resolve(node('3m7reply'));
    await expect(first).resolves.toMatchObject({ target: 'at://story' });
    expect(outbox.sending('at://story')).toBe(false);
    expect(outbox.mine('at://story', []).map((n) => n.uri)).toEqual([node('3m7reply').uri]);
    outbox.stop();
  });

  it('gives the reader’s posts under a post the newest first, without those the discussion shows already', async () => {
    const outbox = new Outbox(
      'https://appview.example',
      () => {},
      () => '/story',
    );
    for (const rkey of ['3m7first', '3m7second', '3m7third']) await outbox.send('at://story', async () => node(rkey));
    await outbox.send('top', async () => node('3m7top'));
    expect(outbox.mine('at://story', []).map((n) => n.uri)).toEqual(['3m7third', '3m7second', '3m7first'].map((rkey) => node(rkey).uri));
    expect(outbox.mine('at://story', [node('3m7second')]).map((n) => n.uri)).toEqual(['3m7third', '3m7first'].map((rkey) => node(rkey).uri));
    expect(outbox.mine('top', []).map((n) => n.uri)).toEqual([node('3m7top').uri]);
    outbox.stop();
  });

  it('keeps the draft and frees the composer when sending fails', async () => {
    const outbox = new Outbox(
      'https://appview.example',
      () => {},
      () => '/story',
    );
    outbox.write('top', 'Kept.');
    await expect(outbox.send('top', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(outbox.draft('top')).toBe('Kept.');
    expect(outbox.sending('top')).toBe(false);
  });
});

describe('confirmation', () => {
  it('asks the AppView until it shows the post, then stops asking', async () => {
    vi.useFakeTimers();
    const answers = [{ posts: [] }, { posts: [view('3m7a')] }];
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(answers.shift()), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const changed = vi.fn();
    const outbox = new Outbox('https://appview.example', changed, () => '/story');
    const sent = (await outbox.send('top', async () => node('3m7a')))!;
    await vi.advanceTimersByTimeAsync(1500);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0][0])).toContain('app.bsky.feed.getPosts');
    expect(sent.confirmed).toBe(false);
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent.confirmed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind when stopped, asks nothing more, and asks again when resumed', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(async () => new Response('{"posts":[]}', { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const outbox = new Outbox(
      'https://appview.example',
      () => {},
      () => '/story',
    );
    await outbox.send('top', async () => node('3m7a'));
    expect(vi.getTimerCount()).toBe(1);
    outbox.stop(); // the element left the page, or the reader signed out
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).not.toHaveBeenCalled();
    outbox.resume(); // back on the page
    await vi.advanceTimersByTimeAsync(1500);
    expect(fetch).toHaveBeenCalledTimes(1);
    outbox.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('writes nothing when stopped while a request is on its way', async () => {
    vi.useFakeTimers();
    const answer = later<Response>();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => answer.promise),
    );
    const outbox = new Outbox(
      'https://appview.example',
      () => {},
      () => '/story',
    );
    const sent = (await outbox.send('top', async () => node('3m7a')))!;
    await vi.advanceTimersByTimeAsync(1500);
    outbox.stop();
    answer.resolve(new Response(JSON.stringify({ posts: [view('3m7a')] }), { headers: { 'content-type': 'application/json' } }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent.confirmed).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a stop while a post is on its way', () => {
  const getPosts = () => {
    const fetch = vi.fn(async () => new Response('{"posts":[]}', { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  };

  /** Fake timers, a stubbed getPosts, and a new post on its way from an outbox for '/story'. */
  const sendingTop = () => {
    vi.useFakeTimers();
    const fetch = getPosts();
    const outbox = new Outbox(
      'https://appview.example',
      () => {},
      () => '/story',
    );
    const posting = later<ThreadNode>();
    return { fetch, outbox, posting, sending: outbox.send('top', () => posting.promise) };
  };

  it('asks nothing about the post and sets no timer, even long after', async () => {
    const { fetch, outbox, posting, sending } = sendingTop();
    outbox.stop(); // the reader signed out, or the element left the page
    posting.resolve(node('3m7a'));
    await expect(sending).resolves.toMatchObject({ confirmed: false });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).not.toHaveBeenCalled();
    expect(outbox.mine('top', []).map((n) => n.uri)).toEqual([node('3m7a').uri]); // still shown: it is on Bluesky
  });

  it('asks once the element is back, if it came back meanwhile', async () => {
    const { fetch, outbox, posting, sending } = sendingTop();
    outbox.stop(); // moved in the page: disconnected, then connected again
    outbox.resume();
    posting.resolve(node('3m7a'));
    await sending;
    await vi.advanceTimersByTimeAsync(1500);
    expect(fetch).toHaveBeenCalledTimes(1);
    outbox.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('drafts', () => {
  it('are kept per page and composer, and cleared once sent', async () => {
    const story = new Outbox(
      'https://appview.example',
      () => {},
      () => '/story',
    );
    const other = new Outbox(
      'https://appview.example',
      () => {},
      () => '/other',
    );
    story.write('top', 'About the story');
    story.write('at://reply', 'A reply');
    expect([story.draft('top'), story.draft('at://reply'), other.draft('top')]).toEqual(['About the story', 'A reply', '']);
    expect(
      new Outbox(
        'https://appview.example',
        () => {},
        () => '/story',
      ).draft('top'),
    ).toBe('About the story'); // after a reload
    await story.send('top', async () => node('3m7a'));
    story.stop();
    expect(story.draft('top')).toBe('');
  });

  it('live in memory, as long as the page, when the tab refuses storage', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const outbox = new Outbox(
      'https://appview.example',
      () => {},
      () => '/story',
    );
    outbox.write('top', 'Not lost.');
    expect(outbox.draft('top')).toBe('Not lost.');
  });
});

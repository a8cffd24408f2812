import { describe, expect, it, vi } from 'vitest';
import { render } from 'lit';
import { composer, type ComposerView, type Preview } from '../../src/join/composer.ts';
import { joinMessages } from '../../src/i18n/join.ts';
import { messages } from '../../src/i18n/messages.ts';

// The composer as a reader meets it, reply or new post: what it answers, a placeholder, the text box
// in the post's language, and the counter, Cancel and Post (their layout on one row is the browser
// test's to measure).

const story = { uri: 'at://did:plc:sw7fivsls5jd6l344ydke56c/app.bsky.feed.post/3m6aaa2story', cid: 'bafyreistory' };
const mina = { did: 'did:plc:sw7fivsls5jd6l344ydke56c', handle: 'minapark.news.example', displayName: 'Mina Park' };
const card = {
  uri: 'https://www.news.example/world/story',
  title: 'Norvia blocks Whisperline',
  description: 'The block.',
  image: 'https://news.example/card.png',
};

function show(lang: string, preview?: Preview, draft = '') {
  const view: ComposerView = {
    t: { ...joinMessages('en')!, ...messages('en')! },
    outbox: { draft: () => draft, sending: () => false },
    on: { toggle: vi.fn(), input: vi.fn(), send: vi.fn() },
    postLang: lang,
    preview,
  };
  const host = document.createElement('div');
  return { host, view, again: (at: Parameters<typeof composer>[1]) => (render(composer(view, at), host), host) };
}

describe('the composer', () => {
  it('for a reply says whom it answers, and its text box says so too, in the post’s language', () => {
    const host = show('ko').again({ target: story.uri, parent: story, root: story, to: mina });
    const box = host.querySelector('textarea')!;
    expect(host.querySelector(`#${box.getAttribute('aria-describedby')}`)!.textContent).toBe('Replying to @minapark.news.example');
    expect([box.getAttribute('aria-label'), box.placeholder, box.lang]).toEqual(['Your reply', 'Write your reply', 'ko']);
    expect([...host.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Cancel', 'Post']);
  });

  it('for a new post shows the article’s card as it will be posted: title, domain, and its picture only once it is known to go', () => {
    const { again, view } = show('en', { card, picture: 'pending' });
    const top = { target: 'top' };
    let host = again(top);
    const box = host.querySelector('textarea')!;
    expect([box.getAttribute('aria-label'), box.placeholder]).toEqual(['Post about this article', 'Write a post']);
    expect(
      host
        .querySelector(`#${box.getAttribute('aria-describedby')}`)!
        .textContent!.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('Norvia blocks Whisperline news.example');
    expect(host.querySelectorAll('img')).toHaveLength(0); // a place kept for it, nothing shown yet
    view.preview = { card, picture: 'yes' };
    host = again(top);
    expect(host.querySelector('img')!.getAttribute('src')).toBe(card.image);
    expect(host.querySelector('img')!.alt).toBe('');
    view.preview = { card, picture: 'no' };
    host = again(top);
    expect(host.querySelectorAll('img')).toHaveLength(0);
  });

  it('counts what is left, and will not post an empty or too long text', () => {
    const full = show('en', undefined, '   ').again({ target: 'top' });
    expect(full.querySelector<HTMLButtonElement>('button:not([type])')!.disabled).toBe(true);
    const over = show('en', undefined, 'a'.repeat(301)).again({ target: 'top' });
    expect(over.querySelector('.join-row span')!.textContent).toBe('-1 left');
    expect(over.querySelector<HTMLButtonElement>('button:not([type])')!.disabled).toBe(true);
    const fine = show('en', undefined, '👨‍👩‍👧‍👦 ok').again({ target: 'top' });
    expect(fine.querySelector('.join-row span')!.textContent).toBe('296 left');
    expect(fine.querySelector<HTMLButtonElement>('button:not([type])')!.disabled).toBe(false);
  });
});

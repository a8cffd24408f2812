import { describe, expect, it } from 'vitest';
import { render } from 'lit';
import { parsePost } from '../../src/bluesky/parse.ts';
import { normalizeUrl } from '../../src/bluesky/urls.ts';
import { postTemplate, type View } from '../../src/templates/posts.ts';
import { messages } from '../../src/i18n/messages.ts';
import { actor, post, type EmbedSpec } from '../../demo/appview/build.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';

const alice = actor('alice.example', 'Alice');
const view: View = { lang: 'en', t: messages('en')!, article: normalizeUrl(ARTICLE) };

function show(embed: EmbedSpec | undefined, extra: Partial<View> = {}, text = 'hello') {
  const parsed = parsePost(post({ author: alice, rkey: '3kt', createdAt: '2026-11-27T11:00:00.000Z', text: [text], embed, langs: ['de'] }))!;
  const host = document.createElement('div');
  render(postTemplate(parsed, { ...view, ...extra }), host);
  return host;
}

describe('rich posts', () => {
  it('shows images as thumbnails with their alt text, linking to the full size, sized to avoid layout shift', () => {
    const host = show({
      images: [
        { url: 'https://cdn.example/a.jpg', alt: 'A queue', width: 1200, height: 800 },
        { url: 'https://cdn.example/b.jpg', alt: 'SIMs', width: 8, height: 8 },
      ],
    });
    const images = [...host.querySelectorAll<HTMLImageElement>('[part="embed"] img')];
    expect(images.map((i) => [i.alt, i.getAttribute('width'), i.getAttribute('height'), i.getAttribute('loading')])).toEqual([
      ['A queue', '1200', '800', 'lazy'],
      ['SIMs', '8', '8', 'lazy'],
    ]);
    expect(images[0].closest('a')!.href).toBe('https://cdn.example/a.jpg');
  });

  it('shows a link card with title, description and domain, but not the card for the article itself', () => {
    const card = show({ external: { uri: 'https://www.blog.example/x', title: 'Explainer', description: 'How it works', thumb: 'https://cdn.example/t.jpg' } });
    const link = card.querySelector<HTMLAnchorElement>('.card')!;
    expect(link.href).toBe('https://www.blog.example/x');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).toBe('Explainer How it works blog.example');
    const own = show({ external: { uri: `${ARTICLE}/?utm_source=bsky`, title: 'This article', description: '' } });
    expect(own.querySelector('.card')).toBeNull();
  });

  it('shows a video as its thumbnail with a play mark, linking to the post', () => {
    const host = show({ video: { thumbnail: 'https://video.example/t.jpg', alt: 'A failed call', width: 16, height: 9 } });
    const link = host.querySelector<HTMLAnchorElement>('.video')!;
    expect(link.href).toBe('https://bsky.app/profile/alice.example/post/3kt');
    expect(link.querySelector('img')!.alt).toBe('A failed call');
    expect(link.querySelector('.play')!.getAttribute('aria-hidden')).toBe('true');
    expect(link.textContent).toContain('Watch the video on Bluesky');
  });

  it('shows a quote with its author and text, or a neutral line when it is unavailable', () => {
    const quoted = post({ author: actor('bob'), rkey: '3kq', createdAt: '2026-11-27T10:00:00.000Z', text: ['the original'] });
    const quote = show({ quote: quoted }).querySelector('blockquote')!;
    expect(quote.querySelector('[part="author"]')!.textContent).toContain('@bob.bsky.social');
    expect(quote.textContent).toContain('the original');
    for (const gone of ['blocked', 'not-found', 'detached'] as const) {
      const host = show({ quote: gone });
      expect(host.querySelector('blockquote')).toBeNull();
      expect(host.querySelector('p.quote')!.textContent).toBe('The quoted post is unavailable.');
    }
  });

  it('shows nothing for an embed type it does not know', () => {
    expect(show({ unknown: true }).querySelector('[part="embed"]')).toBeNull();
  });

  it("marks the article author's posts, by handle or DID", () => {
    expect(show(undefined, { author: 'alice.example' }).querySelector('.badge')!.textContent).toBe('Author');
    expect(show(undefined, { author: alice.did }).querySelector('.badge')).not.toBeNull();
    expect(show(undefined, { author: 'someone.else' }).querySelector('.badge')).toBeNull();
  });

  it("gives the text the post's own language and dir=auto, and keeps long texts whole", () => {
    const long = 'word '.repeat(300).trim();
    const text = show(undefined, {}, long).querySelector('[part="text"]')!;
    expect(text.getAttribute('lang')).toBe('de');
    expect(text.getAttribute('dir')).toBe('auto');
    expect(text.textContent).toBe(long);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { articleCard } from '../../src/join/card.ts';
import { readInputs, readPage, type Attributes } from '../../src/inputs.ts';

// "Post about this article" carries a link card: its address is the article the widget searches
// for (cleaned of fragments and tracking parameters, http(s) only), whatever the page's og:url
// says; its title, description and picture come from the Open Graph tags in the page's <head>.

const ADDRESS = 'https://news.example/world/story?utm_source=newsletter&id=7#comments';

/** A page at ADDRESS with `head` in its <head>. */
function page(head: string) {
  const doc = document.implementation.createHTMLDocument();
  doc.title = 'Norvia blocks Whisperline — The News';
  doc.head.insertAdjacentHTML('afterbegin', `<base href="${ADDRESS}">${head}`);
  return doc;
}

/** The card the composer sends from `doc`, for the article the widget's inputs name (the page's address is ADDRESS). */
const cardOf = (doc: Document, attributes: Attributes = {}) => articleCard(doc, readInputs(attributes, { ...readPage(doc), href: ADDRESS }, vi.fn()).article);

const og = (property: string, content: string) => `<meta property="og:${property}" content="${content}">`;

describe('the link card of a new post about the article', () => {
  it('resolves a relative og:url against the page, as the widget does', () => {
    expect(cardOf(page(og('url', '/world/2026/norvia')))?.uri).toBe('https://news.example/world/2026/norvia');
  });

  it('never publishes a javascript: or data: og:url: the page address stands in', () => {
    for (const bad of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>'])
      expect(cardOf(page(og('url', bad)))?.uri, bad).toBe('https://news.example/world/story?id=7');
  });

  it('leaves the page address’s tracking parameters and fragment out of the reader’s public post', () => {
    expect(cardOf(page(''))?.uri).toBe('https://news.example/world/story?id=7');
    expect(cardOf(page(og('url', 'https://news.example/world/story?utm_source=feed&fbclid=x')))?.uri).toBe('https://news.example/world/story');
  });

  it('uses the element’s url attribute when the site owner gives one, over og:url', () => {
    expect(cardOf(page(og('url', 'https://news.example/elsewhere')), { url: 'https://news.example/world/story-b' })?.uri).toBe(
      'https://news.example/world/story-b',
    );
  });

  it('takes the title and description from the Open Graph tags, the title from <title> without one', () => {
    const card = cardOf(page(og('title', 'Norvia blocks Whisperline') + og('description', 'The block came without notice.')));
    expect(card).toEqual({ uri: 'https://news.example/world/story?id=7', title: 'Norvia blocks Whisperline', description: 'The block came without notice.' });
    expect(cardOf(page(''))).toMatchObject({ title: 'Norvia blocks Whisperline — The News', description: '' });
  });

  it('takes the picture from og:image in <head> only, resolved against the page, http(s) only', () => {
    expect(cardOf(page(og('image', '/images/card.png')))?.image).toBe('https://news.example/images/card.png');
    // What the page's body holds may come from anyone (a comment, an embed): it is not the author's tag.
    const body = page('');
    body.body.innerHTML = `<p>A comment</p>${og('image', 'https://tracker.example/pixel.png')}`;
    expect(cardOf(body)).not.toHaveProperty('image');
    expect(cardOf(page(og('image', 'javascript:alert(1)')))).not.toHaveProperty('image');
  });

  it('has no card for an article that is not a web address', () => {
    expect(articleCard(page(''), 'file:///home/me/story.html')).toBeUndefined();
    expect(articleCard(page(''), 'javascript:alert(1)')).toBeUndefined();
  });
});

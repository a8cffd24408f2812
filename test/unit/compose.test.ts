import { describe, expect, it } from 'vitest';
import { composeText, composeUrl, MAX_GRAPHEMES } from '../../src/compose.ts';

const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].length;
const URL_ = 'https://news.example/world/story?id=1&x=2';

describe('compose link', () => {
  it("opens bsky.app's composer with the text fully URL-encoded", () => {
    const href = composeUrl('{title} {url}', 'Tom & Jerry: 100% #1?', URL_);
    expect(href.startsWith('https://bsky.app/intent/compose?text=')).toBe(true);
    const text = new URL(href).searchParams.get('text');
    expect(text).toBe(`Tom & Jerry: 100% #1? ${URL_}`);
    expect(href.slice(href.indexOf('text=') + 5)).not.toMatch(/[ &#?:/%](?![0-9A-F]{2})/);
  });

  it('keeps short texts whole', () => {
    expect(composeText('Read: {title} {url}', '한국어 제목 👍🏽', URL_)).toBe(`Read: 한국어 제목 👍🏽 ${URL_}`);
  });

  it('shortens the title, never the URL, to fit 300 graphemes', () => {
    for (const unit of ['a', '가', '👨‍👩‍👧‍👦', 'e\u0301']) {
      const title = unit.repeat(400);
      const text = composeText('{title} {url}', title, URL_);
      expect(graphemes(text)).toBeLessThanOrEqual(MAX_GRAPHEMES);
      expect(text.endsWith(URL_)).toBe(true);
      expect(text).toContain('…');
    }
  });

  it('keeps the URL even when it alone is longer than the limit', () => {
    const long = `https://news.example/${'x'.repeat(320)}`;
    expect(composeText('{title} {url}', 'Title', long)).toBe(long);
  });
});

// The link card of "Post about this article", from the page's Open Graph tags.

import type { Card } from './records.ts';

/** The card from `doc`'s Open Graph tags (`_article` is not used yet). */
export function articleCard(doc: Document, _article: string): Card | undefined {
  const meta = (name: string) => doc.querySelector<HTMLMetaElement>(`meta[property="og:${name}"]`)?.content.trim() ?? '';
  const uri = meta('url') || doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href || location.href.replace(/#.*/, '');
  const image = meta('image') && web(meta('image'), doc.baseURI);
  return { uri, title: meta('title') || doc.title, description: meta('description'), ...(image ? { image } : {}) };
}

/** An address resolved against `base`: http(s) only. */
function web(value: string, base?: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined; // not an address
  }
}

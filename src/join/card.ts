// The link card of "Post about this article", from the page: the address is the article the widget
// itself searches for (the `url` attribute, else the page's, already cleaned of fragments and
// tracking parameters), never `og:url` or the raw address; title, description and picture come
// from the Open Graph tags in <head>, where only the page's author writes.

import type { Card } from './records.ts';

/** The card for `article` (the inputs' cleaned address; http(s) only, else none) from `doc`'s <head>. */
export function articleCard(doc: Document, article: string): Card | undefined {
  const uri = web(article);
  if (!uri) return undefined;
  const meta = (name: string) => doc.head?.querySelector<HTMLMetaElement>(`meta[property="og:${name}"]`)?.content.trim() ?? '';
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

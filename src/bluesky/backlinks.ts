// Where and how a post links the article, as the backlink index files it: the JSON paths of a link
// in a post record, and the spellings of the article's address. Shared by discovery (the widget's
// backlinks route) and the counts (`<discuss-count>`, countDiscussion), which must agree.

/**
 * Every place a post record links a page, as the backlink index files them (the path where the
 * link sits): the link card, the link card beside a quote, and link facets with and without
 * `$type` on the facet (the index keeps the two apart).
 */
export const LINK_PATHS = [
  'embed.external.uri',
  'embed.media.external.uri',
  'facets[app.bsky.richtext.facet].features[app.bsky.richtext.facet#link].uri',
  'facets[].features[app.bsky.richtext.facet#link].uri',
] as const;

/**
 * The ways posts commonly write the article's address, since the index matches exact strings:
 * with and without a trailing slash, and with and without `www.` when the address has it. Two or
 * four spellings.
 */
export function spellings(article: string): string[] {
  const url = new URL(article);
  const hosts = url.hostname.startsWith('www.') ? [url.host, url.host.slice(4)] : [url.host];
  const out = new Set<string>();
  for (const host of hosts) {
    const bare = `${url.protocol}//${host}${url.pathname}`.replace(/\/+$/, '');
    out.add(bare + url.search).add(`${bare}/${url.search}`);
  }
  return [...out];
}

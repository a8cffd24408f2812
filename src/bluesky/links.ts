// Links out to bsky.app, and the only hrefs a post may carry, shown for where they really go: what
// the post templates and the parser need once the network has answered (so in the discussion code,
// not the entry file).

/** at://did/app.bsky.feed.post/rkey → the post's page on bsky.app. */
export function postUrl(uri: string, handle?: string): string {
  const [, , did, , rkey] = uri.split('/');
  return `${profileUrl(did, handle)}/post/${encodeURIComponent(rkey)}`;
}

/** A profile on bsky.app, by handle when it is known and valid, else by DID. */
export const profileUrl = (did: string, handle?: string): string =>
  `https://bsky.app/profile/${encodeURIComponent(handle && handle !== 'handle.invalid' ? handle : did)}`;

export const hashtagUrl = (tag: string): string => `https://bsky.app/hashtag/${encodeURIComponent(tag)}`;

/** Only web links may become hrefs: `javascript:`, `data:` and the rest stay text. */
export function safeHref(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host a word of a link's text names as an address or a domain ("http://[::1]/x", "a.example/x", "10.0.0.1"), or undefined. */
function hostNamed(word: string): string | undefined {
  const scheme = /^[a-z][a-z\d+.-]*:\/\//i.test(word);
  try {
    const host = new URL(scheme ? word : `https://${word}`).hostname;
    // A name ends in a TLD of letters (or an IDN's `xn--`); numbers are an address only as written ("1.5" is not 1.0.0.5).
    if (scheme || /\.([a-z]{2,63}|xn--[\w-]+)$/.test(host) || (/^[\d.]+$/.test(host) && word.includes(host))) return host;
  } catch {
    // not an address
  }
  return undefined;
}

/**
 * Where a link really goes, when its text names another host: "news.example/account" linking to
 * evil.example gives evil.example, to be shown beside the text (bsky.app warns before opening such
 * a link). Undefined when the text names no host ("click here") or only the link's own, `www.` and
 * case aside (a shortened address of the same host is not deceptive). Hosts are compared as the URL
 * parser writes them, so a look-alike IDN is its `xn--` form, never equal to the name it imitates.
 */
export function otherHost(text: string, href: string): string | undefined {
  const target = new URL(href).hostname;
  const bare = (host: string) => host.replace(/^www\.|\.$/g, '');
  // Each word as it reads (NFKC: fullwidth "ｎｅｗｓ.example／a" is news.example/a), without the
  // marks around it in any script: "(news.example)", "news.example." and "«пример.рф»" name a host too.
  const named = text
    .normalize('NFKC')
    .split(/\s+/)
    .map((word) => hostNamed(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')));
  return named.some((host) => host && bare(host) !== bare(target)) ? target : undefined;
}

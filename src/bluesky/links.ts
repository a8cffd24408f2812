// Links out to bsky.app, the only hrefs a post may carry, and the only hosts a network document may
// send a reader's browser to: what the post templates and the parser need once the network has
// answered (so in the discussion code, not the entry file).

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

/** Names that never reach the public internet: loopback, link-local mDNS, and private by convention (RFC 6761, 6762, 8375). */
const PRIVATE_NAME = /(?:^|\.)(?:localhost|local|internal|localdomain|home\.arpa)$/;

/**
 * The origin of `input` when a document from the network may send a reader's browser there (a
 * did:web host, a DID document's PDS): `https:` on the default port, no credentials, and a public
 * DNS name of two labels or more, never an IP literal, loopback or a private name, which would turn
 * every reader's browser against their own machine or network. Undefined otherwise.
 */
export function publicHttpsOrigin(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  // The parser writes every IPv4 form (`0x7f.1`, `2130706433`) as four decimals, and IPv6 in brackets.
  const host = url.hostname.replace(/\.$/, '');
  const ip = /^[\d.]+$|^\[/.test(host);
  if (url.protocol !== 'https:' || url.port || url.username || url.password || ip || !host.includes('.') || PRIVATE_NAME.test(host)) return undefined;
  return url.origin;
}

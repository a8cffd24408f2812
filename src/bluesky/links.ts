// Links out to bsky.app, and the only hrefs a post may carry: what the post templates and the parser
// need once the network has answered (so in the discussion code, not the entry file).

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

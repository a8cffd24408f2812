// Where a video's playlist may be fetched from: checked before the reader's browser asks for it. A
// few bytes, so the discussion code shows a play button only for a video that can play here; the
// player checks again before it loads anything.

/** Bluesky's video hosts (`https:`, no port): the playlist, its segments and its captions come from these. */
export const bluesky = (url: URL): boolean => url.protocol === 'https:' && /^video(\.cdn)?\.bsky\.app$/.test(url.hostname) && !url.port;

/**
 * `url` when a video may be played from it: a playlist (a path ending in `.m3u8`, as Bluesky's
 * `https://video.bsky.app/watch/<did>/<cid>/playlist.m3u8`) on one of Bluesky's video hosts, or on
 * the page's own origin (a site serving its own copy, and the sample AppView of the demo and tests).
 * Undefined otherwise: the post's link to Bluesky stays the way to watch it.
 */
export function playable(url: string | undefined): string | undefined {
  try {
    const parsed = new URL(url!);
    const own = /^https?:$/.test(parsed.protocol) && parsed.origin === globalThis.location?.origin;
    return (bluesky(parsed) || own) && parsed.pathname.endsWith('.m3u8') ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

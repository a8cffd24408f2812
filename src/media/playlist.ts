// Where a video's playlist may be fetched from: checked before the reader's browser asks for it. A
// few bytes, so the discussion code shows a play button only for a video that can play here; the
// player checks again before it loads anything.

/** Bluesky's video hosts: the playlist, its segments and its captions come from these. */
const VIDEO_HOST = /^video(\.cdn)?\.bsky\.app$/;

/**
 * `url` when a video may be played from it: `https:` on one of Bluesky's video hosts, or the page's
 * own origin (a site serving its own copy, and the sample AppView of the demo and tests). Undefined
 * otherwise: the post's link to Bluesky stays the way to watch it.
 */
export function playable(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const bluesky = parsed.protocol === 'https:' && VIDEO_HOST.test(parsed.hostname) && !parsed.port;
    const own = /^https?:$/.test(parsed.protocol) && parsed.origin === globalThis.location?.origin;
    return bluesky || own ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

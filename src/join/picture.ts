// The picture of a post's link card, downloaded within Bluesky's limits. No DOM.

/** Bluesky's limit for a link card's picture (`app.bsky.embed.external#external.thumb`), and the kinds its CDN shows. */
export const THUMB_BYTES = 1_000_000;
const THUMB_TYPES = /^image\/(png|jpeg|webp|gif)$/;

export interface PictureOptions {
  fetch?: typeof globalThis.fetch;
}

/**
 * The picture at `url`, or nothing — the card goes without it — when it cannot be read from here
 * (another site without CORS), is no image Bluesky's CDN shows, or is over its limit.
 */
export async function fetchPicture(url: string, { fetch = globalThis.fetch }: PictureOptions = {}): Promise<Blob | undefined> {
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok || Number(response.headers.get('content-length')) > THUMB_BYTES) return undefined; // not downloaded in vain
    const blob = await response.blob();
    return THUMB_TYPES.test(blob.type) && blob.size <= THUMB_BYTES ? blob : undefined;
  } catch {
    return undefined;
  }
}

// The picture of a post's link card, downloaded within Bluesky's limits and no further: the body is
// counted as it streams (a gzipped or chunked body says nothing true in `content-length`) and the
// download stops at the limit or after a timeout; once a page, for the preview and the post. No DOM.

/** Bluesky's limit for a link card's picture (`app.bsky.embed.external#external.thumb`), and the kinds its CDN shows. */
export const THUMB_BYTES = 1_000_000;
const THUMB_TYPES = /^image\/(png|jpeg|webp|gif)$/;
/** Long enough for a picture on a slow connection; a post never waits longer for one. */
export const THUMB_TIMEOUT = 8_000;

export interface PictureOptions {
  fetch?: typeof globalThis.fetch;
  timeout?: number;
}

/**
 * The picture at `url`, or nothing — the card goes without it — when it cannot be read from here
 * (another site without CORS), is no image Bluesky's CDN shows, is over its limit, or is too slow.
 */
export async function fetchPicture(url: string, { fetch = globalThis.fetch, timeout = THUMB_TIMEOUT }: PictureOptions = {}): Promise<Blob | undefined> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), timeout);
  try {
    const response = await fetch(url, { credentials: 'omit', signal: stop.signal });
    const type = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
    const declared = Number(response.headers.get('content-length'));
    if (!response.ok || !response.body || !THUMB_TYPES.test(type) || declared > THUMB_BYTES) return undefined; // not downloaded in vain
    const chunks = await read(response.body, stop);
    return chunks && new Blob(chunks as BlobPart[], { type });
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    stop.abort(); // whatever is still coming is not wanted
  }
}

/** The body's chunks, or nothing once it passes THUMB_BYTES or `stop` aborts (a stream that ignores the signal is cancelled). */
async function read(body: ReadableStream<Uint8Array>, stop: AbortController): Promise<Uint8Array[] | undefined> {
  const reader = body.getReader();
  const cancel = () => reader.cancel().catch(() => {});
  stop.signal.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (stop.signal.aborted) return undefined; // cancelled: what arrived is cut short
      if (done) return chunks;
      size += value.byteLength;
      if (size > THUMB_BYTES) return undefined;
      chunks.push(value);
    }
  } finally {
    stop.signal.removeEventListener('abort', cancel);
    if (!stop.signal.aborted) cancel();
  }
}

/**
 * The card's picture, fetched once: as "Post about this article" opens, so that its preview shows
 * whether the picture goes with the post, and the post takes the same bytes. A picture that could
 * not be had is asked for again next time.
 */
export class Pictures {
  #fetched = new Map<string, Promise<Blob | undefined>>();
  #known = new Map<string, boolean>();

  constructor(
    /** A picture's fate became known. */
    readonly changed: () => void,
    readonly fetch: (url: string) => Promise<Blob | undefined> = fetchPicture,
  ) {}

  get(url: string): Promise<Blob | undefined> {
    let blob = this.#fetched.get(url);
    if (!blob) {
      blob = this.fetch(url).then((got) => {
        this.#known.set(url, !!got);
        if (!got) this.#fetched.delete(url);
        this.changed();
        return got;
      });
      this.#fetched.set(url, blob);
    }
    return blob;
  }

  /** Whether the picture at `url` goes with the post: `pending` until it is known. */
  status(url: string): 'pending' | 'yes' | 'no' {
    const known = this.#known.get(url);
    return known === undefined ? 'pending' : known ? 'yes' : 'no';
  }
}

// Where the proxy keeps upstream answers: a bounded in-memory store (every isolate has one, and it
// is the only one where the Cache API is missing) and the Workers Cache API (`caches.default`),
// shared by the isolates of a data centre. Both hold plain strings, never a live Response, so an
// answer one request fetched can be served to another.

/** One upstream answer as the proxy keeps it: a 200 JSON body, or a 400 XRPC error (kept briefly). */
export interface Entry {
  status: 200 | 400;
  body: string;
  /** `content-type` as upstream sent it. */
  type: string;
  /** `atproto-content-labelers`, when upstream sent it: which labelers' labels the body carries. */
  labelers?: string;
  /** When the proxy received it (milliseconds, the proxy's clock). */
  storedAt: number;
  /** An answer that may change any moment (see `isIncomplete`): fresh for a second, never served stale while refreshing. */
  brief?: boolean;
}

/** A place to keep entries: `keepFor` seconds is how long the entry may still be useful. */
export interface CacheStore {
  get(key: string): Promise<Entry | undefined>;
  put(key: string, entry: Entry, keepFor: number): Promise<void>;
}

/** The part of the Workers Cache API the proxy uses. */
export interface CacheApi {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
}

/** Bounds for what is rendered per article (an element is some 20–100 KB of HTML, a feed 10–100 KB): a few hundred articles fit well within an isolate's memory. */
export const RENDER_LIMITS = { maxEntries: 200, maxChars: 8_000_000 } as const;

/** Least recently used first out, bounded in entries and in characters of body. */
export class MemoryStore implements CacheStore {
  readonly #entries = new Map<string, { entry: Entry; until: number }>();
  #size = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxChars: number,
    readonly now: () => number,
  ) {}

  /** The entry, synchronously: the proxy relies on reading it without yielding. */
  peek(key: string): Entry | undefined {
    const kept = this.#entries.get(key);
    if (!kept) return undefined;
    this.#drop(key);
    if (kept.until <= this.now()) return undefined;
    this.#entries.set(key, kept); // most recently used now
    this.#size += kept.entry.body.length;
    return kept.entry;
  }

  set(key: string, entry: Entry, keepFor: number): void {
    this.#drop(key);
    if (entry.body.length > this.maxChars) return;
    this.#entries.set(key, { entry, until: entry.storedAt + keepFor * 1000 });
    this.#size += entry.body.length;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries && this.#size <= this.maxChars) break;
      this.#drop(oldest);
    }
  }

  get(key: string): Promise<Entry | undefined> {
    return Promise.resolve(this.peek(key));
  }

  put(key: string, entry: Entry, keepFor: number): Promise<void> {
    this.set(key, entry, keepFor);
    return Promise.resolve();
  }

  #drop(key: string): void {
    const kept = this.#entries.get(key);
    if (!kept) return;
    this.#entries.delete(key);
    this.#size -= kept.entry.body.length;
  }
}

const STATUS = 'x-discuss-status';
const STORED_AT = 'x-discuss-stored-at';
const BRIEF = 'x-discuss-brief';

/**
 * Entries in the Workers Cache API. Keys are URLs on the site's own host (Cloudflare advises against
 * other hosts in cache keys). Every entry is stored as a 200 whose real status and age travel in
 * headers, so the Cache API keeps a 400 as willingly as a 200; `max-age` is how long it keeps it.
 */
export class CacheApiStore implements CacheStore {
  constructor(readonly cache: CacheApi) {}

  async get(key: string): Promise<Entry | undefined> {
    const response = await this.cache.match(key);
    if (!response) return undefined;
    const status = Number(response.headers.get(STATUS));
    const storedAt = Number(response.headers.get(STORED_AT));
    const body = await response.text();
    if ((status !== 200 && status !== 400) || !Number.isFinite(storedAt)) return undefined;
    const labelers = response.headers.get('atproto-content-labelers') ?? undefined;
    const type = response.headers.get('content-type') ?? 'application/json';
    return { status, body, type, storedAt, ...(labelers && { labelers }), ...(response.headers.has(BRIEF) && { brief: true }) };
  }

  put(key: string, entry: Entry, keepFor: number): Promise<void> {
    const headers = new Headers({
      'content-type': entry.type,
      'cache-control': `max-age=${Math.max(1, Math.ceil(keepFor))}`,
      [STATUS]: String(entry.status),
      [STORED_AT]: String(entry.storedAt),
    });
    if (entry.labelers) headers.set('atproto-content-labelers', entry.labelers);
    if (entry.brief) headers.set(BRIEF, '1');
    return this.cache.put(key, new Response(entry.body, { headers }));
  }
}

/** The Workers Cache API's default cache, when this runtime has one (Workers, not Node). */
export function defaultCacheApi(): CacheApi | undefined {
  const caches = (globalThis as { caches?: { default?: CacheApi } }).caches;
  return caches?.default;
}

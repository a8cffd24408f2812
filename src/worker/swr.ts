// The caching policy: fresh answers are served without asking upstream; stale ones are served at
// once while one request refreshes them; readers who miss together share one upstream request;
// and when upstream fails, the last good answer stands in. Upstream hears from this isolate at
// most once per query per TTL (and once per backoff while it is failing), whatever the audience.

import { MemoryStore, type CacheStore, type Entry } from './store.ts';
import { failure as failed, type Failure, type Outcome } from './upstream.ts';

export type CacheState = 'hit' | 'miss' | 'stale';

export type Served = { entry: Entry; state: CacheState; failure?: undefined } | { failure: Failure; entry?: undefined };

/** Seconds. */
export interface Policy {
  /** An answer is fresh this long. */
  ttl: number;
  /** After that, served stale at once while one request refreshes it, this long. */
  staleFor: number;
  /** After `ttl`, the last good answer stands in for a failing upstream this long. */
  staleIfError: number;
}

export type WaitUntil = (promise: Promise<unknown>) => void;

/** Seconds a failure is remembered (and upstream left alone for that query) unless it asked for longer. */
const FAILURE_BACKOFF = 10;
const RETRY_AFTER_MAX = 3600;
const FAILURES_MAX = 1000;
/** Seconds a brief entry is fresh: less than the widget waits between two looks for a post just sent (src/join/outbox.ts). */
const BRIEF_TTL = 1;

export class StaleWhileRevalidate {
  readonly #inflight = new Map<string, Promise<Outcome>>();
  /** Recent failures, by key: until when upstream is left alone for that query. */
  readonly #failed = new Map<string, { until: number; failure: Failure }>();

  constructor(
    readonly policy: Policy,
    readonly memory: MemoryStore,
    readonly store: CacheStore | undefined,
    readonly now: () => number,
  ) {}

  /** Milliseconds since the entry was stored. */
  age = (entry: Entry) => Math.max(0, this.now() - entry.storedAt);

  /** Seconds an entry is worth keeping: a 400 only while fresh; a 200 as long as it may stand in. */
  keepFor = (entry: Entry) => this.policy.ttl + (entry.status === 200 ? Math.max(this.policy.staleFor, this.policy.staleIfError) : 0);

  /** Seconds the entry is fresh. */
  ttl = (entry: Entry) => (entry.brief ? Math.min(BRIEF_TTL, this.policy.ttl) : this.policy.ttl);

  #fresh = (entry: Entry) => this.age(entry) < this.ttl(entry) * 1000;
  #revalidatable = (entry: Entry) => entry.status === 200 && !entry.brief && this.age(entry) < (this.policy.ttl + this.policy.staleFor) * 1000;
  #rescues = (entry: Entry) => entry.status === 200 && this.age(entry) < (this.policy.ttl + this.policy.staleIfError) * 1000;

  /** The answer for `key`, asking upstream with `load` only when the policy says so. */
  async serve(key: string, load: () => Promise<Outcome>, waitUntil: WaitUntil): Promise<Served> {
    const entry = await this.#lookup(key);
    if (entry && this.#fresh(entry)) return { entry, state: 'hit' };
    const failed = this.#failed.get(key);
    if (failed && failed.until > this.now()) return entry && this.#rescues(entry) ? { entry, state: 'stale' } : { failure: failed.failure };
    if (entry && this.#revalidatable(entry)) {
      this.#load(key, load, waitUntil);
      return { entry, state: 'stale' };
    }
    const outcome = await this.#load(key, load, waitUntil);
    if (outcome.entry) return { entry: outcome.entry, state: 'miss' };
    if (entry && outcome.failure.transient && this.#rescues(entry)) return { entry, state: 'stale' };
    return { failure: outcome.failure };
  }

  /** The newest entry in memory or in the shared store. */
  async #lookup(key: string): Promise<Entry | undefined> {
    const inMemory = this.memory.peek(key);
    if ((inMemory && this.#fresh(inMemory)) || !this.store) return inMemory;
    const shared = await this.store.get(key).catch(() => undefined);
    // Read memory again: while the store answered, another request may have loaded this key. No
    // await follows until the caller joins or starts a load, so no answer can slip in between.
    const again = this.memory.peek(key);
    if (!shared || (again && again.storedAt >= shared.storedAt)) return again;
    this.memory.set(key, shared, this.keepFor(shared));
    return shared;
  }

  /** One upstream request per key at a time; the answer goes to memory before anyone can miss it. */
  #load(key: string, load: () => Promise<Outcome>, waitUntil: WaitUntil): Promise<Outcome> {
    const running = this.#inflight.get(key);
    if (running) return running;
    const task = load()
      .catch((): Outcome => ({ failure: failed(502, 'UpstreamUnavailable', 'The upstream request failed.', true) }))
      .then((outcome) => {
        if (outcome.entry) this.#keep(key, outcome.entry, waitUntil);
        else this.#remember(key, outcome.failure);
        return outcome;
      })
      .finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, task);
    // The request that started it may end first; the load (and the store write) must not end with it.
    waitUntil(task);
    return task;
  }

  #keep(key: string, entry: Entry, waitUntil: WaitUntil): void {
    this.#failed.delete(key);
    const keepFor = this.keepFor(entry);
    this.memory.set(key, entry, keepFor);
    if (this.store) waitUntil(this.store.put(key, entry, keepFor).catch(() => {}));
  }

  #remember(key: string, failure: Failure): void {
    const seconds = Math.min(failure.retryAfter ?? FAILURE_BACKOFF, RETRY_AFTER_MAX);
    this.#failed.delete(key);
    this.#failed.set(key, { until: this.now() + seconds * 1000, failure });
    for (const oldest of this.#failed.keys()) {
      if (this.#failed.size <= FAILURES_MAX) break;
      this.#failed.delete(oldest);
    }
  }
}

// Rendered discussions, kept per article and attribute set by the proxy's own policy: fresh for its
// TTL, then served at once while one render refreshes them, and standing in while Bluesky fails.
// Pages that ask for one key together share one render. Kept in the isolate's memory, bounded.

import { renderDiscussion, type RenderOptions } from '../server/render.ts';
import { MemoryStore, RENDER_LIMITS } from './store.ts';
import { StaleWhileRevalidate, type Policy, type WaitUntil } from './swr.ts';
import { failure, type Outcome } from './upstream.ts';
import type { PageOptions } from './page-inputs.ts';

/** What a page's element gets: its status and what goes inside it (the shadow root and the data). */
export interface Filled {
  status: string;
  inner: string;
}

export interface RendersOptions {
  policy: Policy;
  now: () => number;
  /** Milliseconds a page waits for a render it does not have; past that, the element stays as written (the render goes on, for the next page). */
  wait: number;
  /** renderDiscussion's `stylesheet`, for pages whose CSP refuses inline styles. */
  stylesheet?: string;
  /** The renderer (tests pass their own). */
  render?: (options: RenderOptions) => Promise<string>;
  maxEntries?: number;
  maxChars?: number;
}

/** The element renderDiscussion returns: its attributes (values escaped, so no `"` inside), then what is inside it. */
const ELEMENT = /^<discuss-thread((?:\s+[\w-]+="[^"]*")*)>([\s\S]*)<\/discuss-thread>$/;

/** The status and inside of a filled element; undefined for the bare element renderDiscussion returns when discovery failed. */
export function filledOf(html: string): Filled | undefined {
  const [, attributes = '', inner = ''] = ELEMENT.exec(html) ?? [];
  const status = /\sstatus="([^"]*)"/.exec(attributes)?.[1];
  return status && inner ? { status, inner } : undefined;
}

const NOT_FILLED = failure(502, 'RenderFailed', 'The discussion could not be loaded.', true);

/** `promise`'s value, or undefined once `ms` have passed; the timer never outlives the wait. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export class Renders {
  readonly #answers: StaleWhileRevalidate;
  readonly #render: (options: RenderOptions) => Promise<string>;

  constructor(readonly options: RendersOptions) {
    const memory = new MemoryStore(options.maxEntries ?? RENDER_LIMITS.maxEntries, options.maxChars ?? RENDER_LIMITS.maxChars, options.now);
    this.#answers = new StaleWhileRevalidate(options.policy, memory, undefined, options.now);
    this.#render = options.render ?? renderDiscussion;
  }

  /** The element for these options, rendered asking with `ask`, or undefined when there is none to give within the wait. */
  async fill(page: PageOptions, ask: typeof fetch, waitUntil: WaitUntil): Promise<Filled | undefined> {
    const { policy, stylesheet, now } = this.options;
    const options: RenderOptions = { ...page, ttl: policy.ttl, ...(stylesheet && { stylesheet }) };
    const load = async (): Promise<Outcome> => {
      try {
        const html = await this.#render({ ...options, fetch: ask });
        if (filledOf(html)) return { entry: { status: 200, body: html, type: 'text/html', storedAt: now() } };
      } catch (error) {
        console.error('discuss-thread worker: a discussion could not be rendered:', error);
      }
      return { failure: NOT_FILLED };
    };
    const served = await within(this.#answers.serve(JSON.stringify(options), load, waitUntil), this.options.wait);
    return served?.entry && filledOf(served.entry.body);
  }
}

// The first code the entry file runs, before Lit and the element: for each <discuss-thread> in the
// page that will load at once (not rendered by a server, not served fresh from the session cache,
// eager or within the element's 800 px of the viewport), send the requests its attributes alone
// name (the search, and the handles of its `post`s), and begin its load the moment the discussion
// code arrives (load.ts, `begin`). On a phone the element's own code takes a few hundred
// milliseconds to evaluate; all this goes on meanwhile. The element takes the load up when it runs,
// and the load takes up the answers sent early by address (http.ts, `sendEarly`).

import { readInputs, readPage, type Attributes } from './inputs.ts';
import { readCache } from './bluesky/cache.ts';
import { sendEarly, xrpcUrl } from './bluesky/http.ts';
import { searchUrl } from './bluesky/search.ts';
import { isDid } from './bluesky/urls.ts';
import { begin } from './load.ts';

/** As the element reads them: each attribute as its property (`search-service` as `searchService`), `limit` and `depth` as numbers. */
export function attributesOf(element: Element): Attributes {
  const attributes: Record<string, unknown> = {};
  for (const { name, value } of element.attributes) attributes[name.replace(/-(.)/g, (_, c: string) => c.toUpperCase())] = value;
  for (const name of ['limit', 'depth']) if (name in attributes) attributes[name] = Number(attributes[name]);
  return attributes;
}

/** Whether the element, not yet upgraded, will load as soon as it is: as its IntersectionObserver would find it. */
function now(element: Element, eager: boolean): boolean {
  if (eager || typeof IntersectionObserver !== 'function') return true;
  const { top, bottom } = element.getBoundingClientRect();
  return bottom > -800 && top < innerHeight + 800;
}

/**
 * The browser's number and date data, loaded while the page waits for the network: the first
 * `Intl` formatter a page makes costs tens of milliseconds (hundreds on a phone), and the posts'
 * counts and times need one. Once the first answer has arrived: the requests it leads to go out
 * first, and this fills the wait for theirs.
 */
function warm() {
  const idle = (task: () => void) => (globalThis.requestIdleCallback ?? setTimeout)(() => task());
  idle(() => {
    new Intl.NumberFormat().format(0);
    idle(() => new Intl.DateTimeFormat().format(0)); // a task of its own, so answers may come between
  });
}

export function prelude(doc: Document): void {
  if (customElements.get('discuss-thread')) return; // loaded twice: the first load's element is at work
  let loading = false;
  const asked: Array<Promise<unknown>> = [];
  for (const element of doc.querySelectorAll('discuss-thread')) {
    if (element.shadowRoot) continue; // the server's discussion: no request while it is fresh
    const inputs = readInputs(attributesOf(element), readPage(doc), () => {}); // (the element warns)
    if (!now(element, inputs.loading === 'eager') || readCache(inputs.key)?.fresh) continue;
    // The requests first, then the code that reads them. With labelers the search carries their
    // header: the discussion code sends it.
    if (!inputs.labelers?.trim()) asked.push(sendEarly(searchUrl(inputs)));
    for (const { actor } of inputs.pinned)
      if (!isDid(actor)) asked.push(sendEarly(xrpcUrl(inputs.service, 'com.atproto.identity.resolveHandle', { handle: actor })));
    // A page that gave the element a `filter` before it upgraded loads with it, which no begun load
    // knows of: the element's own load takes the answers sent early.
    if (!Object.hasOwn(element, 'filter')) begin(inputs, inputs.key);
    loading = true;
  }
  if (loading) Promise.race(asked.length ? asked : [0]).then(warm, warm);
}

if (typeof document === 'object') prelude(document);

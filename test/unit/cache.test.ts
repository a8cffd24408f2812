// The session cache's ages: under five minutes an entry is shown with no request, under an hour it is
// shown while a fresh copy loads, and from an hour on it is as if there were none.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LitElement } from 'lit';
import { readCache, writeCache } from '../../src/bluesky/cache.ts';
import { isDiscussion } from '../../src/bluesky/cache-shape.ts';
import { loadDiscussion } from '../../src/bluesky/discussion.ts';
import { NEWSWATCH } from '../../demo/appview/sample.ts';
import { LoadController } from '../../src/load.ts';
import { readInputs } from '../../src/inputs.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { deferred, ORIGIN, sampleRoute, stubFetch } from './helpers.ts';

const MINUTE = 60_000;
const AT = Date.parse('2026-11-27T10:00:00Z');
const empty = { threads: [], pending: [], failures: [] };

class Host extends LitElement {
  loader = new LoadController(this);
}
customElements.define('cache-age-host', Host);

const inputs = readInputs(
  { url: ARTICLE, service: ORIGIN, searchService: ORIGIN, backlinksService: 'none' },
  { baseURI: ORIGIN, href: ORIGIN, title: 't' },
  () => {},
);

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('a session-cache entry', () => {
  it('is fresh under five minutes, stale under an hour, and gone from an hour on', () => {
    writeCache('k', empty, AT);
    expect(readCache('k', AT + 5 * MINUTE - 1)).toEqual({ discussion: empty, fresh: true });
    expect(readCache('k', AT + 5 * MINUTE)).toEqual({ discussion: empty, fresh: false });
    expect(readCache('k', AT + 60 * MINUTE - 1)).toEqual({ discussion: empty, fresh: false });
    expect(readCache('k', AT + 60 * MINUTE)).toBeUndefined();
    expect(readCache('k', AT - 1)).toBeUndefined(); // written "in the future": a clock that moved back
  });

  it('an hour old is not shown: the widget searches as on a first visit', async () => {
    stubFetch(sampleRoute);
    const first = document.body.appendChild(document.createElement('cache-age-host') as Host);
    first.loader.load(inputs, inputs.key);
    await first.loader.done;
    await vi.waitFor(() => expect(readCache(inputs.key)).toBeDefined());
    first.remove();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 60 * MINUTE);
    const search = deferred();
    stubFetch(async (url, init) => (url.pathname.endsWith('searchPosts') && (await search.promise), sampleRoute(url, init)));
    const later = document.body.appendChild(document.createElement('cache-age-host') as Host);
    later.loader.load(inputs, inputs.key);
    expect(later.loader.state.status).toBe('searching'); // nothing old on screen meanwhile
    search.resolve();
    await later.loader.done;
    expect(later.loader.state.status).toBe('loaded');
  });
});

describe('a cached discussion’s warnings and pinned posts', () => {
  it('reads back a warning with its label, names and labeler, and the pinned posts; refuses an entry from before either', async () => {
    stubFetch(sampleRoute);
    const pinned = [{ actor: 'minapark.news.example', rkey: '3m6aaa2story' }];
    const discussion = await loadDiscussion({ ...inputs, pinned, labelers: NEWSWATCH.did });
    const copy = JSON.parse(JSON.stringify(discussion));
    expect(isDiscussion(copy)).toBe(true);
    const claim = copy.threads.flatMap((t: { replies: unknown[] }) => t.replies).find((r: { warn?: unknown }) => r.warn);
    expect(claim.warn).toMatchObject({ label: 'unverified', by: 'Newswatch Moderation' });
    // An entry written when a warning was a flag, or named in a shape we never write, is read afresh.
    for (const old of [true, false, { label: 1 }, { label: 'x', names: [{ lang: 'en' }] }]) {
      claim.warn = old;
      expect(isDiscussion(copy)).toBe(false);
    }
    claim.warn = { label: 'unverified' };
    expect(isDiscussion({ ...copy, pinned: [1] })).toBe(false);
    expect(isDiscussion(copy)).toBe(true);
  });
});

// `labelers` takes at most 20 moderation services, as Bluesky's apps allow: the first 20 DIDs, once
// each, are asked for their definitions and named in every AppView query; the rest are warned about.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { BSKY_LABELER_DID } from '@atproto/api';
import { loadDiscussion } from '../../src/bluesky/discussion.ts';
import { readInputs } from '../../src/inputs.ts';
import { actor, labelerView, post } from '../../demo/appview/build.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { assertValidOutput, ORIGIN, stubFetch, xrpcRoutes } from './helpers.ts';

const services = Array.from({ length: 23 }, (_, i) => actor(`cap-labeler-${i}.example`, `Labeler ${i}`));
const dids = services.map((service) => service.did);
const definitions = [{ identifier: 'spoiler', severity: 'inform', blurs: 'content', defaultSetting: 'warn', name: 'Spoiler' }] as const;

/** getServices as the AppView answers it: a detailed view for each DID asked. */
const getServices = (query: URLSearchParams) => {
  const body = { views: services.filter((service) => query.getAll('dids').includes(service.did)).map((service) => labelerView(service, [...definitions])) };
  assertValidOutput('app.bsky.labeler.getServices', body);
  return body;
};
const root = post({ author: actor('reader'), rkey: '3kcap', createdAt: '2026-11-27T10:00:00.000Z', text: ['On this ', { link: ARTICLE }] });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('labelers', () => {
  it('takes the first 20, once each, and warns about the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { calls } = stubFetch(xrpcRoutes({ 'app.bsky.feed.searchPosts': { posts: [root] }, 'app.bsky.labeler.getServices': getServices }));
    // 23 services, the second named twice: 24 entries, spaces and commas between them.
    const written = [dids[0], dids[1], dids[1], ...dids.slice(2)].join(', ');
    const inputs = readInputs(
      { url: ARTICLE, service: ORIGIN, searchService: ORIGIN, backlinksService: 'none', labelers: written },
      { baseURI: ARTICLE, href: ARTICLE, title: 't' },
      vi.fn(),
    );
    const discussion = await loadDiscussion(inputs);
    expect(discussion.threads).toHaveLength(1);
    expect(discussion.failures).toEqual([]);
    const asked = calls.find((call) => call.url.pathname.endsWith('app.bsky.labeler.getServices'))!;
    expect(asked.url.searchParams.getAll('dids')).toEqual(dids.slice(0, 20));
    const search = calls.find((call) => call.url.pathname.endsWith('app.bsky.feed.searchPosts'))!;
    expect(new Headers(search.init?.headers).get('atproto-accept-labelers')).toBe([`${BSKY_LABELER_DID};redact`, ...dids.slice(0, 20)].join(', '));
    const said = warn.mock.calls.map((call) => String(call[0]));
    expect(said.filter((line) => line.includes('the first 20 labelers only'))).toEqual(
      dids.slice(20).map((did) => `<discuss-thread>: ignoring labelers="${did}"; using the first 20 labelers only.`),
    );
  });
});

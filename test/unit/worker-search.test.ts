// @vitest-environment node
// Signed-in search: with an app password the proxy signs in once, searches through the account's
// PDS (which passes the query to Bluesky's AppView), refreshes the session when it expires, and
// falls back to anonymous search when it cannot sign in. The password and tokens never reach a reader.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH, answering, json, proxyWith, sampleAnswer } from './worker-stubs.ts';

const ENTRYWAY = 'https://entryway.test';
const PDS = 'https://pds.host.test';
const SEARCH_HOST = 'https://search.test';
const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const PASSWORD = 'abcd-efgh-ijkl-mnop';
const START = Date.UTC(2026, 10, 27, 12);

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (kind: string, n: number, exp: number) => `${base64url({ alg: 'ES256K' })}.${base64url({ scope: kind, sub: DID, exp: exp / 1000, n })}.c2ln`;

/** A PDS behind an entryway, as Bluesky's accounts have: tokens numbered from 1, access good for two hours. */
function account({ endpoint = PDS, signIn = true } = {}) {
  const state = { sessions: 0, refreshes: 0, expired: new Set<string>(), refused: new Set<string>(), now: START };
  const tokens = (n: number) => ({
    accessJwt: jwt('access', n, state.now + 2 * 3600_000),
    refreshJwt: jwt('refresh', n, state.now + 60 * 86400_000),
    did: DID,
    handle: 'site.example',
    didDoc: { id: DID, service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: endpoint }] },
  });
  const up = answering(async (url, init) => {
    const headers = new Headers(init.headers);
    const bearer = headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    if (url.pathname.endsWith('/com.atproto.server.createSession')) {
      const body = JSON.parse(String(init.body));
      if (!signIn || body.password !== PASSWORD) return json({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' }, 401);
      return json(tokens(++state.sessions + state.refreshes));
    }
    if (url.pathname.endsWith('/com.atproto.server.refreshSession')) {
      if (state.refused.has(bearer)) return json({ error: 'ExpiredToken', message: 'Token has expired' }, 400);
      return json(tokens(state.sessions + ++state.refreshes));
    }
    if (url.origin === SEARCH_HOST) return json({ error: 'Forbidden', message: 'anonymous search is off' }, 403);
    if (!bearer) return json({ error: 'AuthenticationRequired' }, 401);
    if (state.expired.has(bearer)) return json({ error: 'ExpiredToken', message: 'Token has expired' }, 400);
    return sampleAnswer(url, init.headers);
  });
  return { ...up, state, searches: () => up.calls.filter((c) => c.url.pathname.endsWith('searchPosts')) };
}

const signedIn = (fetch: ReturnType<typeof account>['fetch'], extra = {}) =>
  proxyWith(fetch, { search: SEARCH_HOST, pds: ENTRYWAY, identifier: 'site.example', appPassword: PASSWORD, ...extra });

/** Everything a reader could see of an answer. */
const seen = async (response: Response) => `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`;

afterEach(() => vi.restoreAllMocks());

describe('signed-in search', () => {
  it('signs in once, then searches through the account’s PDS, asking it to pass the query to the AppView', async () => {
    const pds = account();
    const { get } = signedIn(pds.fetch);
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => get(`${SEARCH}&lang=l${i}`)));
    expect(pds.state.sessions).toBe(1);
    const [signIn] = pds.calls;
    expect(signIn.url.href).toBe(`${ENTRYWAY}/xrpc/com.atproto.server.createSession`);
    expect(JSON.parse(String(signIn.init.body))).toEqual({ identifier: 'site.example', password: PASSWORD });
    expect(pds.searches()).toHaveLength(5);
    for (const search of pds.searches()) {
      expect(search.url.origin).toBe(PDS);
      expect(search.headers.get('authorization')).toMatch(/^Bearer .+/);
      expect(search.headers.get('atproto-proxy')).toBe('did:web:api.bsky.app#bsky_appview');
    }
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect((await response.clone().json()).posts.length).toBeGreaterThan(0);
      const text = await seen(response);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(jwt('access', 1, START + 2 * 3600_000));
    }
  });

  it('refreshes the session when the PDS says the token expired, and asks again', async () => {
    const pds = account();
    const { get } = signedIn(pds.fetch);
    await get(SEARCH);
    const first = pds.searches()[0].headers.get('authorization')!.replace('Bearer ', '');
    pds.state.expired.add(first);
    const response = await get(`${SEARCH}&lang=ko`);
    expect(response.status).toBe(200);
    expect(pds.state).toMatchObject({ sessions: 1, refreshes: 1 });
    const refresh = pds.calls.find((c) => c.url.pathname.endsWith('refreshSession'))!;
    expect(refresh.url.origin).toBe(ENTRYWAY); // refreshed where it signed in
    expect(refresh.headers.get('authorization')).toBe(`Bearer ${jwt('refresh', 1, START + 60 * 86400_000)}`);
    const [, refused, retried] = pds.searches().map((c) => c.headers.get('authorization'));
    expect(refused).toBe(`Bearer ${first}`);
    expect(retried).toBe(`Bearer ${jwt('access', 2, START + 2 * 3600_000)}`);
    expect(await seen(response)).not.toMatch(/ExpiredToken|Bearer/);
  });

  it('refreshes before searching once the access token’s own expiry has passed', async () => {
    const pds = account();
    const { get, time } = signedIn(pds.fetch);
    await get(SEARCH);
    time.advance(2 * 3600);
    pds.state.now = time.now();
    await get(`${SEARCH}&lang=ko`);
    expect(pds.state).toMatchObject({ sessions: 1, refreshes: 1 });
    expect(pds.searches()[1].headers.get('authorization')).toBe(`Bearer ${jwt('access', 2, time.now() + 2 * 3600_000)}`);
  });

  it('signs in afresh when the refresh token is refused too', async () => {
    const pds = account();
    const { get } = signedIn(pds.fetch);
    await get(SEARCH);
    pds.state.expired.add(pds.searches()[0].headers.get('authorization')!.replace('Bearer ', ''));
    pds.state.refused.add(jwt('refresh', 1, START + 60 * 86400_000));
    expect((await get(`${SEARCH}&lang=ko`)).status).toBe(200);
    expect(pds.state).toMatchObject({ sessions: 2, refreshes: 0 });
  });

  it('asks where it signed in when the DID document names a PDS that is not a public https origin', async () => {
    for (const endpoint of ['https://127.0.0.1', 'http://pds.example.com', 'https://localhost', 'https://pds.internal', 'https://[::1]']) {
      const pds = account({ endpoint });
      await signedIn(pds.fetch).get(SEARCH);
      expect(pds.searches()[0].url.origin, endpoint).toBe(ENTRYWAY);
    }
  });

  it('searches anonymously when it cannot sign in, and does not try again for a while', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pds = account({ signIn: false });
    const { get, time } = signedIn(pds.fetch);
    const refused = await get(SEARCH);
    expect(refused.status).toBe(403); // Bluesky's refusal of anonymous search, passed on: the widget falls back to backlinks
    time.advance(60);
    await get(`${SEARCH}&lang=ko`);
    const signIns = pds.calls.filter((c) => c.url.pathname.endsWith('createSession'));
    expect(signIns).toHaveLength(1);
    expect(pds.searches().map((c) => [c.url.origin, c.headers.get('authorization')])).toEqual([
      [SEARCH_HOST, null],
      [SEARCH_HOST, null],
    ]);
    expect(await seen(refused)).not.toContain(PASSWORD);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).not.toContain(PASSWORD);
    time.advance(300);
    await get(`${SEARCH}&lang=ja`);
    expect(pds.calls.filter((c) => c.url.pathname.endsWith('createSession'))).toHaveLength(2);
  });

  it('without an app password, forwards search anonymously to the search host', async () => {
    const pds = account();
    const { get } = proxyWith(pds.fetch, { search: SEARCH_HOST, identifier: 'site.example' });
    expect((await get(SEARCH)).status).toBe(403);
    expect(pds.calls.map((c) => [c.url.origin, c.headers.get('authorization')])).toEqual([[SEARCH_HOST, null]]);
  });
});

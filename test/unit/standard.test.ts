// standard.site's two requests go where documents from the network say: a did:web host, and the PDS a
// DID document names. Each must be a public https host, so no page can point every reader's browser
// at their own machine or network; and a DID document speaks only for the DID it names.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentPost } from '../../src/bluesky/standard.ts';
import { publicHttpsOrigin } from '../../src/bluesky/hosts.ts';
import { json, stubFetch } from './helpers.ts';

const PLC = 'did:plc:docdocdocdocdocdocdocdoc';
const STORY = 'at://did:plc:sw7fivsls5jd6l344ydke56c/app.bsky.feed.post/3m6aaa2story';
let documents = 0;
/** A document URI of its own for each test, since a warning is said once a page session. */
const documentUri = (did: string) => `at://${did}/site.standard.document/3mdoc${++documents}`;

/** A DID document as plc.directory or a did:web host serves it. */
const didDocument = (id: string, serviceEndpoint: string) => ({
  '@context': ['https://www.w3.org/ns/did/v1'],
  id,
  alsoKnownAs: ['at://minapark.news.example'],
  service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint }],
});

/** The record a PDS answers for the document (`com.atproto.repo.getRecord`). */
const record = (did: string) => ({
  uri: `at://${did}/site.standard.document/3mdoc`,
  cid: 'bafyreidoc',
  value: {
    $type: 'site.standard.document',
    title: 'Story',
    site: 'https://news.example',
    publishedAt: '2026-11-27T00:00:00.000Z',
    bskyPostRef: { uri: STORY, cid: 'bafy' },
  },
});

/** A network where every DID document names `endpoint` as the PDS (and says it is `id`'s), and every PDS answers the record. */
function network(endpoint: string, id?: string) {
  return stubFetch((url) => {
    if (url.pathname === '/xrpc/com.atproto.repo.getRecord') return json(record(url.searchParams.get('repo')!));
    const did = url.origin === 'https://plc.directory' ? decodeURIComponent(url.pathname.slice(1)) : `did:web:${url.hostname}`;
    return json(didDocument(id ?? did, endpoint));
  });
}

const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('standard.site hosts', () => {
  it.each(['news.example', 'pds.example'])(
    'follows no redirect from %s: a checked public name cannot send readers on to a private one',
    async (redirecting) => {
      const reached: string[] = [];
      stubFetch((url, init) => {
        if (url.hostname === redirecting) {
          // The host answers 302 to a private address: a browser's fetch follows it unless told `redirect: 'error'`.
          if (init?.redirect === 'error') throw new TypeError('Failed to fetch');
          reached.push('http://127.0.0.1:9000/api/admin/reset');
        }
        if (url.pathname === '/xrpc/com.atproto.repo.getRecord') return json(record('did:web:news.example'));
        return json(didDocument('did:web:news.example', 'https://pds.example'));
      });
      await expect(documentPost(documentUri('did:web:news.example'), {})).rejects.toMatchObject({ kind: 'network' });
      expect(reached).toEqual([]);
    },
  );

  it('reads a did:web document from its public host, and the record from its PDS', async () => {
    const { calls } = network('https://pds.example');
    await expect(documentPost(documentUri('did:web:news.example'), {})).resolves.toEqual({ actor: 'did:plc:sw7fivsls5jd6l344ydke56c', rkey: '3m6aaa2story' });
    expect(calls.map((call) => call.url.href)).toEqual([
      'https://news.example/.well-known/did.json',
      `https://pds.example/xrpc/com.atproto.repo.getRecord?repo=did%3Aweb%3Anews.example&collection=site.standard.document&rkey=3mdoc${documents}`,
    ]);
  });

  it.each([
    ['an IPv4 literal', 'did:web:127.0.0.1'],
    ['an IPv4 literal in another form', 'did:web:2130706433'],
    ['a short IPv4 literal', 'did:web:127.1'],
    ['an IPv6 literal', 'did:web:%5B%3A%3A1%5D'],
    ['localhost', 'did:web:localhost'],
    ['a name under localhost', 'did:web:admin.localhost'],
    ['an mDNS name', 'did:web:printer.local'],
    ['an internal name', 'did:web:vault.internal'],
    ['a single-label name', 'did:web:intranet'],
    ['a port', 'did:web:news.example%3A8443'],
    ['localhost with a port', 'did:web:localhost%3A9000'],
  ])('asks nothing of a did:web on %s, and says why', async (_, did) => {
    const warn = quiet();
    const { calls } = network('https://pds.example');
    await expect(documentPost(documentUri(did), {})).resolves.toBeUndefined();
    expect(calls).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('did:web on a public host without a port'));
  });

  it('never sends a request to a PDS endpoint that is not public https, and says why', async () => {
    for (const endpoint of [
      'http://127.0.0.1:9000/api/admin/reset?x=1',
      'https://127.0.0.1/api/admin/reset?x=1',
      'https://[::1]/',
      'https://10.0.0.7',
      'http://pds.example',
      'https://localhost',
      'https://pds.internal',
      'https://pds.example:9000',
      'https://user:secret@pds.example',
      'javascript:alert(1)',
    ]) {
      const warn = quiet().mockClear();
      const { calls } = network(endpoint);
      await expect(documentPost(documentUri(PLC), {}), endpoint).resolves.toBeUndefined();
      expect(
        calls.map((call) => call.url.origin),
        endpoint,
      ).toEqual(['https://plc.directory']);
      expect(warn, endpoint).toHaveBeenCalledWith(expect.stringContaining('names no PDS at a public https address'));
    }
  });

  it('asks the PDS at its origin, whatever path, query or fragment its endpoint carries', async () => {
    const { calls } = network('https://pds.example/api/admin/reset?x=1#top');
    await expect(documentPost(documentUri(PLC), {})).resolves.toBeDefined();
    expect(calls[1].url.href).toBe(
      `https://pds.example/xrpc/com.atproto.repo.getRecord?repo=did%3Aplc%3Adocdocdocdocdocdocdocdoc&collection=site.standard.document&rkey=3mdoc${documents}`,
    );
  });

  it('takes no PDS from a DID document that is another DID’s', async () => {
    const warn = quiet();
    const { calls } = network('https://pds.example', 'did:plc:otherotherotherotherothe');
    await expect(documentPost(documentUri(PLC), {})).resolves.toBeUndefined();
    expect(calls.map((call) => call.url.pathname)).toEqual([`/${PLC}`]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`its DID document is not ${PLC}'s`));
  });
});

describe('publicHttpsOrigin', () => {
  it('gives the origin of a public https address', () => {
    expect(publicHttpsOrigin('https://pds.example/some/path?q=1#f')).toBe('https://pds.example');
    expect(publicHttpsOrigin('https://PDS.Example:443/')).toBe('https://pds.example');
    expect(publicHttpsOrigin('https://bücher.example')).toBe('https://xn--bcher-kva.example');
  });

  it.each([
    'http://pds.example',
    'https://pds.example:8443',
    'https://user@pds.example',
    'https://127.0.0.1',
    'https://0x7f.1',
    'https://[::ffff:7f00:1]',
    'https://localhost',
    'https://localhost.',
    'https://a.localhost',
    'https://nas.local',
    'https://db.internal',
    'https://router.home.arpa',
    'https://intranet',
    '/relative',
    'not a url',
  ])('refuses %s', (input) => {
    expect(publicHttpsOrigin(input)).toBeUndefined();
  });
});

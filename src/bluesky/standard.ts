// standard.site: a page that declares its document record (`<link rel="site.standard.document"
// href="at://…">`) may name the Bluesky post that announced it (`bskyPostRef`); that post is pinned.
// The record is read from where it lives: the DID document (plc.directory, or the did:web host)
// names the author's PDS, which serves the record. Two requests, from a chunk fetched only by pages
// that declare a document, in parallel with the search; the pinned posts wait for them, so each
// gives up after 3 s. Both hosts come from documents, so each must be a public https host.

import type { PostRef } from './model.ts';
import { isObject } from './parse.ts';
import { buildUrl, getJson, type RequestOptions } from './http.ts';
import { isDid, isRecordKey, parsePostRef } from './urls.ts';
import { publicHttpsOrigin } from './hosts.ts';
import { warner } from './warn.ts';

const warn = warner();
const LINK = '<link rel="site.standard.document">';

export const PLC_DIRECTORY = 'https://plc.directory';
const DOCUMENT_TIMEOUT = 3000;

/**
 * Where a DID's document is served: plc.directory for did:plc, the host's `.well-known` for did:web
 * on a public host name. A did:web with a port (`%3A`) or a path is refused: those are for
 * development, and a reader's browser has no business on another port of someone's host.
 */
function didDocumentUrl(did: string): string | undefined {
  if (/^did:plc:[a-z2-7]{24}$/.test(did)) return `${PLC_DIRECTORY}/${did}`;
  const web = /^did:web:([a-zA-Z0-9.-]+)$/.exec(did);
  const origin = web ? publicHttpsOrigin(`https://${web[1]}`) : undefined;
  return origin && `${origin}/.well-known/did.json`;
}

/** The origin of the PDS a DID document names (`#atproto_pds`), when it is a public https host; its path is never used. */
function pdsOf(doc: Record<string, unknown>): string | undefined {
  const services = Array.isArray(doc.service) ? doc.service : [];
  const pds = services.find((service) => isObject(service) && typeof service.id === 'string' && service.id.endsWith('#atproto_pds'));
  return isObject(pds) && typeof pds.serviceEndpoint === 'string' ? publicHttpsOrigin(pds.serviceEndpoint) : undefined;
}

/**
 * The post a standard.site document names in `bskyPostRef`, or undefined when it names none.
 * Throws a RequestError when the DID document or the record cannot be read.
 */
export async function documentPost(uri: string, ctx: RequestOptions): Promise<PostRef | undefined> {
  const [, did = '', rkey = ''] = /^at:\/\/([^/]+)\/site\.standard\.document\/([^/?#]+)$/.exec(uri) ?? [];
  const docUrl = isDid(did) && isRecordKey(rkey) ? didDocumentUrl(did) : undefined;
  if (!docUrl) {
    warn(LINK, uri, 'no post from it (expected at://<did:plc, or did:web on a public host without a port>/site.standard.document/<key>)');
    return undefined;
  }
  // The first view waits for these two, so each gives up sooner than other requests. Their hosts
  // were checked as named: a redirect could lead anywhere (a private address), so it fails them.
  const options = { signal: ctx.signal, fetch: ctx.fetch, timeout: DOCUMENT_TIMEOUT, redirect: 'error' as const };
  const doc = await getJson(docUrl, options);
  // A document that is another DID's could name any PDS: the record must come from this DID's.
  const pds = isObject(doc) && doc.id === did ? pdsOf(doc) : undefined;
  if (!pds) {
    warn(LINK, uri, `no post from it (its DID document ${isObject(doc) && doc.id === did ? 'names no PDS at a public https address' : `is not ${did}'s`})`);
    return undefined;
  }
  const body = await getJson(buildUrl(pds, '/xrpc/com.atproto.repo.getRecord', { repo: did, collection: 'site.standard.document', rkey }), options);
  const ref = isObject(body) && isObject(body.value) && isObject(body.value.bskyPostRef) ? body.value.bskyPostRef.uri : undefined;
  return typeof ref === 'string' ? parsePostRef(ref) : undefined;
}

// standard.site: a page that declares its document record (`<link rel="site.standard.document"
// href="at://…">`) may name the Bluesky post that announced it (`bskyPostRef`); that post is pinned.
// The record is read from where it lives: the DID document (plc.directory, or the did:web host)
// names the author's PDS, which serves the record. Two requests, from a chunk fetched only by pages
// that declare a document, in parallel with the search; the pinned posts wait for them, so each
// gives up after 3 s.

import type { PostRef } from './model.ts';
import { isObject } from './parse.ts';
import { buildUrl, getJson, type RequestOptions } from './http.ts';
import { isDid, isRecordKey, parsePostRef } from './urls.ts';
import { safeHref } from './links.ts';
import { warner } from './warn.ts';

const warn = warner();

export const PLC_DIRECTORY = 'https://plc.directory';
const DOCUMENT_TIMEOUT = 3000;

/** Where a DID's document is served: plc.directory for did:plc, the host's `.well-known` for did:web. */
function didDocumentUrl(did: string): string | undefined {
  if (/^did:plc:[a-z2-7]{24}$/.test(did)) return `${PLC_DIRECTORY}/${did}`;
  const web = /^did:web:([a-zA-Z0-9.-]+(?:%3[aA]\d+)?)$/.exec(did);
  return web ? `https://${web[1].replace(/%3a/i, ':')}/.well-known/did.json` : undefined;
}

/** The PDS a DID document names (`#atproto_pds`), or undefined. */
function pdsOf(doc: unknown): string | undefined {
  const services = isObject(doc) && Array.isArray(doc.service) ? doc.service : [];
  const pds = services.find((service) => isObject(service) && typeof service.id === 'string' && service.id.endsWith('#atproto_pds'));
  return isObject(pds) && typeof pds.serviceEndpoint === 'string' ? safeHref(pds.serviceEndpoint) : undefined;
}

/**
 * The post a standard.site document names in `bskyPostRef`, or undefined when it names none.
 * Throws a RequestError when the DID document or the record cannot be read.
 */
export async function documentPost(uri: string, ctx: RequestOptions): Promise<PostRef | undefined> {
  const [, did = '', rkey = ''] = /^at:\/\/([^/]+)\/site\.standard\.document\/([^/?#]+)$/.exec(uri) ?? [];
  const docUrl = isDid(did) && isRecordKey(rkey) ? didDocumentUrl(did) : undefined;
  if (!docUrl) {
    warn('<link rel="site.standard.document">', uri, 'no post from it (expected at://<did:plc or did:web>/site.standard.document/<key>)');
    return undefined;
  }
  // The first view waits for these two, so each gives up sooner than other requests.
  const options = { signal: ctx.signal, timeout: DOCUMENT_TIMEOUT };
  const pds = pdsOf(await getJson(docUrl, options));
  if (!pds) return undefined;
  const body = await getJson(buildUrl(pds, '/xrpc/com.atproto.repo.getRecord', { repo: did, collection: 'site.standard.document', rkey }), options);
  const ref = isObject(body) && isObject(body.value) && isObject(body.value.bskyPostRef) ? body.value.bskyPostRef.uri : undefined;
  return typeof ref === 'string' ? parsePostRef(ref) : undefined;
}

// The one file a site publishes to let readers sign in: its OAuth client metadata, whose https
// address is the `client-id`. `npx discuss-thread-client-metadata` (bin/) writes it from this, once
// Bluesky's own OAuth code accepts it. Not part of the widget's bundle.

import { graphemes } from '../compose.ts';
import { SCOPE } from './scope.ts';

export interface ClientMetadataOptions {
  /** Where the document will be published (https): also the client's id, the `client-id` attribute. */
  url: string;
  /** The page readers come back to after signing in (any page with the widget), on the same site. */
  redirect: string;
  /** The site's name, shown on the reader's consent page; the host name by default. */
  name?: string;
}

/**
 * The parts of Bluesky's OAuth client (`@atproto/oauth-client`, which our OAuth dependency brings)
 * that judge a client's metadata: the schema its `validateClientMetadata` parses with, and the test
 * its authorization server applies to a client's host. The bin loads them; never the widget.
 */
export interface BlueskyChecks {
  clientMetadataSchema: { safeParse(metadata: unknown): { success: boolean; error?: { issues: Array<{ path: Array<string | number>; message: string }> } } };
  isLocalHostname(hostname: string): boolean;
}

/** The longest site name we write: readers see it on their consent page, above what they grant. */
export const MAX_NAME = 100;

/** The client metadata document for a site, or an Error saying which option is wrong and why. */
export function clientMetadata({ url, redirect, name }: ClientMetadataOptions, bluesky: BlueskyChecks) {
  const id = parse(url, 'url');
  const back = parse(redirect, 'redirect');
  if (id.pathname === '/') throw new Error(`url: give the document's own address (a path such as /client-metadata.json), not the site's root`);
  if (back.origin !== id.origin) throw new Error(`redirect: ${back.href} must be on the same site as the document (${id.origin})`);
  const metadata = {
    client_id: id.href,
    client_name: siteName(name, id.hostname),
    client_uri: id.origin,
    application_type: 'web',
    dpop_bound_access_tokens: true,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [back.href],
    scope: SCOPE,
    token_endpoint_auth_method: 'none',
  };
  // Bluesky's word is final: its client refuses IP hosts, a path ending in `/`, one-label and `.local`
  // names; its authorization server, hosts it takes for local or reserved ones (`.test`, `.example`…).
  const judged = bluesky.clientMetadataSchema.safeParse(metadata);
  if (!judged.success) {
    // The redirect page shares the document's host: a fault in the host is the url's.
    const issues = judged.error?.issues ?? [];
    const issue = issues.find((i) => i.path[0] === 'client_id') ?? issues[0];
    const [option, address] = issue?.path[0] === 'redirect_uris' ? ['redirect', back.href] : ['url', id.href];
    throw new Error(`${option}: Bluesky's OAuth client refuses ${address}: ${issue?.message ?? 'invalid client metadata'}`);
  }
  if (bluesky.isLocalHostname(id.hostname))
    throw new Error(`url: Bluesky's servers refuse a client on ${id.hostname}: a name for local networks, tests or examples`);
  return metadata;
}

/** An https address with nothing an OAuth client id may not have (credentials, a fragment), not on this machine. */
function parse(value: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${option}: ${JSON.stringify(value)} is not an address`);
  }
  if (url.protocol !== 'https:') throw new Error(`${option}: ${url.href} must be an https address (for local development, use the loopback client)`);
  // `url.hash` is '' for a bare `#`, which the address still carries.
  if (url.username || url.password || url.href.includes('#')) throw new Error(`${option}: ${url.href} must not carry a user, password or #fragment`);
  const host = url.hostname.replace(/\.$/, '');
  if (['localhost', '127.0.0.1', '[::1]'].includes(host) || host.endsWith('.localhost'))
    throw new Error(`${option}: ${url.href} is on this machine: use the loopback client`);
  // `news.example.` is another origin than `news.example` to a browser, and the id must match exactly.
  if (host !== url.hostname) throw new Error(`${option}: write ${url.hostname} without its final dot`);
  return url;
}

// Characters that make text read other than it is: C0 and C1 controls (line breaks and tabs were made
// spaces before), the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F,
// U+202A–U+202E, U+2066–U+2069), which can turn a name around, and every other format character
// (zero-width space, soft hyphen, U+FEFF, the tag characters that can hide ASCII text), which can
// hide part of it. Zero-width joiner and non-joiner stay: emoji and some scripts are written with them.
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Bidi_Control}]/u;

/**
 * The site's name as readers will see it: spaces and line breaks made single spaces, ends trimmed;
 * refused, not cleaned, when it holds a control or direction character (the owner sees what was in
 * it, and no silently changed name goes on the consent page) or is too long (cut, it would no longer
 * be the name they chose).
 */
function siteName(name: string | undefined, host: string): string {
  const clean = (name ?? '').replace(/\s+/g, ' ').trim();
  const bad = INVISIBLE.exec(clean);
  if (bad) {
    const code = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new Error(`name: remove the invisible character ${code} (character ${[...clean.slice(0, bad.index)].length + 1}): it can change how the name reads`);
  }
  // Counted as readers see characters; past 1,000 UTF-16 units not counted at all (on Node 20, where
  // the bin runs, segmenting takes time and memory growing with the square of the text), and no
  // character hides a pile of combining marks.
  if (clean.length > 10 * MAX_NAME || graphemes(clean).length > MAX_NAME)
    throw new Error(`name: at most ${MAX_NAME} characters, as readers see it on their consent page`);
  return clean || host;
}

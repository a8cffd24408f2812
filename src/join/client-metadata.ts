// The one file a site publishes to let readers sign in: its OAuth client metadata, whose https
// address is the `client-id`. `npx discuss-thread-client-metadata` (bin/) writes it from this; a
// test checks what it writes with Bluesky's own OAuth client. Not part of the widget's bundle.

import { SCOPE } from './scope.ts';

export interface ClientMetadataOptions {
  /** Where the document will be published (https): also the client's id, the `client-id` attribute. */
  url: string;
  /** The page readers come back to after signing in (any page with the widget), on the same site. */
  redirect: string;
  /** The site's name, shown on the reader's consent page; the host name by default. */
  name?: string;
}

/** The client metadata document for a site, or an Error saying what is wrong with the options. */
export function clientMetadata({ url, redirect, name }: ClientMetadataOptions) {
  const id = parse(url, 'url');
  const back = parse(redirect, 'redirect');
  if (id.pathname === '/') throw new Error(`url: give the document's own address (a path such as /client-metadata.json), not the site's root`);
  if (back.origin !== id.origin) throw new Error(`redirect: ${back.href} must be on the same site as the document (${id.origin})`);
  return {
    client_id: id.href,
    client_name: name?.trim() || id.hostname,
    client_uri: id.origin,
    application_type: 'web',
    dpop_bound_access_tokens: true,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [back.href],
    scope: SCOPE,
    token_endpoint_auth_method: 'none',
  };
}

/** An https address with nothing an OAuth client id may not have (credentials, a fragment). */
function parse(value: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${option}: ${JSON.stringify(value)} is not an address`);
  }
  if (url.protocol !== 'https:') throw new Error(`${option}: ${url.href} must be an https address (for local development, use the loopback client)`);
  if (url.username || url.password || url.hash) throw new Error(`${option}: ${url.href} must not carry a user, password or #fragment`);
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) throw new Error(`${option}: ${url.href} is on this machine: use the loopback client`);
  return url;
}

// Signed-in search. Bluesky refuses anonymous `searchPosts` at times; with an app password the proxy
// signs in once, keeps the session in memory (nowhere else), refreshes it, and asks the account's
// PDS, which passes the query on to Bluesky's AppView. The password and tokens go to the PDS and
// nowhere else: no answer, log or error carries them.

import { publicHttpsOrigin } from '../bluesky/hosts.ts';
import { isObject } from '../bluesky/parse.ts';
import { ask, exchange, isFailure, xrpcError, type Exchange, type Failure, type Outcome, type Reply } from './upstream.ts';

export interface Credentials {
  identifier: string;
  appPassword: string;
  /** Where the account signs in and refreshes (Bluesky's entryway for bsky.social accounts). */
  pds: string;
}

interface Tokens {
  access: string;
  refresh: string;
  /** The origin queries go to: the PDS the account's DID document names, checked. */
  service: string;
  /** When the access token expires (milliseconds), when it says. */
  expires?: number;
}

const APPVIEW = 'did:web:api.bsky.app#bsky_appview';
/** Refresh this long before the access token says it expires. */
const EARLY = 60_000;
/** Seconds before signing in again after the PDS refused (createSession is tightly rate-limited), or could not be reached. */
const REFUSED_BACKOFF = 300;
const UNREACHABLE_BACKOFF = 30;

/** The expiry (`exp`) of a JWT, in milliseconds; undefined when it cannot be read. */
export function expiryOf(jwt: string): number | undefined {
  try {
    const payload: unknown = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return isObject(payload) && typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** The PDS a session's DID document names, when it is a public https origin (src/bluesky/hosts.ts). */
export function pdsOf(didDoc: unknown, did: unknown): string | undefined {
  if (!isObject(didDoc) || didDoc.id !== did || !Array.isArray(didDoc.service)) return undefined;
  const service = didDoc.service.find(
    (s: unknown) => isObject(s) && (s.id === '#atproto_pds' || s.id === `${did}#atproto_pds`) && s.type === 'AtprotoPersonalDataServer',
  ) as Record<string, unknown> | undefined;
  return typeof service?.serviceEndpoint === 'string' ? publicHttpsOrigin(service.serviceEndpoint) : undefined;
}

/** An answer that says the access token is no longer good. */
function expired(outcome: Outcome): boolean {
  if (outcome.failure) return outcome.failure.status === 401;
  if (outcome.entry.status !== 400) return false;
  const { error } = JSON.parse(outcome.entry.body) as { error?: string };
  return error === 'ExpiredToken' || error === 'InvalidToken';
}

export class SearchSession {
  #tokens?: Tokens;
  #renewing?: Promise<Tokens | undefined>;
  #signInAfter = 0;

  constructor(
    readonly credentials: Credentials,
    readonly io: Exchange,
  ) {}

  /** `searchPosts` as the account, or undefined when it cannot sign in now (the caller asks anonymously). */
  async search(query: string, headers: Record<string, string>): Promise<Outcome | undefined> {
    const send = (tokens: Tokens) =>
      ask(
        this.io,
        `${tokens.service}/xrpc/app.bsky.feed.searchPosts?${query}`,
        { ...headers, authorization: `Bearer ${tokens.access}`, 'atproto-proxy': APPVIEW },
        'error', // credentials never follow a redirect
      );
    const tokens = await this.#current();
    if (!tokens) return undefined;
    const outcome = await send(tokens);
    if (!expired(outcome)) return outcome;
    const renewed = await this.#renew(tokens);
    if (!renewed) return undefined;
    const retried = await send(renewed);
    return expired(retried) ? undefined : retried;
  }

  #current(): Promise<Tokens | undefined> {
    const tokens = this.#tokens;
    if (this.#renewing || !tokens || (tokens.expires !== undefined && tokens.expires - EARLY <= this.io.now())) return this.#renew(tokens);
    return Promise.resolve(tokens);
  }

  /** New tokens in place of `stale`: refreshed, or signed in afresh; one renewal at a time. */
  #renew(stale: Tokens | undefined): Promise<Tokens | undefined> {
    if (this.#renewing) return this.#renewing;
    if (this.#tokens !== stale) return Promise.resolve(this.#tokens); // renewed while this request was out
    const renewing = (stale ? this.#refresh(stale) : Promise.resolve('rejected' as const))
      .then((result) => (result === 'rejected' ? this.#signIn() : result))
      .finally(() => {
        if (this.#renewing === renewing) this.#renewing = undefined;
      });
    this.#renewing = renewing;
    return renewing;
  }

  #post(nsid: string, init: RequestInit): Promise<Reply | Failure> {
    return exchange(this.io, `${this.credentials.pds.replace(/\/+$/, '')}/xrpc/${nsid}`, { method: 'POST', redirect: 'error', ...init });
  }

  /** Refreshed tokens; `rejected` when the refresh token is no longer good; undefined when the PDS failed. */
  async #refresh(stale: Tokens): Promise<Tokens | 'rejected' | undefined> {
    const reply = await this.#post('com.atproto.server.refreshSession', { headers: { accept: 'application/json', authorization: `Bearer ${stale.refresh}` } });
    if (isFailure(reply) || reply.status === 429 || reply.status >= 500) return undefined;
    this.#tokens = reply.status === 200 ? this.#tokensOf(reply, stale) : undefined;
    return this.#tokens ?? 'rejected';
  }

  async #signIn(): Promise<Tokens | undefined> {
    if (this.io.now() < this.#signInAfter) return undefined;
    const { identifier, appPassword: password } = this.credentials;
    const reply = await this.#post('com.atproto.server.createSession', {
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ identifier, password }),
    });
    this.#tokens = !isFailure(reply) && reply.status === 200 ? this.#tokensOf(reply) : undefined;
    if (!this.#tokens) {
      const refused = !isFailure(reply) && reply.status < 500;
      const asked = refused ? Number(reply.headers.get('retry-after')) || 0 : 0;
      this.#signInAfter = this.io.now() + Math.max(asked, refused ? REFUSED_BACKOFF : UNREACHABLE_BACKOFF) * 1000;
      if (refused) console.warn(`discuss-thread worker: sign-in refused (${xrpcError(reply).error}); searching anonymously for now.`);
    }
    return this.#tokens;
  }

  #tokensOf(reply: Reply, previous?: Tokens): Tokens | undefined {
    const body = reply.json;
    if (!isObject(body) || typeof body.accessJwt !== 'string' || typeof body.refreshJwt !== 'string') return undefined;
    const service = pdsOf(body.didDoc, body.did) ?? previous?.service ?? this.credentials.pds.replace(/\/+$/, '');
    const expires = expiryOf(body.accessJwt);
    return { access: body.accessJwt, refresh: body.refreshJwt, service, ...(expires !== undefined && { expires }) };
  }
}

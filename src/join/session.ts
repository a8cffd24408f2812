// The reader's Bluesky session, through Bluesky's own OAuth browser client: PAR, PKCE and DPoP with
// non-extractable keys, tokens in this origin's IndexedDB, never sent anywhere but the reader's
// own PDS and authorization server. Loaded only when a reader asks to sign in or has a session.

import { BrowserOAuthClient, type OAuthSession } from '@atproto/oauth-client-browser';
import { MARK } from '../join-link.ts';
import { requestedScope } from './scope.ts';

const clients = new Map<string, Promise<BrowserOAuthClient>>();

/**
 * The OAuth client for a site's client metadata document. Handles are resolved by the AppView the
 * widget reads from; a loopback client (`http://localhost?…`, for local development) may talk to a
 * PDS over plain http.
 */
export function client(clientId: string, service: string): Promise<BrowserOAuthClient> {
  let found = clients.get(clientId);
  if (!found) {
    const local = clientId.startsWith('http://localhost');
    found = BrowserOAuthClient.load({ clientId, handleResolver: service, allowHttp: local });
    clients.set(clientId, found);
    found.catch(() => clients.delete(clientId));
  }
  return found;
}

export const mark = (clientId: string | undefined) => {
  try {
    if (clientId) localStorage.setItem(MARK, clientId);
    else localStorage.removeItem(MARK);
  } catch {
    // storage refused (a sandboxed frame): the session still works for this page
  }
};

/** The page to come back to after signing in, when the site's redirect page is another one. */
interface Return {
  back: string;
}

/** Send the reader to their server to sign in; they come back to `redirect`, then to this article. */
export async function signIn(oauth: BrowserOAuthClient, handle: string): Promise<never> {
  const redirect = oauth.findRedirectUrl() ?? oauth.clientMetadata.redirect_uris[0];
  const here = location.href.replace(/#.*/, '');
  const state = JSON.stringify({ back: here } satisfies Return);
  return oauth.signInRedirect(handle, { scope: requestedScope(oauth.clientMetadata.scope), redirect_uri: redirect, state });
}

/** A session restored, or just granted (then the reader is sent back to their article if needed). */
export async function restore(oauth: BrowserOAuthClient): Promise<OAuthSession | undefined> {
  const result = await oauth.init();
  if (result && 'state' in result && result.state) {
    try {
      const { back } = JSON.parse(result.state) as Return;
      const url = new URL(back);
      if (url.origin === location.origin && url.href !== location.href.replace(/#.*/, '')) location.assign(url.href);
    } catch {
      // a state we did not write: stay here
    }
  }
  return result?.session;
}

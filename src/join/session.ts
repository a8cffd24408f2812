// The reader's Bluesky session, through Bluesky's own OAuth browser client: PAR, PKCE and DPoP with
// non-extractable keys, tokens in this origin's IndexedDB, never sent anywhere but the reader's
// own PDS and authorization server. Loaded only with the sign-in code.

import { BrowserOAuthClient, type OAuthSession } from '@atproto/oauth-client-browser';
import { memo } from '../bluesky/memo.ts';
import { requestedScope } from './scope.ts';
import { MARK } from './mark.ts';

const clients = new Map<string, Promise<BrowserOAuthClient>>();

/**
 * The OAuth client for a site's client metadata document and AppView, made once (again after a
 * failure). Handles are resolved by the AppView the widget reads from, so a new AppView is a new
 * client; a loopback client (`http://localhost?…`, for local development) may talk to a PDS over plain http.
 */
export const client = (clientId: string, service: string): Promise<BrowserOAuthClient> =>
  memo(clients, `${clientId} ${service}`, () =>
    BrowserOAuthClient.load({ clientId, handleResolver: service, allowHttp: clientId.startsWith('http://localhost') }),
  );

/** Note, or forget, that a reader signed in here with `clientId`. */
export function setMark(clientId: string | undefined): void {
  try {
    if (clientId) localStorage.setItem(MARK, clientId);
    else localStorage.removeItem(MARK);
  } catch {
    // storage refused (a sandboxed frame): the session still works for this page
  }
}

/** The page to come back to after signing in, when the site's redirect page is another one. */
interface Return {
  back: string;
}

const here = () => location.href.replace(/#.*/, '');

/** Send the reader to their server to sign in; they come back to the redirect page, then to this article. */
export async function signIn(oauth: BrowserOAuthClient, handle: string): Promise<never> {
  const redirect = oauth.findRedirectUrl() ?? oauth.clientMetadata.redirect_uris[0];
  const state = JSON.stringify({ back: here() } satisfies Return);
  return oauth.signInRedirect(handle, { scope: requestedScope(oauth.clientMetadata.scope), redirect_uri: redirect, state });
}

/** A session restored or just granted; `leaving` when the reader is on their way back to their article. */
export interface Restored {
  session?: OAuthSession;
  leaving?: boolean;
}

/** Finish the sign-in the reader is coming back from (throws what failed), or restore their session. */
export async function restore(oauth: BrowserOAuthClient): Promise<Restored> {
  const result = await oauth.init();
  if (result && 'state' in result && result.state) {
    try {
      const url = new URL((JSON.parse(result.state) as Return).back);
      if (url.origin === location.origin && url.href !== here()) {
        location.assign(url.href);
        return { session: result.session, leaving: true };
      }
    } catch {
      // a state we did not write: stay here
    }
  }
  return { session: result?.session };
}

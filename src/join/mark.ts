// What the entry file needs to know before it fetches any sign-in code: the mark this origin keeps
// that a reader signed in here (which client, never a token; session.ts writes it), and whether the
// address is a reader back from their server. A leaf: it imports nothing, so neither side reaches
// the other through it.

/** Where this origin notes that a reader is signed in: which client, never a token. */
export const MARK = 'discuss-thread:signed-in';

/** Whether a reader signed in here before, with this client. */
export function marked(clientId: string): boolean {
  try {
    return localStorage.getItem(MARK) === clientId;
  } catch {
    return false; // storage refused (a sandboxed frame)
  }
}

/**
 * Whether `address` is an OAuth callback: `state` with a `code` or an `error` in its fragment, the
 * only place the OAuth client reads them (fragment mode). Never the query: an article's own
 * `?state=CA&code=94103` must not load the sign-in code, nor restore a session, before the widget activates.
 */
export const isCallback = ({ hash }: { hash: string }): boolean => /[#&]state=/.test(hash) && /[#&](code|error)=/.test(hash);

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OAuthSession } from '@atproto/oauth-client-browser';
import { Account, identity } from '../../src/join/account.ts';
import { MARK } from '../../src/join/mark.ts';
import { client, restore, signIn } from '../../src/join/session.ts';
import { deferred, stubFetch, xrpcRoutes } from './helpers.ts';

// The reader's account as a state machine: out → asking → busy → in (one identity record) or
// error. The OAuth client is stood in for; the mark is the real one, in localStorage.

vi.mock('../../src/join/session.ts', async (original) => ({
  ...(await original<typeof import('../../src/join/session.ts')>()),
  client: vi.fn(async () => ({})),
  restore: vi.fn(),
  signIn: vi.fn(),
}));

const CLIENT = 'https://news.example/client-metadata.json';
const DID = 'did:plc:ragtjsm2j2vknwkz3zp4oxrd';
const OTHER = 'did:plc:sw7fivsls5jd6l344ydke56c';
const session = { did: DID, signOut: vi.fn(async () => {}) } as unknown as OAuthSession;

/** What the AppView answers for the reader's profile (`app.bsky.actor.getProfile`'s profileViewDetailed). */
let profile: Record<string, unknown>;
let fetched: ReturnType<typeof stubFetch>;
beforeEach(() => {
  profile = { did: DID, handle: 'reader.example', displayName: 'A Reader', avatar: 'https://cdn.example/a.jpg', followersCount: 3, postsCount: 12 };
  fetched = stubFetch(xrpcRoutes({ 'app.bsky.actor.getProfile': () => profile }));
  localStorage.setItem(MARK, CLIENT); // signed in here before
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.mocked(restore).mockReset();
  vi.mocked(signIn).mockReset();
  localStorage.clear();
});

function account() {
  const kinds: string[] = [];
  const hooks = { changed: vi.fn(() => kinds.push(machine.state.kind)), signedIn: vi.fn() };
  const machine = new Account(CLIENT, 'https://appview.example', hooks);
  return { account: machine, hooks, kinds };
}

describe('the reader’s account', () => {
  it('restores a session: busy, then in, as the AppView shows the reader', async () => {
    vi.mocked(restore).mockResolvedValue({ session });
    const { account: reader, hooks, kinds } = account();
    await reader.start();
    expect(kinds).toEqual(['busy', 'in']);
    expect(hooks.signedIn).toHaveBeenCalledWith(session);
    expect(reader.me).toEqual({ did: DID, handle: 'reader.example', displayName: 'A Reader', avatar: 'https://cdn.example/a.jpg' });
    expect(reader.session).toBe(session);
    expect(localStorage.getItem(MARK)).toBe(CLIENT);
    expect(client).toHaveBeenCalledWith(CLIENT, 'https://appview.example');
  });

  it('forgets the mark when there is no session any more', async () => {
    vi.mocked(restore).mockResolvedValue({});
    const { account: reader } = account();
    await reader.start();
    expect(reader.state).toEqual({ kind: 'out' });
    expect(localStorage.getItem(MARK)).toBeNull();
  });

  it('asks nothing more of the AppView on the way back to the article', async () => {
    vi.mocked(restore).mockResolvedValue({ session, leaving: true });
    const { account: reader } = account();
    await reader.start();
    expect(reader.state).toEqual({ kind: 'busy' });
    expect(fetched.calls).toEqual([]);
  });

  it('says "denied" or a fixed "interrupted" when the return fails, and keeps the mark', async () => {
    const { account: reader } = account();
    vi.mocked(restore).mockRejectedValueOnce(Object.assign(new Error('Access denied'), { params: new URLSearchParams({ error: 'access_denied' }) }));
    await reader.start();
    expect(reader.state).toEqual({ kind: 'error', problem: 'denied', handle: '' });
    vi.mocked(restore).mockRejectedValueOnce(new Error('Unknown authorization session "call +1 555 0100"'));
    await reader.start();
    expect(reader.state).toEqual({ kind: 'error', problem: 'interrupted', handle: '' }); // no words from the address
    expect(localStorage.getItem(MARK)).toBe(CLIENT);
  });

  it('goes to the reader’s server with what they typed, and keeps it when that fails', async () => {
    vi.mocked(signIn).mockRejectedValue(new Error('Failed to resolve identity: alice.example'));
    const { account: reader } = account();
    reader.ask();
    expect(reader.state).toEqual({ kind: 'asking', handle: '' });
    await reader.submit('  @alice.example ');
    expect(signIn).toHaveBeenCalledWith({}, 'alice.example');
    expect(reader.state).toEqual({ kind: 'error', problem: 'failed', reason: 'Failed to resolve identity: alice.example', handle: 'alice.example' });
    reader.ask();
    expect(reader.state).toEqual({ kind: 'asking', handle: 'alice.example' });
  });

  it('is shown only by the profile of the session’s own DID, its handle checked, and signs in again by that DID', async () => {
    vi.mocked(restore).mockResolvedValue({ session });
    profile = { did: OTHER, handle: 'someone.else', displayName: 'Someone Else' }; // an AppView naming another account
    const { account: other } = account();
    await other.start();
    expect(other.me).toEqual({ did: DID, handle: DID, displayName: DID });
    profile = { did: DID, handle: 'bsky.app\u202e.evil', displayName: 'A Reader' }; // no handle
    const { account: reader } = account();
    await reader.start();
    expect(reader.me).toMatchObject({ did: DID, handle: 'handle.invalid', displayName: 'A Reader' });
    profile = { did: DID, handle: 'someone.else', displayName: 'A Reader' }; // a handle the AppView names, unverified here
    const { account: again } = account();
    await again.start();
    await again.again();
    expect(signIn).toHaveBeenCalledWith({}, DID);
  });

  it('writes nothing once closed: no mark, no recall, no profile asked', async () => {
    localStorage.setItem(MARK, 'https://other.example/client-metadata.json'); // the client that replaced this one
    const restored = deferred<{ session: OAuthSession }>();
    vi.mocked(restore).mockReturnValue(restored.promise);
    const { account: reader, hooks, kinds } = account();
    const started = reader.start();
    reader.close(); // a new client-id or AppView, while the reader's server was asked
    restored.resolve({ session });
    await started;
    expect(localStorage.getItem(MARK)).toBe('https://other.example/client-metadata.json');
    expect(hooks.signedIn).not.toHaveBeenCalled();
    expect(fetched.calls).toEqual([]);
    expect(kinds).toEqual(['busy']);
    expect(reader.state).toEqual({ kind: 'out' });
  });

  it('signs out: the tokens revoked, the mark gone, whether or not the server answers', async () => {
    vi.mocked(restore).mockResolvedValue({ session });
    vi.mocked(session.signOut).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { account: reader } = account();
    await reader.start();
    await reader.signOut();
    expect(session.signOut).toHaveBeenCalled();
    expect(reader.state).toEqual({ kind: 'out' });
    expect(localStorage.getItem(MARK)).toBeNull();
  });
});

describe('the reader’s identity', () => {
  it('is the profile read as a post’s author is, when it is the DID’s; else the DID', () => {
    const author = { did: DID, handle: 'reader.example', displayName: 'A Reader' };
    expect(identity(DID, author)).toBe(author);
    expect(identity(DID, undefined)).toEqual({ did: DID, handle: DID, displayName: DID });
    expect(identity(DID, { ...author, did: OTHER })).toEqual({ did: DID, handle: DID, displayName: DID });
  });
});

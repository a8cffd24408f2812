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
const session = { did: DID, signOut: vi.fn(async () => {}) } as unknown as OAuthSession;

let fetched: ReturnType<typeof stubFetch>;
beforeEach(() => {
  fetched = stubFetch(
    xrpcRoutes({ 'app.bsky.actor.getProfile': { did: DID, handle: 'reader.example', displayName: 'A Reader', avatar: 'https://cdn.example/a.jpg' } }),
  );
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
  it('is the DID where the AppView does not answer, and an avatar only over https', () => {
    expect(identity(DID, undefined)).toEqual({ did: DID, handle: DID, displayName: DID });
    expect(identity(DID, { handle: 'reader.example', displayName: ' ', avatar: 'http://cdn.example/a.jpg' })).toEqual({
      did: DID,
      handle: 'reader.example',
      displayName: 'reader.example',
    });
  });
});

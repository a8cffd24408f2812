import { describe, expect, it, vi } from 'vitest';
import { BrowserOAuthClient } from '@atproto/oauth-client-browser';
import { client } from '../../src/join/session.ts';

// The OAuth client is made once per client metadata document and AppView: the AppView resolves
// the reader's handle, so a client made for one must never answer for another.

vi.mock('@atproto/oauth-client-browser', () => ({
  BrowserOAuthClient: { load: vi.fn(async (options: { handleResolver: string }) => ({ handleResolver: options.handleResolver })) },
}));

const CLIENT = 'https://news.example/client-metadata.json';

describe('the OAuth client', () => {
  it('is made once per client and AppView, each resolving handles with its own AppView', async () => {
    const first = await client(CLIENT, 'https://appview.example');
    expect(await client(CLIENT, 'https://appview.example')).toBe(first);
    const other = await client(CLIENT, 'https://other-appview.example');
    expect(other).toEqual({ handleResolver: 'https://other-appview.example' });
    expect(BrowserOAuthClient.load).toHaveBeenCalledTimes(2);
    expect(BrowserOAuthClient.load).toHaveBeenLastCalledWith({ clientId: CLIENT, handleResolver: 'https://other-appview.example', allowHttp: false });
  });
});

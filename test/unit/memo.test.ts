import { afterEach, describe, expect, it, vi } from 'vitest';
import { memo } from '../../src/bluesky/memo.ts';
import { deferred, json, stubFetch } from './helpers.ts';

describe('memo', () => {
  it('asks once while the answer holds', async () => {
    const store = new Map<string, Promise<number>>();
    let asked = 0;
    const make = () => Promise.resolve(++asked);
    expect(await memo(store, 'a', make)).toBe(1);
    expect(await memo(store, 'a', make)).toBe(1);
    expect(asked).toBe(1);
  });

  it('forgets a failure, so the next caller asks again', async () => {
    const store = new Map<string, Promise<number>>();
    let asked = 0;
    const make = () => (++asked === 1 ? Promise.reject(new Error('down')) : Promise.resolve(asked));
    await expect(memo(store, 'a', make)).rejects.toThrow('down');
    await Promise.resolve(); // the store forgets in the same turn the caller hears of the failure
    expect(await memo(store, 'a', make)).toBe(2);
  });

  it('forgets an answer whose settled step fails', async () => {
    const store = new Map<string, Promise<{ ready: Promise<void> }>>();
    const ready = Promise.reject(new Error('later'));
    ready.catch(() => {});
    const first = memo(
      store,
      'a',
      () => Promise.resolve({ ready }),
      (value) => value.ready,
    );
    await first;
    await ready.catch(() => {});
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(store.has('a')).toBe(false);
  });
});

describe('a handle looked up for two loads', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('still answers the second load when the first is aborted while the lookup is on its way', async () => {
    const { resolveDid } = await import('../../src/bluesky/discover.ts');
    const held = deferred();
    // A fetch as the browser's: it ends when its signal aborts.
    stubFetch(
      (_url, init) =>
        new Promise((resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
          held.promise.then(() => resolve(json({ did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz' })));
        }),
    );
    const first = new AbortController();
    const asked = resolveDid('abortable.example.com', 'https://appview.test', { signal: first.signal });
    first.abort(); // the reader changed an attribute: a new load asks for the same handle at once
    const second = resolveDid('abortable.example.com', 'https://appview.test', { signal: new AbortController().signal });
    await expect(asked).rejects.toThrow();
    held.resolve();
    expect(await second).toBe('did:plc:ewvi7nxzyoun6zhxrhs64oiz');
  });
});

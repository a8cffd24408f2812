import { describe, expect, it } from 'vitest';
import { memo } from '../../src/bluesky/memo.ts';

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

// Waits end at the condition they wait for, so a generous bound costs nothing when all is well; on a
// loaded machine (CI's two cores run a browser file beside the unit tests) a one- or two-second bound
// fails tests that are right. Every `vi.waitFor` here waits up to 15 s, whatever it asks for.
import { vi } from 'vitest';

const waitFor = vi.waitFor;
vi.waitFor = ((callback: Parameters<typeof waitFor>[0], options?: Parameters<typeof waitFor>[1]) =>
  waitFor(callback, { ...(typeof options === 'number' ? {} : options), timeout: 15_000 })) as typeof vi.waitFor;

// A test file's own BroadcastChannel where the environment has none (happy-dom in a VM context, as
// the vmThreads pool runs it): instances of one name in this file hear each other's messages, as
// a page's tabs would; no message crosses to another test file.
if (typeof globalThis.BroadcastChannel === 'undefined') {
  const open = new Map<string, Set<LocalChannel>>();
  class LocalChannel extends EventTarget {
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      super();
      open.set(name, (open.get(name) ?? new Set()).add(this));
    }
    postMessage(message: unknown) {
      const data = structuredClone(message);
      for (const other of open.get(this.name) ?? [])
        if (other !== this)
          queueMicrotask(() => {
            const event = new MessageEvent('message', { data });
            other.onmessage?.(event);
            other.dispatchEvent(event);
          });
    }
    close() {
      open.get(this.name)?.delete(this);
    }
  }
  globalThis.BroadcastChannel = LocalChannel as unknown as typeof BroadcastChannel;
}

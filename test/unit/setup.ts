// Waits end at the condition they wait for, so a generous bound costs nothing when all is well; on a
// loaded machine (CI's two cores run a browser file beside the unit tests) a one- or two-second bound
// fails tests that are right. Every `vi.waitFor` here waits up to 15 s, whatever it asks for.
import { vi } from 'vitest';

const waitFor = vi.waitFor;
vi.waitFor = ((callback: Parameters<typeof waitFor>[0], options?: Parameters<typeof waitFor>[1]) =>
  waitFor(callback, { ...(typeof options === 'number' ? {} : options), timeout: 15_000 })) as typeof vi.waitFor;

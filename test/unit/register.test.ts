import { describe, expect, it, vi } from 'vitest';

describe('registration', () => {
  it('defines <discuss-thread> once, and a second load (npm and a CDN) leaves it alone', async () => {
    const first = await import('../../src/index.ts');
    expect(customElements.get('discuss-thread')).toBe(first.DiscussThread);
    vi.resetModules();
    const second = await import('../../src/index.ts');
    expect(second.DiscussThread).not.toBe(first.DiscussThread); // a fresh copy of the module
    expect(customElements.get('discuss-thread')).toBe(first.DiscussThread);
  });

  it('exports the class from ./element without registering it', async () => {
    vi.resetModules();
    const define = vi.spyOn(customElements, 'define');
    const { DiscussThread } = await import('../../src/element.ts');
    expect(typeof DiscussThread).toBe('function');
    expect(define).not.toHaveBeenCalled();
  });
});

// The part of Workers' streaming `HTMLRewriter` the page renderer uses, typed here since the project
// does not depend on @cloudflare/workers-types. Workers (and Bun) have it as a global; Node has none.

export interface RewrittenElement {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): RewrittenElement;
  prepend(content: string, options?: { html?: boolean }): RewrittenElement;
}

export interface TextChunk {
  readonly text: string;
}

export interface Handlers {
  element?(element: RewrittenElement): void | Promise<void>;
  text?(chunk: TextChunk): void | Promise<void>;
}

export interface Rewriter {
  on(selector: string, handlers: Handlers): Rewriter;
  transform(response: Response): Response;
}

export type RewriterClass = new () => Rewriter;

/** The rewriter given, else the runtime's; throws, saying where one is, when there is none. */
export function rewriterClass(given?: RewriterClass): RewriterClass {
  const found = given ?? (globalThis as { HTMLRewriter?: RewriterClass }).HTMLRewriter;
  if (!found)
    throw new TypeError(
      'discuss-thread worker: rendering pages needs an HTMLRewriter (Cloudflare Workers has one, Bun too); this runtime has none. ' +
        'Pass one as `HTMLRewriter`, or render at build time with discuss-thread/server (docs/worker.md).',
    );
  return found;
}

// React 19: custom elements take attributes as written, and `on<event-name>` props as listeners.
import 'discuss-thread';
import type { DiscussThread, LoadDetail } from 'discuss-thread';

// JSX typing for <discuss-thread> (or put it in a .d.ts file of your app). Inside this block React's
// own types, such as DetailedHTMLProps and HTMLAttributes, are in scope.
declare module 'react' {
  // React declares JSX as a namespace, so augmenting it takes one.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'discuss-thread': DetailedHTMLProps<HTMLAttributes<DiscussThread>, DiscussThread> & {
        url?: string;
        post?: string;
        author?: string;
        sort?: 'top' | 'latest' | 'oldest';
        limit?: number;
        depth?: number;
        theme?: 'auto' | 'light' | 'dark';
        loading?: 'lazy' | 'eager';
        'compose-text'?: string;
        service?: string;
        'search-service'?: string;
        'backlinks-service'?: string;
        'heading-level'?: number;
        'ondiscuss-thread-load'?: (event: CustomEvent<LoadDetail>) => void;
        'ondiscuss-thread-error'?: (event: CustomEvent) => void;
      };
    }
  }
}

export function Discussion({ url, post, ...rest }: { url: string; post?: string } & Record<string, string>) {
  return (
    <discuss-thread url={url} post={post} ondiscuss-thread-load={(event) => console.log('posts:', event.detail.posts)} {...rest}>
      <a href={`https://bsky.app/search?q=${encodeURIComponent(url)}`}>Discuss on Bluesky</a>
    </discuss-thread>
  );
}

// How many posts link an article, from the backlink index (Constellation): for each spelling of its
// address, one request (`/links/all`) gives how many post records link it by each path. A post
// usually links both ways, by its card and by the address in its text, so a spelling counts the
// larger of the two, not their sum. Shared by `<discuss-count>`, countDiscussion (server) and the
// worker's counts route, so all three say the same number. No Lit, nothing of Node.

import { LINK_PATHS, spellings } from '../bluesky/backlinks.ts';

export const BACKLINKS = 'https://constellation.microcosm.blue';

const CARDS = new Set(LINK_PATHS.slice(0, 2).map((path) => `.${path}`));
const TEXT = new Set(LINK_PATHS.slice(2).map((path) => `.${path}`));

type Ask = (url: string, init?: RequestInit) => Promise<Response>;

/** `/links/all`'s counts of post records, by card and by text; anything not a count is none. */
function tally(body: unknown): [cards: number, text: number] {
  const posts = (body as { links?: Record<string, Record<string, { records?: unknown }>> } | null)?.links?.['app.bsky.feed.post'];
  const sum = (paths: Set<string>) =>
    Object.entries(posts ?? {}).reduce(
      (total, [path, { records } = {}]) => total + (paths.has(path) && Number.isSafeInteger(records) ? (records as number) : 0),
      0,
    );
  return [sum(CARDS), sum(TEXT)];
}

/** The number of posts that link `article`; throws when the index does not answer. */
export async function countPosts(article: string, backlinks = BACKLINKS, ask: Ask = fetch): Promise<number> {
  const counts = await Promise.all(
    spellings(article).map(async (target) => {
      const response = await ask(`${backlinks.replace(/\/+$/, '')}/links/all?target=${encodeURIComponent(target)}`, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`the backlink index answered ${response.status}`);
      return Math.max(...tally(await response.json()));
    }),
  );
  return counts.reduce((total, n) => total + n, 0);
}

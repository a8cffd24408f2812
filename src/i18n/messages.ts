// Interface strings. A plural message maps `Intl.PluralRules` categories to text, `#` standing for
// the number; `{name}`-style slots are filled by `format`.

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Messages {
  heading: string;
  compose: string;
  searching: string;
  empty: string;
  error: string;
  retry: string;
  searchOnBluesky: string;
  showMore: string;
  reply: string;
  postBy: string;
  author: string;
  quoteUnavailable: string;
  video: string;
  warning: string;
  showPost: string;
  posts: Plural;
  replies: Plural;
  reposts: Plural;
  likes: Plural;
  moreReplies: Plural;
}

export const en: Messages = {
  heading: 'Discussion on Bluesky',
  compose: 'Discuss on Bluesky',
  searching: 'Searching for posts…',
  empty: 'No one has discussed this on Bluesky yet. Start the conversation!',
  error: 'The discussion could not be loaded.',
  retry: 'Try again',
  searchOnBluesky: 'Search Bluesky for this article',
  showMore: 'Show more',
  reply: 'Reply on Bluesky',
  postBy: 'Post by {name}',
  author: 'Author',
  quoteUnavailable: 'The quoted post is unavailable.',
  video: 'Watch the video on Bluesky',
  warning: 'This post has a content warning.',
  showPost: 'Show post',
  posts: { one: '# post', other: '# posts' },
  replies: { one: '# reply', other: '# replies' },
  reposts: { one: '# repost', other: '# reposts' },
  likes: { one: '# like', other: '# likes' },
  moreReplies: { one: '# more reply on Bluesky', other: '# more replies on Bluesky' },
};

/** Languages with a message table; a region falls back to its language. */
export const catalog: Record<string, Messages> = { en };

/** The first of `candidates` we have messages for (`pt-PT` → `pt`), else English. */
export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const tag = candidate.toLowerCase();
    if (catalog[tag]) return tag;
    const base = tag.split('-')[0];
    if (catalog[base]) return base;
  }
  return 'en';
}

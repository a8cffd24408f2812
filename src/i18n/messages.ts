// Interface strings in every language we ship. Each language is one text block, one message a line,
// in the order of KEYS, so no file carries key names; all but English load on demand. A plural message
// holds its forms separated by "|": one form is `other`; two are `one|other`; four are
// `one|few|many|other`. `#` stands for the number, `{name}` for a name.

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const TEXTS = [
  'heading',
  'compose',
  'searching',
  'empty',
  'error',
  'retry',
  'searchOnBluesky',
  'showMore',
  'reply',
  'postBy',
  'author',
  'quoteUnavailable',
  'video',
  'warning',
  'quote',
  'signIn',
] as const;
const PLURALS = ['posts', 'replies', 'reposts', 'likes', 'moreReplies', 'showReplies', 'quotes'] as const;
export const KEYS = [...TEXTS, ...PLURALS] as const;

export type Messages = Record<(typeof TEXTS)[number], string> &
  Record<(typeof PLURALS)[number], Plural> & {
    /** The language's lines past KEYS: the discussion code's own strings (view.ts). */
    rest?: readonly string[];
  };

/** English ships in the entry file; every other language is a chunk beside it, fetched when used. */
const EN = `Comments
Discuss on Bluesky
Searching for posts…
No one has discussed this on Bluesky yet. Start the conversation!
The discussion could not be loaded.
Try again
Search Bluesky for this article
Show more
Reply on Bluesky
Post by {name}
Author
The quoted post is unavailable.
Watch the video on Bluesky
Content warning
Quote
Sign in with Bluesky
# post|# posts
# reply|# replies
# repost|# reposts
# like|# likes
# more reply on Bluesky|# more replies on Bluesky
Show # more reply|Show # more replies
# quote|# quotes`;

const LOADERS: Record<string, () => Promise<{ default: string }>> = {
  ko: () => import('./lang/ko.ts'),
  ja: () => import('./lang/ja.ts'),
  'zh-hans': () => import('./lang/zh-hans.ts'),
  'zh-hant': () => import('./lang/zh-hant.ts'),
  es: () => import('./lang/es.ts'),
  fr: () => import('./lang/fr.ts'),
  de: () => import('./lang/de.ts'),
  pt: () => import('./lang/pt.ts'),
  ru: () => import('./lang/ru.ts'),
  uk: () => import('./lang/uk.ts'),
};

/** Languages we have messages for, lower-case BCP 47. */
export const LANGUAGES = ['en', ...Object.keys(LOADERS)];

const ORDER: Record<number, Intl.LDMLPluralRule[]> = { 1: ['other'], 2: ['one', 'other'], 4: ['one', 'few', 'many', 'other'] };

/** A plural message as a line writes it (`one|other`, …) → its forms by category. */
export const pluralOf = (line: string): Plural => {
  const forms = line.split('|');
  return Object.fromEntries(ORDER[forms.length].map((category, j) => [category, forms[j]])) as Plural;
};

const table = (source: string): Messages => {
  const lines = source.split('\n');
  const entries = KEYS.map((key, i) => [key, i < TEXTS.length ? lines[i] : pluralOf(lines[i])]);
  return { ...Object.fromEntries(entries), rest: lines.slice(KEYS.length) } as Messages;
};

const loaded = new Map<string, Messages>([['en', table(EN)]]);

/** The message table for `lang` if it has been loaded (English always has), else undefined. */
export const messages = (lang: string): Messages | undefined => loaded.get(lang);

/** Load the message table for one of LANGUAGES (English for any other tag). */
export async function loadMessages(lang: string): Promise<Messages> {
  const ready = loaded.get(lang);
  if (ready || !Object.hasOwn(LOADERS, lang)) return ready ?? loaded.get('en')!;
  const t = table((await LOADERS[lang]()).default);
  loaded.set(lang, t);
  return t;
}

/** `lang` once its strings have arrived, or English when they cannot be fetched. */
export const loadLanguage = (lang: string): Promise<string> =>
  loadMessages(lang).then(
    () => lang,
    () => 'en',
  );

/** A message with its `{placeholders}` filled in; an unknown one is left as written. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const HANT = /^zh-(hant|tw|hk|mo)\b/;

/** The first of `candidates` we have messages for (`pt-PT` → `pt`, `zh-TW` → `zh-hant`), else English. */
export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): string {
  for (const candidate of candidates) {
    const tag = candidate?.toLowerCase().replace(/_/g, '-');
    if (!tag) continue;
    if (tag.startsWith('zh')) return HANT.test(tag) ? 'zh-hant' : 'zh-hans';
    const base = tag.split('-')[0];
    if (base === 'en' || Object.hasOwn(LOADERS, base)) return base;
  }
  return 'en';
}

/**
 * The interface language for `el`: its `lang` property first (React 19 sets it without the
 * attribute), then the nearest `[lang]`, the document's, the browser's. `use` gets it at once when
 * its strings are here, else once they arrive (the old strings stay until then).
 */
export function chooseLanguage(el: HTMLElement, use: (lang: string) => void): void {
  const wanted = pickLanguage([el.lang, el.closest<HTMLElement>('[lang]')?.lang, document.documentElement.lang, ...navigator.languages]);
  if (messages(wanted)) use(wanted);
  else loadLanguage(wanted).then(use);
}

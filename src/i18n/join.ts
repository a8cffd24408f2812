// The sign-in interface's strings. English is here, and every other language is a chunk of its own
// (join/<lang>.ts), fetched by the sign-in code only, in its reader's language only: readers who
// never sign in download none of them. One message a line, in the order of KEYS. The element's
// `strings` property overrides any of them, as it does the reading side's (the keys are distinct).

import { memo } from '../bluesky/memo.ts';

export const KEYS = [
  'handle',
  'go',
  'cancel',
  'signingIn',
  'signedIn',
  'signOut',
  'denied',
  'failed',
  'replyHere',
  'like',
  'repost',
  'write',
  'send',
  'newPost',
  'left',
  'sent',
  'onBluesky',
  'expired',
  'unreachable',
  'refused',
  'closed',
  'limited',
  'server',
  'interrupted',
  'replyingTo',
  'writeReply',
  'writePost',
] as const;

export type JoinMessages = Record<(typeof KEYS)[number], string>;

const EN = `Your Bluesky handle
Continue
Cancel
Signing in…
Signed in as {name}
Sign out
Sign-in was cancelled; nothing was shared.
Sign-in did not work: {reason}
Reply
Like
Repost
Your reply
Post
Post about this article
{n} left
Sent: Bluesky will show it in a moment.
On Bluesky
Your session has ended: sign in again. Your text is kept.
Your server could not be reached. Your text is kept; try again.
Your server did not accept it ({reason}). Your text is kept.
The author has turned off replies to this thread.
The author limits who can reply here; yours may not be shown.
Or your server’s address, such as https://bsky.social
Sign-in did not finish. Please try again.
Replying to {name}
Write your reply
Write a post`;

const LOADERS: Record<string, () => Promise<{ default: string }>> = {
  ko: () => import('./join/ko.ts'),
  ja: () => import('./join/ja.ts'),
  'zh-hans': () => import('./join/zh-hans.ts'),
  'zh-hant': () => import('./join/zh-hant.ts'),
  es: () => import('./join/es.ts'),
  fr: () => import('./join/fr.ts'),
  de: () => import('./join/de.ts'),
  pt: () => import('./join/pt.ts'),
  ru: () => import('./join/ru.ts'),
  uk: () => import('./join/uk.ts'),
};

/** The text block for `lang` (one of the widget's languages; English for any other). */
export const joinSource = (lang: string): Promise<string> =>
  Object.hasOwn(LOADERS, lang) ? LOADERS[lang]().then((module) => module.default) : Promise.resolve(EN);

/** One message a line; English where a line is missing. */
const table = (source: string): JoinMessages => {
  const lines = source.split('\n');
  const en = EN.split('\n');
  return Object.fromEntries(KEYS.map((key, i) => [key, lines[i] || en[i]])) as JoinMessages;
};

const tables = new Map<string, JoinMessages>([['en', table(EN)]]);
const loading = new Map<string, Promise<JoinMessages>>();

/** The strings for `lang` if they have arrived (English always has). */
export const joinMessages = (lang: string): JoinMessages | undefined => tables.get(lang);

/** Fetch the strings for `lang` once; a failed fetch is tried again next time. */
export const loadJoinMessages = (lang: string): Promise<JoinMessages> =>
  memo(loading, lang, () => joinSource(lang).then((source) => tables.get(lang) ?? tables.set(lang, table(source)).get(lang)!));

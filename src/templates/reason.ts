// Why a post is behind a warning, in words: what the warning on the page says, and what the feed
// says in the post's place (server/feed.ts). No Lit here: the feed renders without it.

import type { Locale, Warning } from '../bluesky/model.ts';
import type { View } from './view.ts';

/** The name in the reader's language, else its base language, else English, else the first. */
export function localName(names: readonly Locale[], lang: string): string | undefined {
  const find = (wanted: string) => names.find((locale) => locale.lang.toLowerCase() === wanted)?.name;
  const want = lang.toLowerCase();
  return find(want) ?? find(want.split('-')[0]) ?? find('en') ?? names[0]?.name;
}

/** What the label is, in words: Bluesky's own by our strings, a labeler's by its definition. */
export function reason(warn: Warning, view: View): string {
  const { t } = view;
  const global: Record<string, string> = {
    '!warn': t.warning,
    porn: t.warnPorn,
    sexual: t.warnSexual,
    nudity: t.warnNudity,
    'graphic-media': t.warnGraphic,
    gore: t.warnGraphic,
  };
  return (Object.hasOwn(global, warn.label) ? global[warn.label] : warn.names && localName(warn.names, view.lang)) || warn.label;
}

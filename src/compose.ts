// The "Discuss on Bluesky" link: bsky.app's compose intent with the article prefilled, kept within
// Bluesky's 300-grapheme post limit by shortening the title, never the URL.

import { fill } from './i18n/messages.ts';

export const MAX_GRAPHEMES = 300;

/** Made when first needed: making one loads the browser's segmentation data (tens of ms on a phone). */
let segmenter: Intl.Segmenter | undefined;

/** The text's graphemes, as Bluesky counts a post's length (a family emoji is one). */
export const graphemes = (text: string): string[] =>
  typeof Intl.Segmenter === 'function' ? [...(segmenter ??= new Intl.Segmenter()).segment(text)].map((s) => s.segment) : [...text];

/** `template` with `{title}` and `{url}` filled in, shortened to fit. */
export function composeText(template: string, title: string, url: string): string {
  const withTitle = (t: string) => fill(template, { title: t, url });
  const full = withTitle(title);
  // No more UTF-16 units than the limit: no more graphemes either, and no need to count them.
  if (full.length <= MAX_GRAPHEMES) return full.trim();
  const excess = graphemes(full).length - MAX_GRAPHEMES;
  if (excess <= 0 || !template.includes('{title}')) return full.trim();
  const titleChars = graphemes(title);
  const uses = template.split('{title}').length - 1;
  const keep = titleChars.length - Math.ceil(excess / uses) - 1; // room for the ellipsis
  return withTitle(keep > 0 ? `${titleChars.slice(0, keep).join('').trimEnd()}…` : '').trim();
}

export function composeUrl(template: string, title: string, url: string): string {
  return `https://bsky.app/intent/compose?text=${encodeURIComponent(composeText(template, title, url))}`;
}

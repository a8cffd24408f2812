// What bsky.app shows a signed-out reader, and what a site's own labelers add to it. The labels that
// count: Bluesky's moderation service's; the author's own for the few self-labels that mean
// something signed out (adult content, and `!no-unauthenticated`: "do not show me to signed-out
// readers"); and, when the site subscribes to labelers (`labelers`), theirs, read as bsky.app reads
// them for a reader subscribed with the default settings. Any other labeler's labels are ignored.

import type { Labelers, Warning } from './model.ts';

export const BSKY_LABELER = 'did:plc:ar7c4by46qjdydhdevvrndac';

/** Labels whose post (or whose author's posts) a signed-out reader never sees: adult content is off. */
const HIDDEN = new Set(['!hide', '!no-unauthenticated', 'porn', 'sexual', 'nudity', 'graphic-media', 'gore']);
/** Self-labels that count; an author cannot `!hide` or `!warn` themself. */
const SELF = new Set(['!no-unauthenticated', 'porn', 'sexual', 'nudity', 'graphic-media', 'gore']);
/** Bluesky's global label values: a labeler's own definition never replaces these names' meaning for us. */
export const GLOBAL = new Set([...HIDDEN, '!warn']);

export type Decision = 'show' | 'warn' | 'hide';

interface Label {
  src?: unknown;
  uri?: unknown;
  val?: unknown;
  neg?: unknown;
}

/** What one label in force asks for, on a post (`content`) or on its author (`account`). */
function decide(src: string, val: string, target: 'content' | 'account', labelers?: Labelers): Decision {
  // A custom value (lower-case letters and dashes) is read by its labeler's definition first.
  const custom = /^[a-z-]+$/.test(val) ? labelers?.get(src)?.labels.get(val) : undefined;
  if (custom) {
    if (custom.adultOnly || custom.setting === 'hide') return 'hide';
    if (custom.setting === 'ignore') return 'show';
    // Blurring content hides a post (or an account's posts) behind a warning; blurring media only
    // blurs a post's own media, and an account's avatar, which the widget does not blur.
    return custom.blurs === 'content' || (custom.blurs === 'media' && target === 'content') ? 'warn' : 'show';
  }
  return HIDDEN.has(val) ? 'hide' : val === '!warn' ? 'warn' : 'show';
}

/**
 * Whether a label on the author counts for their posts: one on the account itself does; one on their
 * profile record only when it is `!no-unauthenticated` (as bsky.app reads them).
 */
const onAccount = (label: Label, author: string) =>
  label.uri === undefined || label.uri === author || (label.val === '!no-unauthenticated' && String(label.uri).startsWith(`at://${author}/`));

/** Decisions of the labels in force on a subject, from sources that count, each with its label's source and value. */
function decisions(labels: unknown, author: string, target: 'content' | 'account', labelers?: Labelers): Array<[Decision, string, string]> {
  if (!Array.isArray(labels)) return [];
  const live = new Map<string, [string, string, boolean]>();
  for (const label of labels as Label[]) {
    if (!label || typeof label.val !== 'string' || typeof label.src !== 'string') continue;
    if (target === 'account' && !onAccount(label, author)) continue;
    // The author's own labels count only for the few that mean something signed out, even when the
    // author is a labeler the site subscribes to: no one labels themself past that.
    const self = label.src === author;
    if (self ? !SELF.has(label.val) : label.src !== BSKY_LABELER && !labelers?.has(label.src)) continue;
    // A negation withdraws the label.
    live.set(`${label.src} ${label.val}`, [label.src, label.val, label.neg !== true]);
  }
  return [...live.values()].filter(([, , on]) => on).map(([src, val]) => [decide(src, val, target, src === author ? undefined : labelers), src, val]);
}

/**
 * Decide a post from its own labels and its author's: hidden, shown, or shown behind a warning that
 * names the first label that asks for one (the post's own before its author's) and who put it there.
 */
export function judge(postLabels: unknown, authorLabels: unknown, author: string, labelers?: Labelers): 'hide' | 'show' | Warning {
  const all = [...decisions(postLabels, author, 'content', labelers), ...decisions(authorLabels, author, 'account', labelers)];
  if (all.some(([decision]) => decision === 'hide')) return 'hide';
  const cause = all.find(([decision]) => decision === 'warn');
  if (!cause) return 'show';
  const [, src, label] = cause;
  const labeler = src === BSKY_LABELER ? undefined : labelers?.get(src);
  const names = labeler?.labels.get(label)?.names;
  // A labeler that did not answer is named by its DID: never passed off as Bluesky's.
  return { label, ...(names?.length ? { names } : {}), ...(src === BSKY_LABELER ? {} : { by: labeler?.name ?? src }) };
}

/** Decide a post from its own labels and its author's. */
export function moderate(postLabels: unknown, authorLabels: unknown, author: string, labelers?: Labelers): Decision {
  const verdict = judge(postLabels, authorLabels, author, labelers);
  return typeof verdict === 'string' ? verdict : 'warn';
}

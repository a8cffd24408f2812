// What bsky.app shows a signed-out reader: labels from the author themself (self-labels) and from
// Bluesky's own moderation service count; every other labeler is one a signed-out reader has not
// subscribed to, so its labels are ignored.

export const BSKY_LABELER = 'did:plc:ar7c4by46qjdydhdevvrndac';

/** Labels whose content a signed-out reader never sees. */
const HIDDEN = new Set(['!hide', 'porn', 'sexual', 'nudity', 'graphic-media', 'gore']);

export type Decision = { hide: true } | { hide: false; warnings: string[] };

interface Label {
  src?: unknown;
  val?: unknown;
  neg?: unknown;
}

function values(labels: unknown, owner: string): string[] {
  if (!Array.isArray(labels)) return [];
  const live = new Map<string, boolean>();
  for (const label of labels as Label[]) {
    if (!label || typeof label.val !== 'string') continue;
    if (label.src !== owner && label.src !== BSKY_LABELER) continue;
    // A later negation withdraws the label.
    live.set(label.val, label.neg !== true);
  }
  return [...live].filter(([, on]) => on).map(([val]) => val);
}

/**
 * Decide a post from its own labels and its author's. `!no-unauthenticated` is the author asking not
 * to be shown to signed-out readers.
 */
export function moderate(postLabels: unknown, authorLabels: unknown, authorDid: string): Decision {
  const own = values(postLabels, authorDid);
  const account = values(authorLabels, authorDid);
  if (account.includes('!no-unauthenticated') || account.includes('!hide')) return { hide: true };
  if (own.some((val) => HIDDEN.has(val))) return { hide: true };
  const warnings = [...own, ...account].filter((val) => val === '!warn');
  return { hide: false, warnings: [...new Set(warnings)] };
}

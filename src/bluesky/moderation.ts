// What bsky.app shows a signed-out reader. Only two sources of labels count: Bluesky's moderation
// service, and the author themself for the few self-labels that mean something signed out (adult
// content, and `!no-unauthenticated`: "do not show me to signed-out readers"). Other labelers are
// ones a signed-out reader has not subscribed to, so their labels are ignored.

export const BSKY_LABELER = 'did:plc:ar7c4by46qjdydhdevvrndac';

/** Labels whose post (or whose author's posts) a signed-out reader never sees. */
const HIDDEN = new Set(['!hide', '!no-unauthenticated', 'porn', 'sexual', 'nudity', 'graphic-media', 'gore']);
/** Self-labels that count; an author cannot `!hide` or `!warn` themself. */
const SELF = new Set(['!no-unauthenticated', 'porn', 'sexual', 'nudity', 'graphic-media', 'gore']);

type Decision = 'show' | 'warn' | 'hide';

interface Label {
  src?: unknown;
  val?: unknown;
  neg?: unknown;
}

/** Label values in force on a subject, from sources that count. */
function values(labels: unknown, author: string): string[] {
  if (!Array.isArray(labels)) return [];
  const live = new Map<string, boolean>();
  for (const label of labels as Label[]) {
    if (!label || typeof label.val !== 'string') continue;
    if (label.src !== BSKY_LABELER && !(label.src === author && SELF.has(label.val))) continue;
    // A negation withdraws the label.
    live.set(label.val, label.neg !== true);
  }
  return [...live].filter(([, on]) => on).map(([val]) => val);
}

/** Decide a post from its own labels and its author's. */
export function moderate(postLabels: unknown, authorLabels: unknown, author: string): Decision {
  const all = [...values(postLabels, author), ...values(authorLabels, author)];
  return all.some((val) => HIDDEN.has(val)) ? 'hide' : all.includes('!warn') ? 'warn' : 'show';
}

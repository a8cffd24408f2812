// The reader's likes and reposts: those made before (recalled from their repo as they sign in, so a
// liked post shows pressed and can be unliked), and those made here, shown at once and put back if
// their server refuses.

import type { Post, Ref } from '../bluesky/model.ts';
import { createRecord, deleteRecord, recall, subjectRecord, type Kind, type Pds } from './records.ts';

const KINDS = ['like', 'repost'] as const;

export class Toggles {
  /** By kind: the record's URI by the post it names ('' until the server answers). */
  #made: Record<Kind, Map<string, string>> = { like: new Map(), repost: new Map() };
  /** Made before this page (`kind uri`): the AppView's counts hold them already. */
  #before = new Set<string>();
  /** On their way to the server (`kind uri`): a second press waits for the first. */
  #flipping = new Set<string>();
  /** The recall under way: a press waits for it, so a like made elsewhere is undone, not made twice. */
  #recalled: Promise<void> = Promise.resolve();

  /** Read the reader's likes and reposts made before, then `changed`. */
  recall(pds: Pds, changed: () => void): Promise<void> {
    const each = KINDS.map(async (kind) => {
      for (const [subject, uri] of await recall(pds, kind)) {
        if (this.#made[kind].has(subject)) continue;
        this.#made[kind].set(subject, uri);
        this.#before.add(`${kind} ${subject}`);
      }
    });
    return (this.#recalled = Promise.all(each).then(changed));
  }

  has(kind: Kind, uri: string): boolean {
    return this.#made[kind].has(uri);
  }

  /** The AppView's count, with what the reader did since it counted. */
  count(kind: Kind, post: Post): number {
    const counted = kind === 'like' ? post.counts.likes : post.counts.reposts;
    return Math.max(0, counted + Number(this.has(kind, post.uri)) - Number(this.#before.has(`${kind} ${post.uri}`)));
  }

  /** Like or repost `post`, or undo it: shown at once (`changed`), put back and thrown if the server refuses. */
  async flip(pds: Pds, post: Ref, kind: Kind, changed: () => void): Promise<void> {
    const key = `${kind} ${post.uri}`;
    if (this.#flipping.has(key)) return; // the last press is still on its way
    this.#flipping.add(key);
    const made = this.#made[kind];
    try {
      await this.#recalled;
      const record = made.get(post.uri);
      if (record) made.delete(post.uri);
      else made.set(post.uri, '');
      changed();
      try {
        if (record) await deleteRecord(pds, kind, record);
        else made.set(post.uri, (await createRecord(pds, `app.bsky.feed.${kind}`, subjectRecord(kind, post))).uri);
      } catch (error) {
        if (record) made.set(post.uri, record);
        else made.delete(post.uri);
        throw error;
      }
    } finally {
      this.#flipping.delete(key);
      changed();
    }
  }
}

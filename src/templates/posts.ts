// Post templates: threads of posts, their counts, the list and its summary. Data in, `html` out.
// Loaded with the discussion code, once the network has answered.

import { html, nothing, type TemplateResult } from 'lit';
import type { Discussion, Post, Ref, ThreadNode, Totals } from '../bluesky/model.ts';
import { fill } from '../i18n/messages.ts';
import { compact, plural } from '../i18n/format.ts';
import { byline, lang, richText } from './byline.ts';
import { embed } from './embeds.ts';
import { warned } from './warning.ts';
import { ICONS, type Count, type View } from './view.ts';

export type { Actions, View } from './view.ts';
export { richText } from './byline.ts';

/**
 * Reply (a link to the post on Bluesky, where the reader replies), then reposts and likes; a count
 * is shown only when it is not zero, as on bsky.app, and read out in full ("12 likes").
 */
function stats(post: Post, view: View, root: Ref) {
  const { lang, t } = view;
  const count = (key: Count, n: number) =>
    n ? html`<span aria-hidden="true">${compact(lang, n)}</span><span class="sr">, ${plural(lang, t[key], n, true)}</span>` : nothing;
  if (view.actions) return view.actions.stats(post, root, { icons: ICONS, count });
  const stat = (key: 'reposts' | 'likes', n: number) => (n ? html`<span class="stat">${ICONS[key]}${count(key, n)}</span>` : nothing);
  return html`<div part="stats" class="stats">
    <a class="stat reply" href=${post.url}>${ICONS.replies}<span class="sr">${t.reply}</span>${count('replies', post.counts.replies)}</a>
    ${stat('reposts', post.counts.reposts)} ${stat('likes', post.counts.likes)}
  </div>`;
}

export function postTemplate(post: Post, view: View, root: Ref = post.root ?? post) {
  const body = html`${post.text ? html`<p part="text" class="text" lang=${lang(post.langs)} dir="auto">${richText(post.text, post.facets)}</p>` : nothing}
  ${post.embed ? html`<div part="embed" class="embed">${embed(post.embed, post, view)}</div>` : nothing}`;
  return html`<article part="post" class="post" aria-label=${fill(view.t.postBy, { name: post.author.displayName })} tabindex="-1">
      ${byline(post, view)} ${warned(post.warn, body, view)} ${stats(post, view, root)}
    </article>
    ${view.actions?.below(post, root) ?? nothing}`;
}

/** Reply levels that indent; deeper replies line up under their parent, so the column keeps its width. */
const INDENTED_LEVELS = 4;

/** `shown`, after the reader's own posts under `parent` that are not among them yet. */
const withMine = (parent: string, shown: ThreadNode[], view: View) => (view.mine ? [...shown, ...view.mine(parent, shown)] : shown);

function threadTemplate(node: ThreadNode, view: View, level = 0, root: Ref = node.root ?? node): TemplateResult {
  const replies = withMine(node.uri, node.replies, view);
  return html`<li>
    ${postTemplate(node, view, root)}
    ${
      replies.length
        ? html`<ol part="replies" class=${level < INDENTED_LEVELS ? 'replies' : 'replies flat'}>
            ${replies.map((reply) => threadTemplate(reply, view, level + 1, root))}
          </ol>`
        : nothing
    }
    ${node.more ? moreReplies(node, view) : nothing}
  </li>`;
}

/** Replies not shown: a button opens them in place; the link to them on Bluesky stays beside it. */
function moreReplies(node: ThreadNode, view: View) {
  const { lang, t, open } = view;
  return html`<div class="more">
    ${
      open
        ? html`<button
            part="more"
            class="link"
            ?disabled=${view.busy === node.uri}
            @click=${(event: Event) => open(node.uri, event.currentTarget as HTMLElement)}
          >
            ${plural(lang, t.showReplies, node.more, true)}
          </button>`
        : nothing
    }
    <a part="more" href=${node.url}>${plural(lang, t.moreReplies, node.more, true)}</a>
  </div>`;
}

/** Past this many posts on the page, those off screen wait to be laid out (see post-styles.ts). */
const MANY = 40;

const size = (nodes: readonly ThreadNode[]): number => nodes.reduce((total, node) => total + 1 + size(node.replies), 0);

/** The threads, the reader's new posts first; nothing when there are none. */
export function listTemplate(discussion: Discussion, view: View) {
  const mine = view.mine?.('top', discussion.threads) ?? [];
  const threads = [...mine, ...discussion.threads];
  return threads.length
    ? html`<ol part="list" class=${size(threads) > MANY ? 'list many' : 'list'}>
        ${threads.map((thread) => threadTemplate(thread, view))}
      </ol>`
    : nothing;
}

/** The counts under the heading. */
export function summaryTemplate(counts: Totals, view: View) {
  const { lang, t } = view;
  const quotes = counts.quotePosts ? [plural(lang, t.quotes, counts.quotePosts)] : [];
  const items = [plural(lang, t.posts, counts.posts), ...quotes, plural(lang, t.replies, counts.replies), plural(lang, t.likes, counts.likes)];
  // A count never breaks from its word ("467 / likes"): a narrow header wraps between counts.
  return html`<p part="summary" class="summary">${items.map((item, i) => html`${i ? ' · ' : ''}<span>${item}</span>`)}</p>`;
}

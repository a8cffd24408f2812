// Post templates: threads of posts, their counts, the list and its summary. Data in, `html` out.
// Loaded with the discussion code, once the network has answered.

import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Discussion, Post, Ref, ThreadNode, Totals } from '../bluesky/model.ts';
import { fill } from '../i18n/messages.ts';
import { compact, plural } from '../i18n/format.ts';
import { byline, lang, richText } from './byline.ts';
import { embed } from './embeds.ts';
import { warned } from './warning.ts';
import { orderTemplate } from './order.ts';
import { focusRing } from '../focus.ts';
import { ICONS, type Count, type View } from './view.ts';
import { size } from '../bluesky/tree.ts';

export type { Actions, View } from './view.ts';
export { richText } from './byline.ts';

/**
 * Reply (a link to the post on Bluesky, where the reader replies), then reposts and likes; a count
 * is shown only when it is not zero, as on bsky.app, and read out in full ("12 likes"). Signed out,
 * reposts and likes are words ("61 reposts"), plain text: only a signed-in reader's are controls.
 */
function stats(post: Post, view: View, root: Ref) {
  const { lang, t } = view;
  const count = (key: Count, n: number) =>
    n ? html`<span aria-hidden="true">${compact(lang, n)}</span><span class="sr">, ${plural(lang, t[key], n, true)}</span>` : nothing;
  if (view.actions) return view.actions.stats(post, root, { icons: ICONS, count });
  const stat = (key: 'reposts' | 'likes', n: number) => (n ? html`<span class="stat">${plural(lang, t[key], n)}</span>` : nothing);
  return html`<div part="stats" class="stats">
    <a class="stat reply" href=${post.url}>${ICONS.replies}<span class="sr">${t.reply}</span>${count('replies', post.counts.replies)}</a>
    ${stat('reposts', post.counts.reposts)} ${stat('likes', post.counts.likes)}
  </div>`;
}

/** A post; `joined`: its one reply follows right under it, joined to it by a line from avatar to avatar. Its URI marks it, for focus.ts. */
export function postTemplate(post: Post, view: View, root: Ref = post.root ?? post, joined = false) {
  const body = html`${post.text ? html`<p part="text" class="text" lang=${lang(post.langs)} dir="auto">${richText(post.text, post.facets)}</p>` : nothing}
  ${post.embed ? html`<div part="embed" class="embed">${embed(post.embed, post, view)}</div>` : nothing}`;
  return html`<article
      part="post"
      class=${joined ? 'post joined' : 'post'}
      aria-label=${fill(view.t.postBy, { name: post.author.displayName })}
      tabindex="-1"
      data-uri=${post.uri}
    >
      ${byline(post, view)} ${warned(post.warn, body, view)} ${stats(post, view, root)}
      ${joined ? html`<span class="thread" aria-hidden="true"></span>` : nothing}
    </article>
    ${view.actions?.below(post, root) ?? nothing}`;
}

/**
 * Branches indent this many levels (a chain of single replies does not indent: a line joins its
 * avatars). Deeper branches wait behind "Continue thread", and start again at the left edge.
 */
const INDENTED_LEVELS = 4;

/** `shown`, after the reader's own posts under `parent` that are not among them yet: theirs first, right under the post they answer. */
const withMine = (parent: string, shown: ThreadNode[], view: View) => (view.mine ? [...view.mine(parent, shown), ...shown] : shown);

/**
 * A post and its replies, as bsky.app draws them: a lone reply continues the line, several replies
 * branch (indent). Keyed by the post: when another post takes its place (another order, the reader's
 * own post put first, "Show more"), its item starts afresh, so no open warning, open "Continue
 * thread" or playing video passes from one post to another.
 */
function threadTemplate(node: ThreadNode, view: View, level = 0, root: Ref = node.root ?? node): ReturnType<typeof keyed> {
  const replies = withMine(node.uri, node.replies, view);
  const joined = replies.length === 1 && !node.more;
  const branch = (nodes: ThreadNode[], next: number) =>
    html`<ol part="replies" class="replies">
      ${nodes.map((reply) => threadTemplate(reply, view, next, root))}
    </ol>`;
  return keyed(
    node.uri,
    html`<li>
      ${postTemplate(node, view, root, joined)}
      ${
        joined
          ? html`<ol part="replies" class="replies chain">
              ${threadTemplate(replies[0], view, level, root)}
            </ol>`
          : !replies.length
            ? nothing
            : level < INDENTED_LEVELS
              ? branch(replies, level + 1)
              : continued(node, view, branch(replies, 1))
      }
      ${node.more ? moreReplies(node, view) : nothing}${view.news?.(node.uri, view)}
    </li>`,
  );
}

/** Focus the first post "Continue thread" shows, with a visible ring: the reader carries on there. */
function reveal(event: Event) {
  const details = event.currentTarget as HTMLDetailsElement;
  if (details.open) focusRing(details.querySelector('article'));
}

/**
 * Replies past the indent cap: "Continue thread" shows them in place, back at the left edge, under a
 * copy of their parent's avatar and name that the branch hangs from, so the reader still sees whom
 * they answer. A branch the reader opened ("Show N more replies") shows them at once.
 */
function continued(node: ThreadNode, view: View, replies: TemplateResult) {
  const { author } = node;
  const shown = html`<div class="continued">
    <div class="context" aria-hidden="true">
      ${author.avatar ? html`<img class="avatar" src=${author.avatar} alt="" width="40" height="40" loading="lazy" />` : html`<span class="avatar blank"></span>`}
      <bdi class="name">${author.displayName}</bdi>
    </div>
    ${replies}
  </div>`;
  return view.opened?.has(node.uri)
    ? html`<div class="continue">${shown}</div>`
    : html`<details class="continue" @toggle=${reveal}>
        <summary class="link">${view.t.continueThread}</summary>
        ${shown}
      </details>`;
}

/** Replies not shown: a button opens them in place; the link to them on Bluesky stays beside it. */
function moreReplies(node: ThreadNode, view: View) {
  const { lang, t, open } = view;
  return html`<div class="more">
    ${
      open
        ? html`<button part="more" class="link" ?disabled=${view.busy === node.uri} @click=${() => open(node.uri)}>
            ${plural(lang, t.showReplies, node.more, true)}
          </button>`
        : nothing
    }
    <a part="more" href=${node.url}>${plural(lang, t.moreReplies, node.more, true)}</a>
  </div>`;
}

/** Past this many posts on the page, those off screen wait to be laid out (see post-styles.ts). */
const MANY = 40;

/**
 * The threads, the reader's new posts first; nothing when there are none. `drawn`: those of the
 * threads on the page so far (templates/pages.ts draws them a step at a time); the list is styled
 * for them all.
 */
export function listTemplate(discussion: Discussion, view: View, drawn = discussion.threads) {
  const mine = view.mine?.('top', discussion.threads) ?? [];
  const threads = [...mine, ...discussion.threads];
  return threads.length
    ? html`<ol part="list" class=${threads.reduce((total, thread) => total + size(thread), 0) > MANY ? 'list many' : 'list'}>
        ${[...mine, ...drawn].map((thread) => threadTemplate(thread, view))}
      </ol>`
    : nothing;
}

/** The reader's own posts and replies, sent from this page, that the loaded discussion does not hold yet. */
function mineCounts(discussion: Discussion, view: View) {
  const { mine } = view;
  if (!mine) return { posts: 0, replies: 0 };
  const walk = (nodes: readonly ThreadNode[]): number => nodes.reduce((n, node) => n + mine(node.uri, node.replies).length + walk(node.replies), 0);
  return { posts: mine('top', discussion.threads).length, replies: walk(discussion.threads) };
}

/** The counts under the heading, the reader's own new posts and replies included, and beside them the reader's choice of order. */
export function summaryTemplate({ discussion, counts }: { discussion: Discussion; counts: Totals }, view: View) {
  const { lang, t } = view;
  const own = mineCounts(discussion, view);
  const quotes = counts.quotePosts ? [plural(lang, t.quotes, counts.quotePosts)] : [];
  const items = [
    plural(lang, t.posts, counts.posts + own.posts),
    ...quotes,
    plural(lang, t.replies, counts.replies + own.replies),
    plural(lang, t.likes, counts.likes),
  ];
  // A count never breaks from its word ("467 / likes"), and no line ends with "·": each "·" is kept
  // with the count after it, and hangs outside the box when that count starts a line (post-styles.ts).
  const shown = items.map((item, i) => html`${i ? ' ' : ''}<span>${i ? html`<span class="dot" aria-hidden="true">· </span>` : ''}${item}</span>`);
  return html`<div class="facts">
    <p part="summary" class="summary">${shown}</p>
    ${orderTemplate(view)}
  </div>`;
}

// Post templates: data in, `html` out. Text, names and links are bound as values, never parsed as
// HTML. Loaded with the discussion code, once the network has answered.

import { html, nothing, type TemplateResult } from 'lit';
import type { BasePost, Discussion, Embed, Facet, Post, Ref, ThreadNode, Totals } from '../bluesky/model.ts';
import { normalizeUrl } from '../bluesky/urls.ts';
import { hashtagUrl, otherHost, profileUrl, safeHref } from '../bluesky/links.ts';
import { segments } from '../richtext.ts';
import { fill, type Messages } from '../i18n/messages.ts';
import { compact, fullDate, plural } from '../i18n/format.ts';
import { since } from './clock.ts';

export interface View {
  lang: string;
  t: Messages;
  /** The article, normalised, to leave out its own link card. */
  article?: string;
  /** The article author (`author`: handle or DID), to mark their posts. */
  author?: string;
  /** "more" while the next page loads, or the URI of a branch being opened. */
  busy?: string;
  /** Opens the branch at a post in place; `from` is the button the reader pressed. */
  open?: (uri: string, from: HTMLElement) => void;
  /** What a signed-in reader can do (the sign-in code's): without it, a post's reply link goes to Bluesky. */
  actions?: Actions;
  /** The reader's own posts sent from this page under `parent` (`top`: new posts), those not in `shown` yet. */
  mine?: (parent: string, shown: readonly Post[]) => ThreadNode[];
}

type Count = 'replies' | 'reposts' | 'likes';

/** A signed-in reader's reply, repost and like controls, and what they wrote under a post. */
export interface Actions {
  stats(post: Post, root: Ref, parts: { icons: typeof ICONS; count: (key: Count, n: number) => TemplateResult | typeof nothing }): TemplateResult;
  below(post: Post, root: Ref): TemplateResult | typeof nothing;
}

const REL = 'nofollow ugc noopener';

/** Icons, each one template with no binding: the same markup for every post. */
const ICONS = {
  replies: html`<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path d="M3 4h18v12H8l-5 4z" /></svg>`,
  reposts: html`<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path d="M4 9V6h13l-3-3m6 12v3H7l3 3" /></svg>`,
  likes: html`<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
    <path d="M12 20s-8-5-8-11a4 4 0 0 1 8-1 4 4 0 0 1 8 1c0 6-8 11-8 11z" />
  </svg>`,
} as const;

function link(facet: Facet, text: string): TemplateResult | string {
  const href = facet.link ? safeHref(facet.link) : facet.mention ? profileUrl(facet.mention) : facet.tag ? hashtagUrl(facet.tag) : undefined;
  // A link whose text names another host shows where it really goes, in the link's own name too.
  const elsewhere = facet.link && href && otherHost(text, href);
  return href ? html`<a href=${href} rel=${REL}>${elsewhere ? `${text} (${elsewhere})` : text}</a>` : text;
}

export const richText = (text: string, facets: readonly Facet[]) =>
  segments(text, facets).map((segment) => (segment.facet ? link(segment.facet, segment.text) : segment.text));

const lang = (langs: readonly string[]) => langs[0] ?? nothing;

function time(createdAt: string, url: string, view: View) {
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) return nothing;
  return html`<span aria-hidden="true">·</span>
    <a class="time" href=${url}><time datetime=${date.toISOString()} title=${fullDate(view.lang, date)}>${since(date, view.lang)}</time></a>`;
}

/** Avatar beside one line: name, handle, badge, time; when space runs short the handle gives way first, then the name. */
function byline(post: BasePost, view: View) {
  const { author } = post;
  // A missing picture is the name's first letter on a ringed disc, visible in light and dark.
  const avatar = author.avatar
    ? html`<img part="avatar" class="avatar" src=${author.avatar} alt="" width="40" height="40" loading="lazy" />`
    : html`<span part="avatar" class="avatar blank" aria-hidden="true">${[...author.displayName][0]?.toUpperCase()}</span>`;
  const badge = view.author === author.did || view.author === author.handle ? html`<span class="badge">${view.t.author}</span>` : nothing;
  // A quote post of the site's own post: the reader sees why it is here.
  const quote = (post as Post).quoting ? html`<span class="badge">${view.t.quote}</span>` : nothing;
  return html`<div class="byline">
    ${avatar}
    <span class="line">
      <a part="author" class="author" href=${profileUrl(author.did, author.handle)}
        ><bdi class="name">${author.displayName}</bdi> <span class="handle">@${author.handle}</span></a
      >
      ${badge} ${quote} ${time(post.createdAt, post.url, view)}
    </span>
  </div>`;
}

function embed(value: Embed | undefined, post: Post | BasePost, view: View): TemplateResult | typeof nothing {
  if (!value) return nothing;
  switch (value.kind) {
    case 'images':
      return html`<div class="images" data-count=${value.images.length}>
        ${value.images.map(
          (image) =>
            html`<a href=${image.fullsize}
              ><img src=${image.thumb} alt=${image.alt} loading="lazy" width=${image.width ?? nothing} height=${image.height ?? nothing}
            /></a>`,
        )}
      </div>`;
    case 'external': {
      if (view.article && normalizeUrl(value.uri) === view.article) return nothing; // the reader is on it
      const href = safeHref(value.uri);
      const domain = href ? new URL(href).hostname.replace(/^www\./, '') : value.uri;
      return html`<a class="card" href=${href ?? nothing} rel=${REL}>
        ${value.thumb ? html`<img src=${value.thumb} alt="" loading="lazy" />` : nothing}
        <span
          ><strong dir="auto">${value.title || domain}</strong> ${value.description ? html`<span dir="auto">${value.description}</span>` : nothing}
          <small>${domain}</small></span
        >
      </a>`;
    }
    case 'video':
      // No inline style (strict CSPs forbid it): the thumbnail's width and height give the card its
      // aspect ratio; without a thumbnail the stylesheet's 16:9 holds.
      return html`<a class=${value.thumb ? 'video' : 'video blank'} href=${post.url}>
        ${value.thumb ? html`<img src=${value.thumb} alt=${value.alt} loading="lazy" width=${value.width ?? nothing} height=${value.height ?? nothing} />` : nothing}
        <span class="play" aria-hidden="true">▶</span><span class="sr">${view.t.video}</span>
      </a>`;
    case 'quote': {
      const quoted = value.post;
      return html`${embed(value.media, post, view)}
      ${
        quoted
          ? html`<blockquote class="quote" cite=${quoted.url}>
              ${byline(quoted, view)}
              ${warned(
                quoted.warn,
                html`${quoted.text ? html`<p class="text" lang=${lang(quoted.langs)} dir="auto">${richText(quoted.text, quoted.facets)}</p>` : nothing}
                ${embed(quoted.media, quoted, view)}`,
                view,
              )}
            </blockquote>`
          : html`<p class="quote">${view.t.quoteUnavailable}</p>`
      }`;
    }
  }
}

/** Content behind a warning the reader opens: a native disclosure, keyboard-operable as is. */
const warned = (warn: boolean, content: TemplateResult, view: View) =>
  warn
    ? html`<details class="warning">
        <summary>${view.t.warning}</summary>
        ${content}
      </details>`
    : content;

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

// A post's byline (avatar, name, handle, badges, time) and its rich text: shared by the posts and the
// posts they quote. Text, names and links are bound as values, never parsed as HTML.

import { html, nothing, type TemplateResult } from 'lit';
import type { BasePost, Facet, Post } from '../bluesky/model.ts';
import { hashtagUrl, otherHost, profileUrl, safeHref } from '../bluesky/links.ts';
import { segments, shortened } from '../richtext.ts';
import { fullDate, shortTime } from '../i18n/format.ts';
import { since } from './clock.ts';
import type { View } from './view.ts';

export const REL = 'nofollow ugc noopener';

function link(facet: Facet, text: string): TemplateResult | string {
  const href = facet.link ? safeHref(facet.link) : facet.mention ? profileUrl(facet.mention) : facet.tag ? hashtagUrl(facet.tag) : undefined;
  // A link whose text names another host shows where it really goes, in the link's own name too.
  const elsewhere = facet.link && href && otherHost(text, href);
  if (!href) return text;
  const { head, tail } = shortened(text);
  const shown = tail ? html`${head}<span class="nowrap">${tail}</span>` : text;
  return html`<a href=${href} rel=${REL}>${shown}${elsewhere ? html`<span class="host"> (${elsewhere})</span>` : ''}</a>`;
}

export const richText = (text: string, facets: readonly Facet[]) =>
  segments(text, facets).map((segment) => (segment.facet ? link(segment.facet, segment.text) : segment.text));

export const lang = (langs: readonly string[]) => langs[0] ?? nothing;

/**
 * "· 5h": the short time in sight, the full date and time in its title, and "5 hours ago" for a
 * screen reader, as the link's name (its text, so the name is what is said, not what is shown).
 */
function time(createdAt: string, url: string, view: View) {
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) return nothing;
  return html`<span aria-hidden="true">·</span>
    <a class="time" href=${url}
      ><time datetime=${date.toISOString()} title=${fullDate(view.lang, date)}
        ><span aria-hidden="true">${since(date, view.lang, shortTime)}</span><span class="sr">${since(date, view.lang)}</span></time
      ></a
    >`;
}

/**
 * Avatar beside one line: name, handle, badges, time. When space runs short the handle goes first,
 * whole (it shows at least six characters or none, see post-styles.ts), then the name is cut.
 */
export function byline(post: BasePost, view: View) {
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
    <span part="author" class="line">
      <a class="author" href=${profileUrl(author.did, author.handle)}><bdi class="name">${author.displayName}</bdi></a>
      <span class="rest"><span class="handle">@${author.handle}</span><span class="meta">${badge} ${quote} ${time(post.createdAt, post.url, view)}</span></span>
    </span>
  </div>`;
}

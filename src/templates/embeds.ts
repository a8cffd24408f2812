// What a post shows beside its text: images, a link card, a video, a quoted post. Loaded with the
// discussion code; the image viewer and the video player are chunks of their own (src/media/),
// imported the first time a reader opens an image or presses play.

import { html, nothing, render, type TemplateResult } from 'lit';
import type { BasePost, Embed, Image, Media, Post } from '../bluesky/model.ts';
import { normalizeUrl } from '../bluesky/urls.ts';
import { safeHref } from '../bluesky/links.ts';
import { fill } from '../i18n/messages.ts';
import { playable } from '../media/playlist.ts';
import { byline, lang, REL, richText } from './byline.ts';
import { warned } from './warning.ts';
import type { Lit } from '../media/gallery.ts';
import type { View } from './view.ts';

/** Lit, for the image viewer's chunk, which gets it from here (see src/media/gallery.ts). */
const lit: Lit = { html, nothing, render };

/** A plain primary click (Enter on a link is one): the page handles it; a middle or modified click keeps the link's own. */
const plain = (event: MouseEvent) => !event.button && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);

/** The link's own way when a chunk cannot be fetched: to the picture, or the post on Bluesky. */
const follow = (href: string) => () => location.assign(href);

/** Up to four images cropped to a grid (one keeps its own shape); each opens the viewer over the page. */
function images(list: Image[], view: View) {
  const open = (event: MouseEvent) => {
    if (!plain(event)) return;
    event.preventDefault();
    const link = event.currentTarget as HTMLAnchorElement;
    import('../media/gallery.ts').then(({ gallery }) => gallery(link, list, Number(link.dataset.index), view.t, lit), follow(link.href));
  };
  return html`<div class="images" data-count=${list.length}>
    ${list.map(
      (image, i) =>
        html`<a
          href=${image.fullsize}
          data-index=${i}
          aria-label=${image.alt ? nothing : fill(view.t.imageOf, { n: `${i + 1}`, count: `${list.length}` })}
          @click=${open}
          ><img src=${image.thumb} alt=${image.alt} loading="lazy" width=${image.width ?? nothing} height=${image.height ?? nothing}
        /></a>`,
    )}
  </div>`;
}

/** A video: its thumbnail and a play button that starts it in place, and the post's link to Bluesky. */
function video(value: Extract<Media, { kind: 'video' }>, post: BasePost, view: View, small: boolean) {
  // A quoted post's video is a thumbnail: it plays on Bluesky, or under its own post.
  const playlist = small ? undefined : playable(value.playlist);
  const play = (event: Event) => {
    const button = event.currentTarget as HTMLButtonElement;
    // One press starts one player: the box is busy until the player's code (and hls.js) arrives.
    const box = button.parentElement!;
    if (box.ariaBusy) return;
    box.ariaBusy = 'true';
    import('../media/player.ts').then(({ play }) => play(button, playlist!, value)).catch(follow(post.url));
  };
  // No inline style (strict CSPs forbid it): the thumbnail's width and height give the box its
  // aspect ratio; without a thumbnail the stylesheet's 16:9 holds.
  return html`<div class=${value.thumb ? 'video' : 'video blank'}>
      ${value.thumb ? html`<img src=${value.thumb} alt=${value.alt} loading="lazy" width=${value.width ?? nothing} height=${value.height ?? nothing} />` : nothing}
      ${playlist ? html`<button class="play" aria-label=${view.t.playVideo} @click=${play}>▶</button>` : html`<span class="play" aria-hidden="true">▶</span>`}
    </div>
    <a class="watch" href=${post.url}>${view.t.video}</a>`;
}

/** A link card: its picture above its title, description and domain; an unusable address links nowhere and names no domain. */
function card(value: Extract<Media, { kind: 'external' }>, view: View) {
  if (view.article && normalizeUrl(value.uri) === view.article) return nothing; // the reader is on it
  const href = safeHref(value.uri);
  const domain = href && new URL(href).hostname.replace(/^www\./, '');
  return html`<a class="card" href=${href ?? nothing} rel=${REL}>
    ${value.thumb ? html`<img src=${value.thumb} alt="" loading="lazy" />` : nothing}
    <span
      >${value.title || domain ? html`<strong dir="auto">${value.title || domain}</strong> ` : nothing}${
        value.description ? html`<span dir="auto">${value.description}</span> ` : nothing
      }${domain ? html`<small>${domain}</small>` : nothing}</span
    >
  </a>`;
}

/** `small`: the media of a quoted post, shown as thumbnails. */
export function embed(value: Embed | undefined, post: Post | BasePost, view: View, small = false): TemplateResult | typeof nothing {
  if (!value) return nothing;
  switch (value.kind) {
    case 'images':
      return images(value.images, view);
    case 'external':
      return card(value, view);
    case 'video':
      return video(value, post, view, small);
    case 'quote': {
      const quoted = value.post;
      // A quote of the post at the top of the discussion, shown under it: a line says so, not the post again.
      const here = (post as Post).quoting && quoted?.uri === view.top;
      return html`${embed(value.media, post, view)}
      ${
        here
          ? html`<p class="quote quoting">${view.t.quotingThis}</p>`
          : quoted
            ? html`<blockquote class="quote" cite=${quoted.url}>
                ${byline(quoted, view)}
                ${warned(
                  quoted.warn,
                  html`${quoted.text ? html`<p class="text" lang=${lang(quoted.langs)} dir="auto">${richText(quoted.text, quoted.facets)}</p>` : nothing}
                  ${quoted.media ? html`<div class="small">${embed(quoted.media, quoted, view, true)}</div>` : nothing}`,
                  view,
                )}
              </blockquote>`
            : html`<p class="quote">${view.t.quoteUnavailable}</p>`
      }`;
    }
  }
}

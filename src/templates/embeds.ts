// What a post shows beside its text: images, a link card, a video, a quoted post. Loaded with the
// discussion code.

import { html, nothing, type TemplateResult } from 'lit';
import type { BasePost, Embed, Post } from '../bluesky/model.ts';
import { normalizeUrl } from '../bluesky/urls.ts';
import { safeHref } from '../bluesky/links.ts';
import { byline, lang, REL, richText } from './byline.ts';
import { warned } from './warning.ts';
import type { View } from './view.ts';

export function embed(value: Embed | undefined, post: Post | BasePost, view: View): TemplateResult | typeof nothing {
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

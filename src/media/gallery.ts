// The image viewer: a post's images one at a time, large, over the page, in a modal <dialog> in the
// widget's shadow root (so the widget's colours and fonts reach it). A chunk of its own, imported
// the first time a reader opens an image; the image links keep their hrefs, so without this code an
// image still opens on its own.

import type { Image } from '../bluesky/model.ts';
import type { View } from '../templates/view.ts';
import type { html, nothing, render } from 'lit';

// The chunk imports nothing at run time: Lit comes from its caller, the discussion code. (Importing
// it from the entry file would make the bundler split the entry's shared code into a chunk of its
// own: one more request, and more bytes, on the critical path.)
// prettier-ignore
const CSS = `
  .gallery {
    box-sizing: border-box; width: 100%; max-width: none; height: 100%; max-height: none; margin: 0; padding: 0.75rem;
    border: 0; background: transparent; color: var(--_text); font: inherit;
    grid-template: 'count close' auto 'figure figure' minmax(0, 1fr) / 1fr auto; gap: 0.5rem;
  }
  .gallery[open] { display: grid; }
  .gallery::backdrop { background: #000e; }
  .gallery figure { grid-area: figure; display: grid; grid-template-rows: minmax(0, 1fr) auto; place-items: center; gap: 0.5rem; margin: 0; min-height: 0; }
  .gallery img { max-width: 100%; max-height: 100%; object-fit: contain; min-height: 0; }
  .gallery figcaption, .gallery .count {
    max-width: 40rem; max-height: 30vh; overflow: auto; padding: 0.4rem 0.7rem; border-radius: var(--_radius);
    background: var(--_bg); color: var(--_text); white-space: pre-wrap;
  }
  .gallery .count { grid-area: count; justify-self: start; align-self: center; }
  .gallery button {
    display: grid; place-items: center; width: 2.75rem; height: 2.75rem; padding: 0; border: 1px solid var(--_border);
    border-radius: 50%; background: var(--_bg); color: var(--_text); font: inherit; font-size: 1.5rem; cursor: pointer;
  }
  .gallery button:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  .gallery .close { grid-area: close; }
  .gallery .previous, .gallery .next { position: absolute; inset-block-start: 50%; translate: 0 -50%; }
  .gallery .previous { inset-inline-start: 0.75rem; }
  .gallery .next { inset-inline-end: 0.75rem; }
`;
let sheet: CSSStyleSheet | undefined;

/** What the viewer renders with: the discussion code's Lit. */
export interface Lit {
  html: typeof html;
  nothing: typeof nothing;
  render: typeof render;
}

type T = View['t'];

/** The dialog of the widget whose shadow root holds `opener`, made on first use. */
function dialogOf(root: ShadowRoot): HTMLDialogElement {
  const found = root.querySelector<HTMLDialogElement>('dialog.gallery');
  if (found) return found;
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const dialog = document.createElement('dialog');
  dialog.className = 'gallery';
  // Before the widget's own nodes: outside the part its template renders, which ends at the root's end.
  root.prepend(dialog);
  // A click beside the picture (on the backdrop, the dialog's own box, or around the image) closes it, as on bsky.app.
  dialog.addEventListener('click', (event) => (event.target === dialog || (event.target as Element).localName === 'figure') && dialog.close());
  return dialog;
}

/** Opens `images` at `index` over the page; closing it (Esc, the close button) returns focus to `opener`. */
export function gallery(opener: HTMLElement, images: readonly Image[], index: number, t: T, { html, nothing, render }: Lit): void {
  const dialog = dialogOf(opener.getRootNode() as ShadowRoot);
  const count = images.length;
  let at = Math.min(Math.max(index || 0, 0), count - 1);
  const go = (step: number) => {
    at = (at + step + count) % count;
    show();
  };
  const keys = (event: KeyboardEvent) => {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (!step || count < 2) return;
    event.preventDefault();
    go(getComputedStyle(dialog).direction === 'rtl' ? -step : step);
  };
  const show = () => {
    const image = images[at];
    const label = t.imageOf.replace('{n}', String(at + 1)).replace('{count}', String(count));
    dialog.setAttribute('aria-label', label);
    render(
      html`${count > 1 ? html`<p class="count" role="status">${label}</p>` : nothing}
        <button class="close" aria-label=${t.close} @click=${() => dialog.close()}>×</button>
        <figure>
          <img src=${image.fullsize} alt=${image.alt} />
          ${image.alt ? html`<figcaption dir="auto" aria-hidden="true">${image.alt}</figcaption>` : nothing}
        </figure>
        ${
          count > 1
            ? html`<button class="previous" aria-label=${t.previousImage} @click=${() => go(-1)}>‹</button>
                <button class="next" aria-label=${t.nextImage} @click=${() => go(1)}>›</button>`
            : nothing
        }`,
      dialog,
    );
  };
  show();
  dialog.addEventListener('keydown', keys);
  dialog.addEventListener(
    'close',
    () => {
      dialog.removeEventListener('keydown', keys);
      opener.focus();
    },
    { once: true },
  );
  dialog.showModal();
  dialog.querySelector<HTMLElement>('.close')?.focus();
}

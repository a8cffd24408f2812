// The embeds' stylesheet: image grids, link cards, quotes, video. Part of the posts' stylesheet.

import { css } from 'lit';

// Comments stay out of the css`` (they would ship). As on bsky.app: a lone image keeps its shape,
// capped in height, its box held from the view's aspect ratio (the width and height attributes)
// before the picture arrives, so nothing below it moves; two sit side by side, three are one large beside two small, four a 2×2 grid,
// each cropped to its cell (more, from a gallery, go on two a row). A quoted post's media (.small)
// are thumbnails in a row under its text, not the full size again. A link card has its picture above
// the text, full width, at every width (bsky.app's shape).
// Kept as written: one rule a line reads better here than Prettier's one declaration a line.
// prettier-ignore
export const embedStyles = css`
  .embed { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
  .images { display: grid; gap: 4px; grid-template-columns: 1fr 1fr; }
  .images a { display: block; min-width: 0; min-height: 0; }
  .images img, .video img, .video video { display: block; width: 100%; height: auto; border-radius: calc(var(--_radius) / 2); background: var(--_surface); object-fit: cover; }
  .images:not([data-count='1']) img { aspect-ratio: 1; }
  .images[data-count='1'] { grid-template-columns: minmax(0, 1fr); }
  .images[data-count='1'] img { max-height: min(28rem, 70vh); object-fit: contain; }
  .images:is([data-count='3'], [data-count='4']) { grid-template-rows: 1fr 1fr; aspect-ratio: 3 / 2; }
  .images:is([data-count='3'], [data-count='4']) img { height: 100%; aspect-ratio: auto; }
  .images[data-count='3'] > :first-child { grid-row: span 2; }
  .images a:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  .small .images, .small .images[data-count] { display: flex; flex-wrap: wrap; aspect-ratio: auto; }
  .small :is(.images img, .images[data-count] img, .video, .video img) { width: 4rem; height: 4rem; max-height: none; aspect-ratio: 1; }
  .small .play { width: 2rem; height: 2rem; }
  .small .card img { display: none; }
  .card, .quote { display: grid; border: 1px solid var(--_border); border-radius: var(--_radius); color: inherit; text-decoration: none; margin: 0; }
  .card { overflow: hidden; }
  .card img { display: block; width: 100%; aspect-ratio: 1.91 / 1; object-fit: cover; border-block-end: 1px solid var(--_border); background: var(--_surface); }
  .card > span { display: grid; gap: 0.15rem; min-width: 0; padding: 0.6rem 0.75rem; }
  .card small { color: var(--_muted); }
  .quote { grid-template-columns: minmax(0, 1fr); gap: 0.25rem; padding: 0.6rem 0.75rem; color: var(--_text); }
  p.quote { color: var(--_muted); }
  .video { position: relative; max-width: 28rem; background: #000; border-radius: calc(var(--_radius) / 2); }
  .video.blank { aspect-ratio: 16 / 9; }
  .video [hidden] { display: none; }
  .play {
    position: absolute; inset: 50% auto auto 50%; translate: -50% -50%; display: grid; place-items: center;
    width: 3rem; height: 3rem; padding: 0; border: 0; border-radius: 50%; background: #000c; color: #fff; font: inherit;
  }
  button.play { cursor: pointer; }
  [aria-busy] > .play { opacity: 0.5; }
  button.play:focus-visible { outline: 2px solid #fff; box-shadow: 0 0 0 4px var(--_accent); }
  .watch { justify-self: start; font-size: 0.875em; }
`;

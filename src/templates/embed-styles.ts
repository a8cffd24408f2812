// The embeds' stylesheet: image grids, link cards, quotes, video. Part of the posts' stylesheet.

import { css } from 'lit';

// Kept as written: one rule a line reads better here than Prettier's one declaration a line.
// prettier-ignore
export const embedStyles = css`
  .embed { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
  /* Cards, quotes and image grids fill the content column, edge to edge with the text; a lone image
     or video keeps to 28rem, so a tall one does not fill the screen. */
  .images { display: grid; gap: 4px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 140px), 1fr)); }
  .images[data-count='1'] { grid-template-columns: minmax(0, 28rem); }
  .images img, .video img { display: block; width: 100%; height: auto; border-radius: calc(var(--_radius) / 2); background: var(--_surface); object-fit: cover; }
  .images:not([data-count='1']) img { aspect-ratio: 1; }
  .card, .quote {
    display: flex; gap: 0.75rem; padding: 0.6rem 0.75rem; border: 1px solid var(--_border);
    border-radius: var(--_radius); color: inherit; text-decoration: none; margin: 0;
  }
  .card img { width: 5rem; height: 5rem; object-fit: cover; border-radius: calc(var(--_radius) / 2); flex: none; }
  .card > span { display: grid; min-width: 0; }
  .card small { color: var(--_muted); }
  .quote { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.25rem; color: var(--_text); }
  p.quote { color: var(--_muted); }
  .video { position: relative; display: block; max-width: 28rem; background: #000; border-radius: calc(var(--_radius) / 2); }
  .video.blank { aspect-ratio: 16 / 9; }
  .play {
    position: absolute; inset: 50% auto auto 50%; translate: -50% -50%; display: grid; place-items: center;
    width: 3rem; height: 3rem; border-radius: 50%; background: #000c; color: #fff;
  }
`;

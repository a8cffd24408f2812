// The widget's stylesheet. Every colour and size is a `--discuss-*` custom property with a default;
// `light-dark()` picks the light or dark default from the `color-scheme` that `theme` sets.

import { css } from 'lit';

// Kept as written: one rule a line reads better here than Prettier's one declaration a line.
// prettier-ignore
export const styles = css`
  :host {
    --_text: var(--discuss-text, light-dark(#1b1f24, #e8ecf0));
    --_muted: var(--discuss-muted, light-dark(#57606a, #a4adb8));
    --_bg: var(--discuss-bg, light-dark(#fff, #15191e));
    --_surface: var(--discuss-surface, light-dark(#f4f6f8, #1c232b));
    --_border: var(--discuss-border, light-dark(#d4d9de, #38414b));
    --_accent: var(--discuss-accent, light-dark(#0b63c9, #6cb4ff));
    --_on-accent: var(--discuss-on-accent, light-dark(#fff, #04121f));
    --_radius: var(--discuss-radius, 10px);
    --_gap: var(--discuss-gap, 1rem);
    --_avatar: var(--discuss-avatar-size, 2.25rem);
    display: block;
    container-type: inline-size;
    padding: var(--discuss-padding, var(--_gap));
    border-radius: var(--_radius);
    color-scheme: light dark;
    color: var(--_text);
    background: var(--_bg);
    font: var(--discuss-font, inherit);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  :host([theme='light']) { color-scheme: light; }
  :host([theme='dark']) { color-scheme: dark; }
  :host([hidden]) { display: none; }
  a { color: var(--_accent); }
  a:focus-visible, button:focus-visible, summary:focus-visible, article:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 4px;
  }
  .sr {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
    overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem var(--_gap); margin-block-end: var(--_gap); }
  .heading { margin: 0; font-size: 1.25em; font-weight: 700; flex: 1 1 auto; }
  .summary { margin: 0; color: var(--_muted); flex-basis: 100%; order: 3; }
  .button {
    display: inline-flex; align-items: center; gap: 0.4em; padding: 0.45em 1em; border: 1px solid transparent;
    border-radius: 999px; background: var(--_accent); color: var(--_on-accent); font: inherit; font-weight: 600;
    text-decoration: none; cursor: pointer;
  }
  .button.secondary { background: none; color: var(--_accent); border-color: var(--_border); }
  .status:empty { display: none; }
  .status { margin: 0 0 var(--_gap); color: var(--_muted); }
  :host([status='searching']) .status::before {
    content: ''; display: inline-block; width: 0.8em; height: 0.8em; margin-inline-end: 0.5em; vertical-align: -0.1em;
    border: 2px solid currentColor; border-inline-end-color: transparent; border-radius: 50%; animation: spin 0.8s linear infinite;
  }
  @keyframes spin { to { transform: rotate(1turn); } }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-block-end: var(--_gap); }
  ol { list-style: none; margin: 0; padding: 0; }
  /* Posts off screen skip style and layout until the reader nears them; the size each last had is
     remembered, so scrolling back does not shift the page. */
  .post { content-visibility: auto; contain-intrinsic-size: auto 7rem; }
  .list > li + li { margin-block-start: var(--_gap); padding-block-start: var(--_gap); border-block-start: 1px solid var(--_border); }
  .replies {
    margin-block-start: 0.75rem; margin-inline-start: calc(var(--_avatar) / 2);
    padding-inline-start: calc(var(--_avatar) / 2); border-inline-start: 2px solid var(--_border);
  }
  .replies > li + li { margin-block-start: 0.75rem; }
  @container (max-width: 30rem) {
    .replies { margin-inline-start: 0.25rem; padding-inline-start: 0.6rem; }
  }
  /* Past a few levels replies stop indenting (as on bsky.app): every post keeps a readable column. */
  .replies.flat { margin-inline-start: 0; padding-inline-start: 0; border: 0; }
  .post { display: grid; gap: 0.4rem; }
  .byline { display: flex; align-items: center; gap: 0.5rem; color: var(--_muted); }
  .avatar {
    width: var(--_avatar); height: var(--_avatar); border-radius: 50%; object-fit: cover; flex: none;
    background: var(--_surface);
  }
  .quote .avatar { --_avatar: 1.25rem; }
  .author { color: var(--_text); text-decoration: none; min-width: 0; }
  .author:hover .name { text-decoration: underline; }
  .name { font-weight: 600; }
  .handle, .time { color: var(--_muted); }
  .time { text-decoration: none; }
  .badge { font-size: 0.8em; padding: 0 0.5em; border-radius: 999px; background: var(--_surface); border: 1px solid var(--_border); color: var(--_text); }
  .text { margin: 0; white-space: pre-wrap; }
  .embed { display: grid; gap: 0.5rem; }
  .images { display: grid; gap: 4px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 140px), 1fr)); max-width: 36rem; }
  .images[data-count='1'] { grid-template-columns: minmax(0, 28rem); }
  .images img, .video img { display: block; width: 100%; height: auto; border-radius: calc(var(--_radius) / 2); background: var(--_surface); object-fit: cover; }
  .images:not([data-count='1']) img { aspect-ratio: 1; }
  .card, .quote {
    display: flex; gap: 0.75rem; max-width: 36rem; padding: 0.6rem 0.75rem; border: 1px solid var(--_border);
    border-radius: var(--_radius); color: inherit; text-decoration: none; margin: 0;
  }
  .card img { width: 5rem; height: 5rem; object-fit: cover; border-radius: calc(var(--_radius) / 2); flex: none; }
  .card > span { display: grid; min-width: 0; }
  .card small { color: var(--_muted); }
  .quote { display: grid; gap: 0.25rem; color: var(--_text); }
  p.quote { color: var(--_muted); }
  .video { position: relative; display: block; max-width: 28rem; background: #000; border-radius: calc(var(--_radius) / 2); }
  .video.blank { aspect-ratio: 16 / 9; }
  .play {
    position: absolute; inset: 50% auto auto 50%; translate: -50% -50%; display: grid; place-items: center;
    width: 3rem; height: 3rem; border-radius: 50%; background: #000c; color: #fff;
  }
  .stats { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; color: var(--_muted); font-size: 0.9em; }
  .stat { display: inline-flex; align-items: center; gap: 0.3em; }
  .reply { margin-inline-start: auto; }
  .more { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; margin-block-start: 0.5rem; }
  .link { padding: 0; border: 0; background: none; color: var(--_accent); font: inherit; font-weight: 600; cursor: pointer; }
  .link:disabled { opacity: 0.6; cursor: progress; }
  .warning summary { cursor: pointer; color: var(--_muted); }
  @media (forced-colors: active) {
    .button, .card, .quote, .replies, .badge { border: 1px solid CanvasText; }
    a:focus-visible, button:focus-visible, summary:focus-visible, article:focus-visible { outline-color: Highlight; }
  }
  @media (prefers-reduced-motion: reduce) {
    *, ::before { animation: none !important; transition: none !important; }
  }
`;

// The widget's frame: colours, header, status, buttons. Every colour and size is a `--discuss-*`
// custom property with a default; `light-dark()` picks the light or dark default from the
// `color-scheme` that `theme` sets. The posts' own rules come with the discussion code
// (templates/post-styles.ts).

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
    padding: var(--discuss-padding, clamp(0.5rem, 2.5vw, var(--_gap))); /* less on a phone, where width is scarce */
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
  /* Korean is written with spaces between words: break there, never inside a word (Japanese and
     Chinese, written without spaces, keep their usual breaks); a word too long for the line still
     wraps (overflow-wrap above). */
  :lang(ko) { word-break: keep-all; }
  a:focus-visible, button:focus-visible, summary:focus-visible, article:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 4px;
  }
  .sr {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
    overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
  /* Heading and summary together on the left, the compose button beside them; when the widget is
     narrow, the button goes under them (the order they are read in), never between. */
  header { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: 0.25rem var(--_gap); margin-block-end: var(--_gap); }
  .heading { margin: 0; font-size: 1.25em; font-weight: 700; }
  .summary { margin: 0; color: var(--_muted); grid-column: 1; }
  header > .button { grid-column: 2; grid-row: 1 / span 2; }
  .join { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  @container (max-width: 30rem) {
    header { grid-template-columns: minmax(0, 1fr); }
    header > .button { grid-column: 1; grid-row: auto; justify-self: start; margin-block-start: 0.25rem; }
  }
  .button {
    display: inline-flex; align-items: center; gap: 0.4em; padding: 0.45em 1em; border: 1px solid transparent;
    border-radius: 999px; background: var(--_accent); color: var(--_on-accent); font: inherit; font-weight: 600;
    text-decoration: none; cursor: pointer;
  }
  .button.secondary { background: none; color: var(--_accent); border-color: var(--_border); }
  .link { padding: 0; border: 0; background: none; color: var(--_accent); font: inherit; font-weight: 600; cursor: pointer; }
  .link:disabled { opacity: 0.6; cursor: progress; }
  /* The site's fallback, shown when nothing could load, takes the widget's colours. */
  ::slotted(a) { color: var(--_accent); }
  .status:empty { display: none; }
  .status { margin: 0 0 var(--_gap); color: var(--_muted); }
  :host([status='searching']) .status::before {
    content: ''; display: inline-block; width: 0.8em; height: 0.8em; margin-inline-end: 0.5em; vertical-align: -0.1em;
    border: 2px solid currentColor; border-inline-end-color: transparent; border-radius: 50%; animation: spin 0.8s linear infinite;
  }
  @keyframes spin { to { transform: rotate(1turn); } }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-block-end: var(--_gap); }
  @media (forced-colors: active) {
    .button { border: 1px solid CanvasText; }
    a:focus-visible, button:focus-visible, summary:focus-visible, article:focus-visible { outline-color: Highlight; }
  }
  @media (prefers-reduced-motion: reduce) {
    *, ::before { animation: none !important; transition: none !important; }
  }
`;

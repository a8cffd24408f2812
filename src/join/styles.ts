// The sign-in wing's styles: the handle form, the signed-in reader's line, the composer, the reader's
// own post's status line and the pressed like and repost buttons. Adopted by the host's shadow root
// when the sign-in code arrives. (Comments stay out of the css``: what is in it ships.)
//
// - Like and repost: bsky.app's pink and green, darker on a light background so that a count reads
//   (4.5:1); liked, a filled heart; reposted, the arrow drawn bolder; the count in the same colour.
// - Signed in: "Post about this article" is the action; who is signed in, and "Sign out", a quiet
//   line at the other end, well apart from it (on a phone, under it, still at the other end).
// - The composer: what it answers (or the article's card as it will be posted: picture, title,
//   domain), the text box the column's full width, then one row with the counter, Cancel and Post;
//   on a narrow column the row wraps between them, never inside one.
// - Under a post, what the reader does lines up with its text, beside the avatar column.

import { css } from 'lit';

// Kept as written: one rule a line reads better here than Prettier's one declaration a line.
// prettier-ignore
export const joinStyles = css`
  :host {
    --_like: var(--discuss-like, light-dark(#db2777, #ec4899));
    --_repost: var(--discuss-repost, light-dark(#13820a, #20bc07));
    --_danger: light-dark(#c62828, #ff8a80);
  }
  .join-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .join-form input {
    font: inherit; padding: 0.35em 0.6em; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2);
    background: var(--_bg); color: inherit; min-width: 12em;
  }
  .join-hint { flex-basis: 100%; color: var(--_muted); }
  .join > :is(.join-in, .join-compose, .join-note, .join-error, .join-sent) { flex: 1 1 100%; }
  .join-in { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; }
  .join-me {
    display: flex; flex-wrap: wrap; align-items: center; gap: 0 0.4em; margin: 0; margin-inline-start: auto; min-width: 0;
    color: var(--_muted); font-size: 0.875em;
  }
  .join-avatar { width: 1.25rem; height: 1.25rem; border-radius: 50%; object-fit: cover; background: var(--_surface); }
  .join-quiet {
    padding: 0.2em 0; border: 0; background: none; color: inherit; font: inherit; text-decoration: underline;
    text-underline-offset: 0.15em; cursor: pointer;
  }
  .join-quiet:hover { color: var(--_text); }
  .join-compose { display: flex; flex-direction: column; gap: 0.5rem; margin-block: 0.5rem; }
  .join-compose textarea {
    box-sizing: border-box; width: 100%; min-height: 5.5em; font: inherit; padding: 0.5em 0.6em;
    border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); background: var(--_bg); color: inherit; resize: vertical;
  }
  .join-compose textarea:focus-visible, .join-form input:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
  .join-compose textarea::placeholder { color: var(--_muted); opacity: 1; }
  .join-row { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 0.5rem 1rem; }
  .join-row > * { white-space: nowrap; }
  .join-left { margin-inline-end: auto; color: var(--_muted); font-size: 0.9em; }
  .join-left.over { color: var(--_danger); font-weight: 600; }
  .join-to { margin: 0; color: var(--_muted); font-size: 0.9em; }
  .join-card { display: flex; align-items: center; gap: 0.75rem; padding: 0.5rem; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
  .join-thumb { flex: none; width: 4rem; height: 4rem; border-radius: calc(var(--_radius) / 3); overflow: hidden; background: var(--_surface); }
  .join-thumb img { display: block; width: 100%; height: 100%; object-fit: cover; }
  .join-card-text { display: flex; flex-direction: column; min-width: 0; }
  .join-card-text b { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
  .join-domain { color: var(--_muted); font-size: 0.85em; }
  .join-error { color: var(--_danger); margin: 0.25rem 0; }
  .join-sent { margin: 0.25rem 0; color: var(--_muted); font-size: 0.9em; }
  .post ~ :is(.join-sent, .join-compose, .join-note, .join-error) { margin-inline-start: calc(var(--_avatar) + 0.6rem); }
  @container (max-width: 30rem) {
    .replies .post ~ * { --_avatar: 1.75rem; }
  }
  .stats button.stat { border: 0; background: none; color: inherit; font: inherit; cursor: pointer; padding: 0; }
  .stats .like:is(:hover, [aria-pressed='true']) { color: var(--_like); }
  .stats .repost:is(:hover, [aria-pressed='true']) { color: var(--_repost); }
  .stats .like[aria-pressed='true'] svg { fill: currentColor; }
  .stats .repost[aria-pressed='true'] svg { stroke-width: 3; }
  .stats .reply[aria-expanded='true'] { color: var(--_accent); }
  @media (forced-colors: active) {
    .stats .stat[aria-pressed='true'] { color: Highlight; }
    .join-compose textarea:focus-visible, .join-form input:focus-visible { outline-color: Highlight; }
    .join-card, .join-compose textarea { border-color: CanvasText; }
  }
`;

// The posts' stylesheet: threads, replies, bylines, embeds, counts. It arrives with the discussion
// code and joins the frame's (styles.ts), whose custom properties it uses.

import { css } from 'lit';
import { embedStyles } from './embed-styles.ts';
import { warningStyles } from './warning.ts';

// Kept as written: one rule a line reads better here than Prettier's one declaration a line.
// prettier-ignore
export const postStyles = css`
  ${embedStyles}
  ${warningStyles}
  ol { list-style: none; margin: 0; padding: 0; }
  /* In a long discussion, posts off screen skip style and layout until the reader nears them; the
     size each last had is remembered, so scrolling back does not shift the page. A short one is
     laid out whole, so a full-page capture or print shows every post. */
  .many .post { content-visibility: auto; contain-intrinsic-size: auto 7rem; }
  .list > li + li { margin-block-start: var(--_gap); padding-block-start: var(--_gap); border-block-start: 1px solid var(--_border); }
  .replies {
    margin-block-start: 0.75rem; margin-inline-start: calc(var(--_avatar) / 2);
    padding-inline-start: calc(var(--_avatar) / 2); border-inline-start: 2px solid var(--_border);
  }
  .replies > li + li { margin-block-start: 0.75rem; }
  /* On a phone, replies keep more of the width: smaller avatars, and only two levels of lines. */
  @container (max-width: 30rem) {
    .replies { margin-inline-start: 0.25rem; padding-inline-start: 0.6rem; }
    .replies .post { --_avatar: 1.75rem; }
    .replies .replies .replies { margin-inline-start: 0; padding-inline-start: 0; border: 0; }
  }
  /* Past a few levels replies stop indenting (as on bsky.app): every post keeps a readable column. */
  .replies.flat { margin-inline-start: 0; padding-inline-start: 0; border: 0; }
  /* An avatar column and a content column, as on bsky.app: name line, text, embeds and counts all
     start at the same edge, beside the avatar. */
  .post { display: grid; grid-template-columns: var(--_avatar) minmax(0, 1fr); gap: 0.3rem 0.6rem; align-items: start; }
  .post > * { grid-column: 2; }
  .post > .byline { display: contents; }
  .post > .byline > .avatar { grid-column: 1; grid-row: 1 / span 2; }
  .post > .byline > .line { grid-column: 2; grid-row: 1; align-self: center; }
  .byline { display: flex; align-items: center; gap: 0.5rem; color: var(--_muted); }
  /* Name, handle, badge and time on one line, as on bsky.app: the handle gives way first, then the
     name, each cut with an ellipsis; the badge and the time never break. */
  .line { display: flex; align-items: baseline; gap: 0.35em; min-width: 0; white-space: nowrap; }
  .avatar {
    width: var(--_avatar); height: var(--_avatar); border-radius: 50%; object-fit: cover; flex: none;
    background: var(--_surface);
  }
  .avatar.blank {
    display: grid; place-items: center; box-sizing: border-box; border: 1px solid var(--_border);
    color: var(--_muted); font-weight: 600; font-size: calc(var(--_avatar) * 0.45); line-height: 1;
  }
  .quote .avatar { --_avatar: 1.25rem; }
  .author { display: flex; align-items: baseline; gap: 0.35em; min-width: 0; color: var(--_text); text-decoration: none; }
  .author:hover .name { text-decoration: underline; }
  .name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; flex: none; max-width: 100%; }
  .handle { overflow: hidden; text-overflow: ellipsis; flex: 0 1 auto; min-width: 0; }
  .handle, .time { color: var(--_muted); }
  .time { text-decoration: none; }
  .badge, .time, .line > [aria-hidden] { flex: none; }
  .badge { font-size: 0.8em; padding: 0 0.5em; border-radius: 999px; background: var(--_surface); border: 1px solid var(--_border); color: var(--_text); }
  .text { margin: 0; white-space: pre-wrap; }
  .stats { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; color: var(--_muted); font-size: 0.9em; }
  .stat { display: inline-flex; align-items: center; gap: 0.3em; }
  .stat svg { fill: none; stroke: currentColor; stroke-width: 2; stroke-linejoin: round; }
  .reply { color: inherit; text-decoration: none; border-radius: 4px; }
  .reply:hover { color: var(--_accent); }
  .more { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; margin-block-start: 0.5rem; }
  .summary span { white-space: nowrap; }
  @media (forced-colors: active) {
    .card, .quote, .replies, .badge { border: 1px solid CanvasText; }
  }
`;

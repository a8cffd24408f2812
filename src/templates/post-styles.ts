// The posts' stylesheet: threads, replies, bylines, embeds, counts. It arrives with the discussion
// code and joins the frame's (styles.ts), whose custom properties it uses.

import { css } from 'lit';
import { embedStyles } from './embed-styles.ts';
import { warningStyles } from './warning.ts';
import { orderStyles } from './order.ts';

// Kept as written: one rule a line reads better here than Prettier's one declaration a line.
// prettier-ignore
export const postStyles = css`
  ${embedStyles}
  ${warningStyles}
  ${orderStyles}
  ol { list-style: none; margin: 0; padding: 0; }
  /* In a long discussion, posts off screen skip style and layout until the reader nears them; the
     size each last had is remembered, so scrolling back does not shift the page. A short one is
     laid out whole, so a full-page capture or print shows every post. */
  .many .post { content-visibility: auto; contain-intrinsic-size: auto 7rem; }
  .list > li + li { margin-block-start: var(--_gap); padding-block-start: var(--_gap); border-block-start: 1px solid var(--_border); }
  /* Replies as bsky.app draws them. Several replies to a post branch: they indent one step, with a
     line down from their parent's avatar. A lone reply continues the line instead: it stays at its
     parent's edge, and a line joins the two avatars. Past four steps, "Continue thread". */
  .list { --_step: calc(var(--_avatar) + 0.5rem); }
  .replies {
    margin-block-start: 0.75rem; margin-inline-start: calc(var(--_avatar) / 2 - 1px);
    padding-inline-start: calc(var(--_step) - var(--_avatar) / 2 - 1px); border-inline-start: 2px solid var(--_border);
  }
  .replies.chain { margin: 0; padding: 0; border: 0; }
  .replies > li + li { margin-block-start: 0.75rem; }
  .post { position: relative; }
  .joined { padding-block-end: 0.75rem; }
  .post > .thread {
    grid-column: 1; position: absolute; inset-inline-start: calc(var(--_avatar) / 2 - 1px); inset-block: calc(var(--_avatar) + 4px) 4px;
    width: 2px; border-radius: 1px; background: var(--_border);
  }
  /* On a phone, replies keep more of the width: smaller avatars and steps. */
  @container (max-width: 30rem) {
    .list { --_avatar: min(2rem, var(--discuss-avatar-size, 2rem)); --_step: 1.5rem; }
  }
  /* Controls under a post line up with its text, right of the avatar. */
  .more, .continue > summary { margin-inline-start: calc(var(--_avatar) + 0.6rem); }
  .continue { margin-block-start: 0.5rem; }
  .continue[open] > summary { display: none; }
  /* The replies "Continue thread" shows start again at the left edge, under their parent's avatar
     and name, from which their branch line hangs; set apart, over the lines of the levels above. */
  .continued {
    position: relative; margin-inline-start: calc(-4 * var(--_step)); padding-block: 0.75rem; background: var(--_bg);
    border-block: 1px dashed var(--_border);
  }
  .context { display: flex; align-items: center; gap: 0.6rem; color: var(--_muted); font-weight: 600; }
  /* An avatar column and a content column, as on bsky.app: name line, text, embeds and counts all
     start at the same edge, beside the avatar. */
  .post { display: grid; grid-template-columns: var(--_avatar) minmax(0, 1fr); gap: 0.3rem 0.6rem; align-items: start; }
  .post > * { grid-column: 2; }
  .post > .byline { display: contents; }
  .post > .byline > .avatar { grid-column: 1; grid-row: 1 / span 2; }
  .post > .byline > .line { grid-column: 2; grid-row: 1; align-self: center; }
  .byline { display: flex; align-items: center; gap: 0.5rem; color: var(--_muted); }
  /* Name, handle, badges and time on one line, as on bsky.app. The handle gives way first, and
     whole: it needs room for six characters (flex-basis 6ch) or it wraps onto a second line that
     is clipped away, never a stub like "@…". Handle and time share one reversed, wrapping row so
     the time stays on the first line beside the name with no gap where the handle was (the row's
     spare room falls after the time). Only then is the name cut with an ellipsis. */
  .line { display: flex; align-items: center; gap: 0.35em; min-width: 0; white-space: nowrap; color: var(--_text); }
  .author { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; color: inherit; font-weight: 600; text-decoration: none; }
  .author:hover { text-decoration: underline; }
  .rest {
    flex: 1 1000 auto; display: flex; flex-flow: row-reverse wrap; justify-content: flex-end; align-items: center;
    gap: 2lh 0.35em; height: 1lh; overflow: clip; overflow-clip-margin: 4px; /* the time link's focus ring */
  }
  .meta { display: flex; align-items: center; gap: 0.35em; flex: none; }
  .handle { order: 1; flex: 1 1 6ch; width: 6ch; max-width: max-content; overflow: hidden; text-overflow: ellipsis; }
  .avatar {
    width: var(--_avatar); height: var(--_avatar); border-radius: 50%; object-fit: cover; flex: none;
    background: var(--_surface);
  }
  .avatar.blank {
    display: grid; place-items: center; box-sizing: border-box; border: 1px solid var(--_border);
    color: var(--_muted); font-weight: 600; font-size: calc(var(--_avatar) * 0.45); line-height: 1;
  }
  .quote .avatar { --_avatar: 1.25rem; }
  .handle, .time, .meta { color: var(--_muted); }
  .time { text-decoration: none; }
  .badge { font-size: 0.8em; padding: 0 0.5em; border-radius: 999px; background: var(--_surface); border: 1px solid var(--_border); color: var(--_text); }
  .text { margin: 0; white-space: pre-wrap; }
  .nowrap { white-space: nowrap; }
  .stats { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; color: var(--_muted); font-size: 0.9em; }
  .stat { display: inline-flex; align-items: center; gap: 0.3em; }
  .stat svg { fill: none; stroke: currentColor; stroke-width: 2; stroke-linejoin: round; }
  .reply { color: inherit; text-decoration: none; border-radius: 4px; }
  .reply:hover { color: var(--_accent); }
  .more { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; margin-block-start: 0.5rem; }
  /* The summary's counts, each kept whole. The "·" before a count hangs to its left, in the room the
     previous count leaves after it; on the first count of a line it falls outside the box and is
     clipped, so no line starts or ends with "·". */
  .summary { overflow: hidden; }
  .summary > span { display: inline-block; white-space: nowrap; margin-inline-end: 0.8em; }
  .summary .dot { display: inline-block; width: 1em; margin-inline-start: -1em; text-align: center; }
  @media (forced-colors: active) {
    .card, .quote, .replies, .badge { border: 1px solid CanvasText; }
    .replies.chain { border: 0; }
    .thread { background: CanvasText; }
  }
`;

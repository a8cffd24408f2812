// The sign-in wing's styles: the handle form, the composer, the reader's own post's status line and
// the pressed like and repost buttons. Adopted by the host's shadow root when the sign-in code arrives.

import { css } from 'lit';

export const joinStyles = css`
  .join-form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .join-compose {
    display: grid;
    grid-template-columns: 1fr auto auto;
    gap: 0.5rem;
    align-items: center;
    margin-block: 0.5rem;
  }
  .join-compose textarea {
    grid-column: 1 / -1;
    font: inherit;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: inherit;
    resize: vertical;
  }
  .join-left {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .join-left.over {
    color: #c62828;
    font-weight: 600;
  }
  .join-error {
    color: #c62828;
    margin: 0.25rem 0;
  }
  .join-sent {
    margin: 0.25rem 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* Under a post, what the reader does lines up with its text, beside the avatar column. */
  .post ~ :is(.join-sent, .join-compose, .join-note, .join-error) {
    margin-inline-start: calc(var(--_avatar) + 0.6rem);
  }
  @container (max-width: 30rem) {
    .replies .post ~ * {
      --_avatar: 1.75rem;
    }
  }
  .stats button.stat {
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
    padding: 0;
  }
  .stats button[aria-pressed='true'] {
    color: var(--_accent);
  }
  .join-hint {
    flex-basis: 100%;
    color: var(--_muted);
  }
  .join-form input {
    font: inherit;
    padding: 0.35em 0.6em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: inherit;
    min-width: 12em;
  }
`;

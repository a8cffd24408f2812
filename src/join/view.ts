// The sign-in wing's templates: functions of what they are given, which read state and never write
// it. The header's control (sign in, the handle form, the signed-in reader), each post's reply,
// repost and like buttons, and what goes under a post: the status of the reader's own post, what
// failed there, the composer.

import { html, nothing, type TemplateResult } from 'lit';
import type { Author, Post, Ref, ThreadNode } from '../bluesky/model.ts';
import type { Actions } from '../templates/view.ts';
import type { JoinMessages } from '../i18n/join.ts';
import type { AccountState } from './account.ts';
import type { Outbox } from './outbox.ts';
import type { Toggles } from './toggles.ts';
import { fill, type Messages } from '../i18n/messages.ts';
import { JoinError, type Kind } from './records.ts';
import { composer, type Answering, type ComposerView } from './composer.ts';

/** The last failure, where the reader acted (a post's URI, or a composer's target). */
export interface Failure {
  at: string;
  error: unknown;
}

/** What the templates call when the reader acts; the wing's controller answers. */
export interface Handlers {
  ask(): void;
  cancel(): void;
  submit(event: SubmitEvent): void;
  signOut(): void;
  again(): void;
  /** Open or close the composer at `target` (a post's URI, or `top`). */
  toggle(target: string): void;
  flip(post: Post, kind: Kind): void;
  input(target: string, text: string): void;
  send(event: SubmitEvent, target: string, parent?: Ref, root?: Ref): void;
}

export interface JoinView extends ComposerView {
  /** The join strings and the reading side's, with the element's `strings` over them. */
  t: JoinMessages & Messages;
  account: AccountState;
  /** The composer that is open. */
  open?: string;
  failure?: Failure;
  outbox: Pick<Outbox, 'sent' | 'sending' | 'draft' | 'mine'>;
  toggles: Pick<Toggles, 'has' | 'count'>;
  on: Handlers;
}

/** The header's control: "Sign in with Bluesky", the handle form, or the signed-in reader. */
export function control(v: JoinView): TemplateResult {
  const { t, account, on } = v;
  const signIn = html`<button class="link" @click=${on.ask}>${t.signIn}</button>`;
  switch (account.kind) {
    case 'out':
      return signIn;
    case 'busy':
      return html`<span role="status">${t.signingIn}</span>`;
    case 'asking':
      return handleForm(t, on, account.handle);
    case 'in':
      return html`<div class="join-in">
          <button class="button secondary" data-for="top" aria-expanded=${v.open === 'top'} @click=${() => on.toggle('top')}>${t.newPost}</button>
          ${me(v, account.me)}
        </div>
        ${below(v, { target: 'top' })}`;
    case 'error': {
      const problem = account.problem === 'failed' ? fill(t.failed, { reason: account.reason ?? '' }) : t[account.problem];
      return html`<span role="alert">${problem}</span> ${signIn}`;
    }
  }
}

/** The signed-in reader, a quiet line: their avatar, "Signed in as @handle", and "Sign out". */
function me({ t, on }: JoinView, me: Author) {
  return html`<p class="join-me">
    ${me.avatar ? html`<img class="join-avatar" src=${me.avatar} alt="" width="20" height="20" />` : nothing}
    <span>${fill(t.signedIn, { name: `@${me.handle}` })}</span><span aria-hidden="true">·</span>
    <button class="join-quiet" @click=${on.signOut}>${t.signOut}</button>
  </p>`;
}

function handleForm(t: JoinView['t'], on: Handlers, handle: string) {
  return html`<form class="join-form" @submit=${on.submit}>
    <label
      >${t.handle}
      <input name="handle" autocomplete="username" spellcheck="false" autocapitalize="none" required aria-describedby="join-server" .value=${handle}
    /></label>
    <button class="button">${t.go}</button>
    <button class="link" type="button" @click=${on.cancel}>${t.cancel}</button>
    <small id="join-server" class="join-hint">${t.server}</small>
  </form>`;
}

/** The controls posts render while the reader is signed in. */
export function actions(v: JoinView): Actions {
  const { t, toggles, on } = v;
  return {
    stats: (post, _root, { icons, count }) => {
      const replies = post.counts.replies + v.outbox.mine(post.uri, (post as Partial<ThreadNode>).replies ?? []).length;
      // Pressed, a like is a filled pink heart and a repost a green arrow, as on bsky.app (styles.ts).
      const toggle = (kind: Kind, label: string, icon: TemplateResult, key: 'reposts' | 'likes') =>
        html`<button class="stat ${kind}" aria-pressed=${toggles.has(kind, post.uri)} @click=${() => on.flip(post, kind)}>
          ${icon}<span class="sr">${label}</span>${count(key, toggles.count(kind, post))}
        </button>`;
      return html`<div part="stats" class="stats">
        <button class="stat reply" data-for=${post.uri} aria-expanded=${v.open === post.uri} @click=${() => on.toggle(post.uri)}>
          ${icons.replies}<span class="sr">${t.replyHere}</span>${count('replies', replies)}
        </button>
        ${toggle('repost', t.repost, icons.reposts, 'reposts')} ${toggle('like', t.like, icons.likes, 'likes')}
      </div>`;
    },
    below: (post, root) => below(v, { target: post.uri, parent: { uri: post.uri, cid: post.cid }, root, to: post.author }),
  };
}

/** What a failure means for the reader, in their language. */
function explain(error: unknown, t: JoinView['t']): string {
  if (!(error instanceof JoinError)) return fill(t.refused, { reason: String((error as Error)?.message ?? error) });
  return error.kind === 'refused' ? fill(t.refused, { reason: error.detail }) : t[error.kind];
}

/** Under a post (or at the top): whether the reader's own post has reached Bluesky, what failed there, the composer. */
function below(v: JoinView, at: Answering): TemplateResult | typeof nothing {
  const { t, failure } = v;
  const { target } = at;
  const sent = v.outbox.sent(target);
  // Signing in again mends an ended session: the way back is right there, and the draft waits.
  const again =
    failure?.error instanceof JoinError && failure.error.kind === 'expired' ? html` <button class="link" @click=${v.on.again}>${t.signIn}</button>` : nothing;
  const error = failure?.at === target ? html`<p class="join-error" role="alert">${explain(failure.error, t)}${again}</p>` : nothing;
  if (v.open !== target && !sent) return error;
  return html`${
    sent
      ? html`<p class="join-sent" role="status" data-uri=${target}>${sent.confirmed ? html`<a href=${sent.node.url}>${t.onBluesky}</a>` : t.sent}</p>`
      : nothing
  }
  ${error} ${v.open === target ? gated(v, at) : nothing}`;
}

/**
 * Whether `did` may reply in the thread of `root` (the thread's first post, when it is here): `no`
 * when its author turned replies off, `maybe` when they limited them to followers, follows or
 * lists, which only the AppView can check for the reader.
 */
export function mayReply(root: Ref | undefined, did: string | undefined): 'yes' | 'no' | 'maybe' {
  const top = root as Partial<Post> | undefined;
  if (!top?.gate || top.author?.did === did) return 'yes';
  if (top.gate.includes('mention') && top.facets?.some((facet) => facet.mention === did)) return 'yes';
  return top.gate.length ? 'maybe' : 'no';
}

/** The composer, or why the reader may not reply, or a word that their reply may not be shown. */
function gated(v: JoinView, at: Answering) {
  const may = at.parent ? mayReply(at.root, v.account.kind === 'in' ? v.account.me.did : undefined) : 'yes';
  if (may === 'no') return html`<p class="join-note" role="status">${v.t.closed}</p>`;
  return html`${may === 'maybe' ? html`<p class="join-note">${v.t.limited}</p>` : nothing}${composer(v, at)}`;
}

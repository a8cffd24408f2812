// The composer, one shape for a reply and for a new post about the article: what it answers ("Replying
// to @handle") or the article's card as it will be posted, the text box in the post's language, and
// one row with the counter, Cancel and Post. One composer is open at a time (its heading's id is
// unique). A template: it reads what it is given and writes nothing.

import { html, nothing } from 'lit';
import type { Author, Ref } from '../bluesky/model.ts';
import type { Card } from './records.ts';
import type { Outbox } from './outbox.ts';
import type { JoinMessages } from '../i18n/join.ts';
import { fill, type Messages } from '../i18n/messages.ts';
import { MAX_GRAPHEMES, graphemes } from '../compose.ts';

/** The article's card as "Post about this article" will post it; `picture` is whether its picture goes with it (`pending`: not known yet). */
export interface Preview {
  card: Card;
  picture: 'pending' | 'yes' | 'no';
}

/** What a composer reads: the wing's view (view.ts) is one. */
export interface ComposerView {
  t: JoinMessages & Messages;
  outbox: Pick<Outbox, 'sending' | 'draft'>;
  on: {
    /** Open or close the composer at `target` (a post's URI, or `top`). */
    toggle(target: string): void;
    input(target: string, text: string): void;
    send(event: SubmitEvent, target: string, parent?: Ref, root?: Ref): void;
  };
  /** The language the reader's posts are marked with, and their text box carries. */
  postLang: string;
  /** While "Post about this article" is open: the article's card as it will be posted. */
  preview?: Preview;
}

/** What the composer at `target` answers: a post (`to`, its author), or nothing for a new post. */
export interface Answering {
  target: string;
  parent?: Ref;
  root?: Ref;
  to?: Author;
}

/** The card's domain line, as bsky.app prints it ("news.example"). */
const domain = (uri: string) => new URL(uri).hostname.replace(/^www\./, '');

function preview({ card, picture }: Preview) {
  return html`<div class="join-card" id="join-about">
    ${picture === 'no' ? nothing : html`<span class="join-thumb">${picture === 'yes' ? html`<img src=${card.image!} alt="" />` : nothing}</span>`}
    <span class="join-card-text"><b dir="auto">${card.title}</b> <span class="join-domain">${domain(card.uri)}</span></span>
  </div>`;
}

export function composer(v: ComposerView, { target, parent, root, to }: Answering) {
  const { t, on, postLang } = v;
  const draft = v.outbox.draft(target);
  const left = MAX_GRAPHEMES - graphemes(draft).length;
  const heading = to ? html`<p class="join-to" id="join-about">${fill(t.replyingTo, { name: `@${to.handle}` })}</p>` : v.preview ? preview(v.preview) : nothing;
  return html`<form class="join-compose" data-for=${target} @submit=${(event: SubmitEvent) => on.send(event, target, parent, root)}>
    ${heading}
    <textarea
      aria-label=${parent ? t.write : t.newPost}
      placeholder=${parent ? t.writeReply : t.writePost}
      aria-describedby=${heading === nothing ? nothing : 'join-about'}
      lang=${postLang}
      dir="auto"
      rows="3"
      .value=${draft}
      @input=${(event: InputEvent) => on.input(target, (event.target as HTMLTextAreaElement).value)}
    ></textarea>
    <div class="join-row">
      <span class=${left < 0 ? 'join-left over' : 'join-left'}>${fill(t.left, { n: String(left) })}</span>
      <button class="link" type="button" @click=${() => on.toggle(target)}>${t.cancel}</button>
      <button class="button" ?disabled=${left < 0 || !draft.trim() || v.outbox.sending(target)}>${t.send}</button>
    </div>
  </form>`;
}

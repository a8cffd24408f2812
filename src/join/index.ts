// Readers join from the page: sign in with Bluesky, with the least power needed. This chunk is
// fetched only when a reader asks to sign in, comes back from their server, or has a session here.

import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { OAuthSession } from '@atproto/oauth-client-browser';
import type { Author, Facet, Post, Ref, ThreadNode } from '../bluesky/model.ts';
import type { Actions } from '../templates/posts.ts';
import { client, mark, restore, signIn } from './session.ts';
import { joinMessages, type JoinMessages } from './messages.ts';
import { MAX_GRAPHEMES, findFacets, graphemes } from './facets.ts';
import { fill } from '../i18n/messages.ts';
import { xrpc } from '../bluesky/http.ts';
import { clearCache } from '../bluesky/cache.ts';

type State =
  | { kind: 'out' }
  | { kind: 'asking' }
  | { kind: 'busy' }
  | { kind: 'in'; did: string; handle: string }
  /** What went wrong, and the handle the reader typed, kept for another try. */
  | { kind: 'error'; message: string; handle?: string; denied?: boolean };

/** One element's reader session and its header control. */
export class Join {
  state: State = { kind: 'out' };
  session?: OAuthSession;
  #handle = '';

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    readonly clientId: string,
    readonly service: string,
  ) {
    const root = host.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(joinStyles.styleSheet!)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, joinStyles.styleSheet!];
  }

  #set(state: State) {
    this.state = state;
    this.host.requestUpdate();
  }

  /** As the page loads: finish the sign-in the reader is coming back from, or restore their session. */
  async start(): Promise<void> {
    this.#set({ kind: 'busy' });
    try {
      const session = await restore(await client(this.clientId, this.service));
      if (session) return this.#signedIn(session);
      mark(undefined);
      this.#set({ kind: 'out' });
    } catch (error) {
      mark(undefined);
      const params = (error as { params?: URLSearchParams }).params;
      const denied = params?.get('error') === 'access_denied';
      this.#set({ kind: 'error', message: reason(error), denied });
    }
  }

  async #signedIn(session: OAuthSession) {
    this.session = session;
    mark(this.clientId);
    this.#recalled = this.#recall().then(() => this.host.requestUpdate());
    // The reader's name and picture, for "Signed in as" and their posts: the AppView knows them; the
    // DID stands in if it does not answer.
    const profile = (await xrpc(this.service, 'app.bsky.actor.getProfile', { actor: session.did }).catch(() => undefined)) as
      Record<string, unknown> | undefined;
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
    const handle = text(profile?.handle) ?? session.did;
    const avatar = text(profile?.avatar);
    this.#me = { did: session.did, handle, displayName: text(profile?.displayName) ?? handle, avatar: avatar?.startsWith('https://') ? avatar : undefined };
    this.#set({ kind: 'in', did: session.did, handle });
  }

  /**
   * The reader's likes and reposts made before (here or anywhere): the newest 100 of each, from
   * their own repo, so a liked post shows pressed and can be unliked. Older ones are not looked for.
   */
  async #recall() {
    await Promise.all(
      (['like', 'repost'] as const).map(async (kind) => {
        const params = new URLSearchParams({ repo: this.session!.did, collection: `app.bsky.feed.${kind}`, limit: '100' });
        const answer = await this.session!.fetchHandler(`/xrpc/com.atproto.repo.listRecords?${params}`)
          .then((response) => (response.ok ? response.json() : undefined))
          .catch(() => undefined);
        const records = (answer as { records?: unknown } | undefined)?.records;
        const made = kind === 'like' ? this.#likes : this.#reposts;
        for (const record of Array.isArray(records) ? (records as Array<{ uri?: unknown; value?: { subject?: { uri?: unknown } } }>) : []) {
          const subject = record?.value?.subject?.uri;
          if (typeof subject !== 'string' || typeof record.uri !== 'string' || !record.uri.startsWith('at://') || made.has(subject)) continue;
          made.set(subject, record.uri);
          this.#before.add(`${kind} ${subject}`);
        }
      }),
    );
  }

  ask = () => this.#set({ kind: 'asking' });
  cancel = () => this.#set({ kind: 'out' });

  submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('handle') as HTMLInputElement;
    this.#handle = input.value.trim().replace(/^@/, '');
    if (!this.#handle) return;
    this.#set({ kind: 'busy' });
    await this.#toTheirServer(this.#handle);
  };

  /** To the reader's server (a handle, DID or server address), to sign in and come back; or why not, with what they typed kept. */
  async #toTheirServer(who: string) {
    try {
      await signIn(await client(this.clientId, this.service), who); // leaves the page
    } catch (error) {
      this.#set({ kind: 'error', message: reason(error), handle: this.#handle });
    }
  }

  /** Revoke the tokens at the reader's server and forget them here. */
  signOut = async () => {
    const session = this.session;
    this.session = undefined;
    mark(undefined);
    this.#set({ kind: 'busy' });
    await session?.signOut().catch(() => {}); // the tokens are deleted here whether or not the server answers
    this.#set({ kind: 'out' });
  };

  // ---- Taking part: like, repost, reply, post ----

  /** The reader's likes and reposts, by post URI: the record's URI, to undo it ('' until the server answers). */
  #likes = new Map<string, string>();
  #reposts = new Map<string, string>();
  /** Likes and reposts (`kind uri`) the reader had made before this page: the AppView's counts hold them already. */
  #before = new Set<string>();
  /** The reader's earlier likes and reposts, read as they sign in: a press waits for them. */
  #recalled: Promise<void> = Promise.resolve();
  /** Likes and reposts (`kind uri`) on their way to the server: a second press waits for the first. */
  #flipping = new Set<string>();
  /** The post whose composer is open (`top`: a new post about the article). */
  #open?: string;
  /** The composer being sent. */
  #busy?: string;
  /** What the reader sent from here, by the post it answers (`top` for new posts). */
  #sent = new Map<string, Sent[]>();
  /** The same, by the sent post's URI. */
  #posted = new Map<string, Sent>();
  /** The signed-in reader, as their posts show them. */
  #me?: Author;
  /** The last failure, shown where the reader acted; `again` when signing in again would mend it. */
  #error?: { at: string; message: string; again?: boolean };
  #lang = 'en';
  /** The entry's "Sign in with Bluesky", in the reader's language. */
  #signInLabel = '';

  /** The controls posts render while a reader is signed in. */
  get actions(): Actions | undefined {
    return this.state.kind === 'in' ? this.#actions : undefined;
  }

  #actions: Actions = {
    stats: (post, _root, { icons, count }) => {
      const t = joinMessages(this.#lang);
      const liked = this.#likes.has(post.uri);
      const reposted = this.#reposts.has(post.uri);
      // The AppView's counts, with what the reader did since it counted.
      const plus = (kind: 'like' | 'repost', now: boolean) => Number(now) - Number(this.#before.has(`${kind} ${post.uri}`));
      const replies = post.counts.replies + this.mine(post.uri, (post as Partial<ThreadNode>).replies ?? []).length;
      return html`<div part="stats" class="stats">
        <button class="stat reply" aria-expanded=${this.#open === post.uri} @click=${() => this.#toggle(post.uri)}>
          ${icons.replies}<span class="sr">${t.reply}</span>${count('replies', replies)}
        </button>
        <button class="stat" aria-pressed=${reposted} @click=${() => this.#flip(post, 'repost')}>
          ${icons.reposts}<span class="sr">${t.repost}</span>${count('reposts', Math.max(0, post.counts.reposts + plus('repost', reposted)))}
        </button>
        <button class="stat" aria-pressed=${liked} @click=${() => this.#flip(post, 'like')}>
          ${icons.likes}<span class="sr">${t.like}</span>${count('likes', Math.max(0, post.counts.likes + plus('like', liked)))}
        </button>
      </div>`;
    },
    below: (post, root) => this.#below(post.uri, { uri: post.uri, cid: post.cid }, root),
  };

  /** The reader's posts sent from here under `parent`, those the discussion does not show yet (signed in or not: they are on Bluesky). */
  mine = (parent: string, shown: readonly Post[]): ThreadNode[] =>
    (this.#sent.get(parent) ?? []).filter((sent) => !shown.some((post) => post.uri === sent.node.uri)).map((sent) => sent.node);

  #toggle(target: string) {
    this.#open = this.#open === target ? undefined : target;
    this.#error = undefined;
    this.host.requestUpdate();
  }

  /** Like or repost `post`, or undo it; shown at once, put back if the reader's server refuses. */
  async #flip(post: Post, kind: 'like' | 'repost') {
    const made = kind === 'like' ? this.#likes : this.#reposts;
    const key = `${kind} ${post.uri}`;
    if (this.#flipping.has(key)) return; // the last press is still on its way
    this.#flipping.add(key);
    await this.#recalled; // a like made before, elsewhere, is undone rather than made twice
    const record = made.get(post.uri);
    if (record) made.delete(post.uri);
    else made.set(post.uri, ''); // liked at once; the record's URI once the server has it
    this.host.requestUpdate();
    try {
      if (record) {
        await this.#call('com.atproto.repo.deleteRecord', { repo: this.session!.did, collection: `app.bsky.feed.${kind}`, rkey: record.split('/').pop() });
      } else {
        const created = await this.#call('com.atproto.repo.createRecord', {
          repo: this.session!.did,
          collection: `app.bsky.feed.${kind}`,
          record: { $type: `app.bsky.feed.${kind}`, subject: { uri: post.uri, cid: post.cid }, createdAt: new Date().toISOString() },
        });
        made.set(post.uri, recordUri(created));
      }
    } catch (error) {
      if (record) made.set(post.uri, record);
      else made.delete(post.uri);
      this.#error = this.#failed(post.uri, error);
    } finally {
      this.#flipping.delete(key);
    }
    this.host.requestUpdate();
  }

  /** An XRPC procedure on the reader's PDS, with their session; throws what failed. */
  async #call(nsid: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await this.session!.fetchHandler(`/xrpc/${nsid}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new JoinError(/session|token|revoked|refresh/i.test(String((error as Error)?.message)) ? 'expired' : 'unreachable', String(error));
    }
    const json: unknown = await response.json().catch(() => undefined);
    const answer = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>; // a null or a string says nothing
    if (response.status === 401) throw new JoinError('expired', String(answer.message ?? answer.error ?? 401));
    if (!response.ok) throw new JoinError('refused', String(answer.message ?? answer.error ?? response.status));
    return answer;
  }

  #failed = (at: string, error: unknown) => ({ at, message: this.#explain(error), again: error instanceof JoinError && error.kind === 'expired' });

  /** After the session ended: to the reader's server and back, to this article, where the draft waits. */
  #again = () => {
    const handle = this.#me?.handle;
    return this.#toTheirServer(handle && handle !== 'handle.invalid' ? handle : this.session!.did);
  };

  #explain(error: unknown): string {
    const t = joinMessages(this.#lang);
    if (!(error instanceof JoinError)) return fill(t.refused, { reason: reason(error) });
    if (error.kind === 'expired') return t.expired;
    if (error.kind === 'unreachable') return t.unreachable;
    return fill(t.refused, { reason: error.detail });
  }

  /**
   * Whether the reader may reply in the thread of `root` (the thread's first post, when it is here):
   * `no` when its author turned replies off, `maybe` when they limited them to followers, follows or
   * lists, which only the AppView can check for the reader.
   */
  #mayReply(root?: Ref): 'yes' | 'no' | 'maybe' {
    const top = root as Partial<Post> | undefined;
    if (!top?.gate || top.author?.did === this.session?.did) return 'yes';
    if (top.gate.includes('mention') && top.facets?.some((facet) => facet.mention === this.session?.did)) return 'yes';
    return top.gate.length ? 'maybe' : 'no';
  }

  /** Under a post (or at the top): whether the reader's own post has reached Bluesky, what failed there, the composer. */
  #below(target: string, parent?: Ref, root?: Ref): TemplateResult | typeof nothing {
    const t = joinMessages(this.#lang);
    const sent = this.#posted.get(target);
    const again = this.#error?.again ? html` <button class="link" @click=${this.#again}>${this.#signInLabel}</button>` : nothing;
    const error = this.#error?.at === target ? html`<p class="join-error" role="alert">${this.#error.message}${again}</p>` : nothing;
    if (this.#open !== target && !sent) return error;
    return html`${
      sent
        ? html`<p class="join-sent" role="status" data-uri=${target}>${sent.confirmed ? html`<a href=${sent.node.url}>${t.onBluesky}</a>` : t.sent}</p>`
        : nothing
    }
    ${error} ${this.#open === target ? this.#gated(target, t, parent, root) : nothing}`;
  }

  /** The composer, or why the reader may not reply, or a word that their reply may not be shown. */
  #gated(target: string, t: JoinMessages, parent?: Ref, root?: Ref) {
    const may = parent ? this.#mayReply(root) : 'yes';
    if (may === 'no') return html`<p class="join-note" role="status">${t.closed}</p>`;
    return html`${may === 'maybe' ? html`<p class="join-note">${t.limited}</p>` : nothing}${this.#composer(target, t, parent, root)}`;
  }

  #composer(target: string, t: JoinMessages, parent?: Ref, root?: Ref) {
    const draft = readDraft(target);
    const left = MAX_GRAPHEMES - graphemes(draft);
    const label = parent ? t.write : t.newPost;
    return html`<form class="join-compose" @submit=${(event: SubmitEvent) => this.#send(event, target, parent, root)}>
      <textarea
        aria-label=${label}
        rows="3"
        .value=${draft}
        @input=${(event: InputEvent) => (writeDraft(target, (event.target as HTMLTextAreaElement).value), this.host.requestUpdate())}
      ></textarea>
      <span class=${left < 0 ? 'join-left over' : 'join-left'}>${fill(t.left, { n: String(left) })}</span>
      <button class="button" ?disabled=${left < 0 || !draft.trim() || this.#busy === target}>${parent ? t.send : t.newPost}</button>
      <button class="link" type="button" @click=${() => this.#toggle(target)}>${t.cancel}</button>
    </form>`;
  }

  /** Post what the reader wrote: a reply to `parent` in `root`'s thread, or a new post about the article. */
  async #send(event: SubmitEvent, target: string, parent?: Ref, root?: Ref) {
    event.preventDefault();
    const text = readDraft(target).trim();
    if (!text || graphemes(text) > MAX_GRAPHEMES || this.#busy) return;
    this.#busy = target;
    this.#error = undefined;
    this.host.requestUpdate();
    let sent: Sent | undefined;
    try {
      const createdAt = new Date().toISOString();
      const langs = [this.#postLang()];
      const record: Record<string, unknown> = { $type: 'app.bsky.feed.post', text, createdAt, langs };
      const facets = await this.#facets(text);
      if (facets.length) record.facets = facets.map(recordFacet);
      // A reply names its thread's root by reference only (`root` may be the whole root post).
      const thread = root && { uri: root.uri, cid: root.cid };
      const card = parent && thread ? undefined : articleCard();
      if (parent && thread) record.reply = { root: thread, parent };
      else {
        const { image, ...external } = card!;
        const thumb = image && (await this.#upload(image));
        record.embed = { $type: 'app.bsky.embed.external', external: { ...external, ...(thumb ? { thumb } : {}) } };
      }
      const created = await this.#call('com.atproto.repo.createRecord', { repo: this.session!.did, collection: 'app.bsky.feed.post', record });
      const uri = recordUri(created);
      // The post as the discussion shows it, at once; the AppView confirms it in a moment.
      const node: ThreadNode = {
        uri,
        cid: created.cid as string, // checked by recordUri
        url: bskyUrl(uri),
        author: this.#me ?? { did: this.session!.did, handle: this.session!.did, displayName: this.session!.did },
        text,
        facets,
        langs,
        createdAt,
        warn: false,
        counts: { replies: 0, reposts: 0, likes: 0, quotes: 0 },
        links: [],
        ...(card
          ? { embed: { kind: 'external' as const, uri: card.uri, title: card.title, description: card.description, thumb: card.image } }
          : { root: thread }),
        replies: [],
        more: 0,
      };
      sent = { node, confirmed: false };
      this.#sent.set(target, [...(this.#sent.get(target) ?? []), sent]);
      this.#posted.set(uri, sent);
      writeDraft(target, '');
      clearCache(); // a reload asks the AppView again, rather than show the discussion without it
      this.#open = undefined;
      this.#confirm(sent);
    } catch (error) {
      this.#error = this.#failed(target, error); // the draft stays where it was
    } finally {
      this.#busy = undefined;
      this.host.requestUpdate();
    }
    // The composer is gone: the reader's post takes the focus, as the next thing to read.
    if (sent) {
      await this.host.updateComplete;
      const root = this.host.shadowRoot;
      const status = root?.querySelector(`.join-sent[data-uri="${CSS.escape(sent.node.uri)}"]`);
      // Not on the page yet (the discussion is still loading): the control the reader came from.
      ((status?.previousElementSibling ?? root?.querySelector('[part="join"] [aria-expanded]')) as HTMLElement | null)?.focus();
    }
  }

  /**
   * The article's picture, uploaded to the reader's PDS for the link card: its blob reference, or
   * nothing — the card goes without a picture — when it cannot be read from here (another site
   * without CORS), is no image, is over Bluesky's limit, or the PDS refuses it.
   */
  async #upload(image: string): Promise<unknown> {
    try {
      const response = await fetch(image, { credentials: 'omit' });
      if (!response.ok || Number(response.headers.get('content-length')) > THUMB_BYTES) return undefined; // not downloaded in vain
      const blob = await response.blob();
      if (!THUMB_TYPES.test(blob.type) || blob.size > THUMB_BYTES) return undefined;
      const uploaded = await this.session!.fetchHandler('/xrpc/com.atproto.repo.uploadBlob', {
        method: 'POST',
        headers: { 'content-type': blob.type },
        body: blob,
      });
      const ref = uploaded.ok ? ((await uploaded.json()) as { blob?: Record<string, unknown> } | null)?.blob : undefined;
      // Only a blob reference as the lexicon has it: anything else would cost the whole post.
      const link = (ref?.ref as { $link?: unknown } | undefined)?.$link;
      return ref?.$type === 'blob' && typeof link === 'string' && ref.mimeType === blob.type && typeof ref.size === 'number' ? ref : undefined;
    } catch {
      return undefined;
    }
  }

  /** Ask the AppView, a few times, whether it shows the post yet. */
  async #confirm(sent: Sent) {
    for (let i = 0; i < 5 && !sent.confirmed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1500 * (i + 1)));
      const body = (await xrpc(this.service, 'app.bsky.feed.getPosts', { uris: [sent.node.uri] }).catch(() => undefined)) as { posts?: unknown[] } | undefined;
      if (body?.posts?.length) sent.confirmed = true;
    }
    this.host.requestUpdate();
  }

  /** Links, tags, and mentions whose handle resolves (to a DID), with UTF-8 byte ranges. */
  async #facets(text: string): Promise<Facet[]> {
    const found = findFacets(text);
    const dids = await Promise.all(
      found.map((facet) =>
        facet.mention
          ? xrpc(this.service, 'com.atproto.identity.resolveHandle', { handle: facet.mention })
              .then((body) => (body as { did?: unknown } | null)?.did)
              .then((did) => (typeof did === 'string' && /^did:[a-z]+:\S+$/.test(did) ? did : undefined))
              .catch(() => undefined)
          : undefined,
      ),
    );
    return found.flatMap((facet, i) => (!facet.mention ? [facet] : dids[i] ? [{ byteStart: facet.byteStart, byteEnd: facet.byteEnd, mention: dids[i] }] : []));
  }

  /** The post's language: the page's (where the reader is reading), else the browser's. */
  #postLang = () =>
    (this.host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en').split(/[-_]/)[0].toLowerCase();

  /** The header's sign-in control, in `lang`; `signInLabel` is the entry's "Sign in with Bluesky". */
  template(lang: string, signInLabel: string) {
    this.#lang = lang;
    this.#signInLabel = signInLabel;
    const t = joinMessages(lang);
    const state = this.state;
    const signInButton = html`<button class="link" @click=${this.ask}>${signInLabel}</button>`;
    switch (state.kind) {
      case 'out':
        return signInButton;
      case 'busy':
        return html`<span role="status">${t.signingIn}</span>`;
      case 'asking':
        return html`<form class="join-form" @submit=${this.submit}>
          <label
            >${t.handle}
            <input
              name="handle"
              autocomplete="username"
              spellcheck="false"
              autocapitalize="none"
              required
              aria-describedby="join-server"
              .value=${this.#handle}
          /></label>
          <button class="button">${t.go}</button>
          <button class="link" type="button" @click=${this.cancel}>${t.cancel}</button>
          <small id="join-server" class="join-hint">${t.server}</small>
        </form>`;
      case 'in':
        return html`<span>${fill(t.signedIn, { name: `@${state.handle}` })}</span>
          <button class="link" @click=${this.signOut}>${t.signOut}</button>
          <button class="link" aria-expanded=${this.#open === 'top'} @click=${() => this.#toggle('top')}>${t.newPost}</button>
          ${this.#below('top')}`;
      case 'error':
        return html`<span role="alert">${state.denied ? t.denied : fill(t.failed, { reason: state.message })}</span> ${signInButton}`;
    }
  }
}

/** What an error says, whatever was thrown. */
const reason = (error: unknown) => String((error as Error)?.message ?? error);

/** A post the reader sent from this page, and whether the AppView shows it yet. */
interface Sent {
  node: ThreadNode;
  confirmed: boolean;
}

/** A facet as the post record holds it (`app.bsky.richtext.facet`). */
const recordFacet = (facet: Facet) => ({
  index: { byteStart: facet.byteStart, byteEnd: facet.byteEnd },
  features: [
    facet.link
      ? { $type: 'app.bsky.richtext.facet#link', uri: facet.link }
      : facet.tag
        ? { $type: 'app.bsky.richtext.facet#tag', tag: facet.tag }
        : { $type: 'app.bsky.richtext.facet#mention', did: facet.mention },
  ],
});

class JoinError extends Error {
  constructor(
    readonly kind: 'expired' | 'unreachable' | 'refused',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** Drafts live in this tab's sessionStorage, by page and post: a reload, a sign-in or a failure keeps them. */
const DRAFT = 'discuss-thread:draft:';
const drafts = new Map<string, string>();
function readDraft(target: string): string {
  try {
    return sessionStorage.getItem(DRAFT + location.pathname + ' ' + target) ?? '';
  } catch {
    return drafts.get(target) ?? ''; // storage refused: the draft lives as long as the page
  }
}
function writeDraft(target: string, text: string) {
  drafts.set(target, text);
  try {
    if (text) sessionStorage.setItem(DRAFT + location.pathname + ' ' + target, text);
    else sessionStorage.removeItem(DRAFT + location.pathname + ' ' + target);
  } catch {
    // kept in memory above
  }
}

/** The article's link card, from the page's Open Graph tags, and the address of its picture (`og:image`). */
function articleCard() {
  const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[property="og:${name}"]`)?.content ?? '';
  const uri = meta('url') || document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href || location.href.replace(/#.*/, '');
  let image: string | undefined;
  try {
    image = meta('image') ? new URL(meta('image'), document.baseURI).href : undefined;
  } catch {
    // not an address: a card without a picture
  }
  return { uri, title: meta('title') || document.title, description: meta('description'), image };
}

/** Bluesky's limit for a link card's picture (`app.bsky.embed.external#external.thumb`), and the kinds its CDN shows. */
const THUMB_BYTES = 1_000_000;
const THUMB_TYPES = /^image\/(png|jpeg|webp|gif)$/;

/** The record a create made (`at://…`), from the server's answer; an answer without one is refused. */
function recordUri(created: Record<string, unknown>): string {
  if (typeof created.uri !== 'string' || !created.uri.startsWith('at://') || typeof created.cid !== 'string')
    throw new JoinError('refused', 'its answer named no record');
  return created.uri;
}

const bskyUrl = (uri: string) => {
  const [, , did, , rkey] = uri.split('/');
  return `https://bsky.app/profile/${did}/post/${rkey}`;
};

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

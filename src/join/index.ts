// The sign-in code, a chunk the entry fetches only when a reader asks to sign in, comes back from
// their server, or signed in here before and nears the widget (reader.ts). The wing ties the
// reader's account, their likes and reposts and what they send to the templates, behind one port.

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Post, Ref } from '../bluesky/model.ts';
import type { Messages } from '../i18n/messages.ts';
import type { Port, Reading } from './port.ts';
import { Account } from './account.ts';
import { Toggles } from './toggles.ts';
import { Outbox } from './outbox.ts';
import { publish, type Draft, type Kind, type Pds } from './records.ts';
import { articleCard } from './card.ts';
import { Pictures } from './picture.ts';
import { actions, control, type Failure, type Handlers } from './view.ts';
import { joinStyles } from './styles.ts';
import { joinMessages, loadJoinMessages, type JoinMessages } from '../i18n/join.ts';
import { MAX_GRAPHEMES, graphemes } from '../compose.ts';
import { clearCache } from '../bluesky/cache.ts';
import { loadLazy } from '../load.ts';

/** What the wing needs of the page: its element, and the article the widget searches for. */
type Host = ReactiveControllerHost & HTMLElement;

export class Wing implements ReactiveController {
  #host: Host;
  #reader: Reading;
  #service: string;
  #account: Account;
  #toggles = new Toggles();
  #outbox: Outbox;
  #pictures = new Pictures(() => this.#update());
  /** The composer that is open (`top`: a new post about the article). */
  #open?: string;
  #failure?: Failure;

  /** A wing for what `reader` reads now, once its strings have arrived: the reader never sees English first. */
  static async open(host: Host, reader: Reading): Promise<Wing> {
    const { clientId, service } = reader.inputs;
    if (reader.lang) await loadJoinMessages(reader.lang).catch(() => {}); // English, then
    return new Wing(host, reader, clientId!, service);
  }

  constructor(host: Host, reader: Reading, clientId: string, service: string) {
    this.#host = host;
    this.#reader = reader;
    this.#service = service;
    const root = host.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(joinStyles.styleSheet!)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, joinStyles.styleSheet!];
    this.#account = new Account(clientId, service, { changed: this.#update, signedIn: (session) => void this.#toggles.recall(session, this.#update) });
    this.#outbox = new Outbox(service, this.#update);
    host.addController(this);
  }

  #update = () => this.#host.requestUpdate();

  /** Finish the sign-in the reader is coming back from, or restore their session. */
  start = (): Promise<void> => this.#account.start();
  /** "Sign in with Bluesky": the handle form, with the focus in its field. */
  ask = (): void => {
    this.#account.ask();
    void this.#focusOn('[part="join"] input[name="handle"]');
  };

  /** The element is back on the page: ask again about posts not confirmed yet. */
  hostConnected(): void {
    this.#outbox.resume();
  }

  /** The element left the page: no timer of the wing's lives on. */
  hostDisconnected(): void {
    this.#outbox.stop();
  }

  /** Before each render (after the reader's controller was fed): the interface language's strings, if it changed; English stands in until they arrive. */
  hostUpdate(): void {
    const { lang } = this.#reader;
    if (lang && !joinMessages(lang)) loadJoinMessages(lang).then(this.#update, () => {});
  }

  /** Replaced (a new `client-id` or AppView): stopped, forgotten, and no longer the host's. */
  close(): void {
    this.#outbox.stop();
    this.#account.close();
    this.#host.removeController(this);
  }

  /** The header's control, the post controls while the reader is signed in, and their own posts. Reads state, writes none. */
  port(t: Messages & Partial<JoinMessages>, lang: string): Port {
    const { state } = this.#account;
    const card = this.#open === 'top' ? this.#card() : undefined;
    const view = {
      t: { ...(joinMessages(lang) ?? joinMessages('en')!), ...t },
      account: state,
      open: this.#open,
      failure: this.#failure,
      outbox: this.#outbox,
      toggles: this.#toggles,
      on: this.#on,
      postLang: this.#postLang(),
      preview: card && { card, picture: card.image ? this.#pictures.status(card.image) : ('no' as const) },
    };
    return { control: control(view), actions: state.kind === 'in' ? actions(view) : undefined, mine: this.#outbox.mine };
  }

  /** Whether `session` is still the reader's here: an action that outlives a sign-out (or the wing) writes nothing. */
  #still = (session: Pds) => this.#account.session === session;

  #fail(at: string, error: unknown) {
    this.#failure = { at, error };
    this.#update();
  }

  #on: Handlers = {
    ask: this.ask,
    cancel: () => {
      this.#account.cancel();
      void this.#focusOn('[part="join"] button');
    },
    submit: (event) => {
      event.preventDefault();
      void this.#account.submit(((event.currentTarget as HTMLFormElement).elements.namedItem('handle') as HTMLInputElement).value);
    },
    signOut: () => {
      this.#outbox.stop();
      this.#toggles = new Toggles();
      this.#open = this.#failure = undefined;
      void this.#account.signOut();
    },
    again: () => void this.#account.again(),
    // Opened, the focus goes into the text box; closed (Cancel), back to the control that opened it.
    toggle: (target) => {
      const closing = this.#open === target;
      this.#open = closing ? undefined : target;
      this.#failure = undefined;
      const image = target === 'top' && !closing ? this.#card()?.image : undefined;
      if (image) void this.#pictures.get(image); // its preview, and the post, wait for it
      this.#update();
      const at = CSS.escape(target);
      void this.#focusOn(closing ? `[aria-expanded][data-for="${at}"]` : `.join-compose[data-for="${at}"] textarea`);
    },
    flip: (post: Post, kind: Kind) => {
      const session = this.#account.session;
      if (session) this.#toggles.flip(session, post, kind, this.#update).catch((error) => this.#still(session) && this.#fail(post.uri, error));
    },
    input: (target, text) => {
      this.#outbox.write(target, text);
      this.#update();
    },
    send: (event, target, parent, root) => void this.#send(event, target, parent, root),
  };

  /** Post what the reader wrote: a reply to `parent` in `root`'s thread, or a new post about the article. */
  async #send(event: SubmitEvent, target: string, parent?: Ref, root?: Ref) {
    event.preventDefault();
    const { session, me } = this.#account;
    const text = this.#outbox.draft(target).trim();
    if (!session || !me || !text || graphemes(text).length > MAX_GRAPHEMES) return;
    this.#failure = undefined;
    const draft: Draft = { text, langs: [this.#postLang()], ...(parent && root ? { reply: { root, parent } } : { card: this.#card() }) };
    let sent;
    try {
      const { postUrl, resolveDid } = await loadLazy(); // the discussion code: here already, or on its way
      const resolveHandle = (handle: string) => resolveDid(handle, this.#service, {});
      sent = await this.#outbox.send(target, () => publish(session, me, draft, { resolveHandle, picture: (url) => this.#pictures.get(url), postUrl }));
    } catch (error) {
      // The draft stays where it was; said only to the reader who is still signed in here.
      return void (this.#still(session) && this.#fail(target, error));
    }
    if (!sent) return; // this composer was sending already
    // The post is on Bluesky whoever is signed in now: a reload asks the AppView again, rather than
    // show the discussion without it. The composer and the focus are the signed-in reader's only.
    clearCache();
    if (!this.#still(session)) return;
    if (this.#open === target) this.#open = undefined;
    this.#update();
    await this.#focus(sent.node.uri);
  }

  /** The article's card, as "Post about this article" posts it. */
  #card = () => articleCard(document, this.#reader.inputs.article);

  /** Once rendered, focus what `selector` finds in the shadow root, if it is there. */
  async #focusOn(selector: string) {
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The composer is gone: the reader's post takes the focus, as the next thing to read. */
  async #focus(uri: string) {
    await this.#host.updateComplete;
    const root = this.#host.shadowRoot;
    const status = root?.querySelector(`.join-sent[data-uri="${CSS.escape(uri)}"]`);
    // Not on the page yet (the discussion is still loading): the control the reader came from.
    ((status?.previousElementSibling ?? root?.querySelector('[part="join"] [aria-expanded]')) as HTMLElement | null)?.focus();
  }

  /**
   * The language the reader writes in, marked on their post (`langs`) and on its text box: the
   * page's, as the nearest `lang` declares it (the element's own, else the article's), else the
   * browser's; any language, not only those the interface speaks, as a valid tag.
   */
  #postLang = (): string => {
    const declared = this.#host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language;
    try {
      return Intl.getCanonicalLocales(declared)[0] ?? 'en';
    } catch {
      return 'en'; // not a language tag
    }
  };
}

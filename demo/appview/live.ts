// `live` without the network: posts created while the demo (or a test) runs, which the sample
// AppView then answers with like any other, and a stand-in for Spacedust that announces them. It
// speaks Spacedust's protocol as microcosm-rs's spacedust/src (server.rs, subscriber.rs, lib.rs)
// does: `GET /subscribe?wantedSubjects=…&wantedSubjectPrefixes=…&wantedSubjectDids=…&wantedSources=…&instant=…`
// (keys repeated for several values), the client's `options_update` message replacing every option,
// `{"kind":"link","origin":"live","link":{…}}` for each link of a new record that passes the filter
// (subjects, prefixes and DIDs or-ed, then and-ed with the sources; none at all lets everything
// through), a ping every 30 s, and the socket closed with no code on a message it cannot read.
//
//   POST /sample-live/posts   {text, author?, parent?, link?, quote?, labels?, silent?} → {uri}
//   GET  /sample-live/log     the sockets opened and closed, with their query, in order
//   ws   /spacedust/subscribe the stream; /spacedust-down/… refuses (503), as a host that is down

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { actor, findTree, post, type EmbedSpec, type PostView } from './build.ts';
import { ARTICLE, type Sample } from './sample.ts';

/** Posts created since the server started, oldest first. */
const created: PostView[] = [];

interface Options {
  wantedSubjects: Set<string>;
  wantedSubjectPrefixes: Set<string>;
  wantedSubjectDids: Set<string>;
  wantedSources: Set<string>;
}

const KEYS = ['wantedSubjects', 'wantedSubjectPrefixes', 'wantedSubjectDids', 'wantedSources'] as const;
/** Spacedust's limits on an options update. */
const LIMITS = { wantedSubjects: 50_000, wantedSubjectPrefixes: 100, wantedSubjectDids: 10_000, wantedSources: 1_000 };

/** Every link in a record, as microcosm's `links` crate collects them: its path (`.a.b[]…`, `[T]` for an array item with `$type` T) and target. */
export function collectLinks(value: unknown, path = '', found: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') {
    if (/^at:\/\/\S+$|^did:[a-z]+:\S+$|^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value)) found.push([path, value]);
  } else if (Array.isArray(value)) {
    for (const item of value) collectLinks(item, `${path}[${item && typeof item === 'object' && typeof item.$type === 'string' ? item.$type : ''}]`, found);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) collectLinks(child, `${path}.${key}`, found);
  }
  return found;
}

const passes = (o: Options, subject: string, source: string) => {
  const did = subject.startsWith('did:') ? subject : subject.startsWith('at://') ? subject.slice(5).split('/')[0] : undefined;
  const any = o.wantedSubjects.size || o.wantedSubjectPrefixes.size || o.wantedSubjectDids.size;
  const subjectOk =
    !any || o.wantedSubjects.has(subject) || [...o.wantedSubjectPrefixes].some((p) => subject.startsWith(p)) || (!!did && o.wantedSubjectDids.has(did));
  return subjectOk && (!o.wantedSources.size || o.wantedSources.has(source));
};

/** An options update as Spacedust reads it (every option replaced; one left out is empty), or undefined when it cannot. */
function readUpdate(raw: string): Options | undefined {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const { type, payload } = (message ?? {}) as { type?: unknown; payload?: Record<string, unknown> };
  if (type !== 'options_update' || !payload || typeof payload !== 'object') return undefined;
  const options = {} as Options;
  for (const key of KEYS) {
    const list = payload[key] ?? [];
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string') || list.length > LIMITS[key]) return undefined;
    options[key] = new Set(list as string[]);
  }
  return options;
}

export interface LogEntry {
  event: 'open' | 'close' | 'update' | 'refused';
  query?: Record<string, string[]>;
}

/** The stand-in stream: attach `upgrade` to an HTTP server; `announce` sends a new record's links. */
export function spacedust(prefix = '/spacedust') {
  const wss = new WebSocketServer({ noServer: true });
  const clients = new Map<WebSocket, Options>();
  const log: LogEntry[] = [];
  const view = (o: Options) => Object.fromEntries(KEYS.map((key) => [key, [...o[key]]]));
  return {
    log,
    /** Handles `/spacedust/subscribe` (and refuses `/spacedust-down/…`); false for any other address. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (url.pathname === `${prefix}-down/subscribe`) {
        log.push({ event: 'refused' });
        socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
        return true;
      }
      if (url.pathname !== `${prefix}/subscribe`) return false;
      const options = {} as Options;
      for (const key of KEYS) options[key] = new Set(url.searchParams.getAll(key));
      wss.handleUpgrade(req, socket, head, (ws) => {
        clients.set(ws, options);
        log.push({ event: 'open', query: view(options) });
        // Pinged at once, then every 30 s (tokio's interval ticks first at its start); no pong by the next, dropped.
        let waiting = true;
        ws.ping();
        const ping = setInterval(() => (waiting ? ws.terminate() : ((waiting = true), ws.ping())), 30_000).unref();
        ws.on('pong', () => (waiting = false));
        ws.on('message', (data) => {
          const next = readUpdate(String(data));
          if (!next) return ws.close(); // no code: the client sees 1005
          clients.set(ws, next);
          log.push({ event: 'update', query: view(next) });
        });
        ws.on('close', () => (clearInterval(ping), clients.delete(ws), log.push({ event: 'close' })));
      });
      return true;
    },
    /** Each link in `view`'s record, to every subscriber whose filter passes it; the number of messages sent. */
    announce(view: PostView): number {
      let sent = 0;
      for (const { subject, source, message } of linkMessages(view))
        for (const [ws, options] of clients) {
          if (!passes(options, subject, source)) continue;
          ws.send(message);
          sent++;
        }
      return sent;
    },
    close: () => (clients.forEach((_, ws) => ws.terminate()), wss.close()),
  };
}

type Spacedust = ReturnType<typeof spacedust>;

/** Spacedust's message for each link in a new post's record, with the subject and source it is filtered by. */
export function linkMessages(view: PostView): Array<{ subject: string; source: string; message: string }> {
  return collectLinks(view.record).map(([path, subject]) => {
    const source = `app.bsky.feed.post:${path.slice(1)}`;
    const link = { operation: 'create', source, source_record: view.uri, source_rev: view.record.createdAt.replace(/\D/g, ''), subject };
    return { subject, source, message: JSON.stringify({ kind: 'link', origin: 'live', link }) };
  });
}

export interface NewPost {
  text: string;
  /** An actor name (`quinn`), or a handle. */
  author?: string;
  /** The post this one answers (an `at://` URI, by DID or by handle); its thread's root follows from it. */
  parent?: string;
  /** A link card to this address (the article, by default for a post that answers none and quotes none). */
  link?: string;
  /** A post this one quotes. */
  quote?: string;
  labels?: Array<{ src: string; val: string }>;
  /** Created, not announced: what a poll finds and the stream never said. */
  silent?: boolean;
}

let count = 0;

/**
 * A new post, as the AppView will show it from now on (in `data`'s sample, once `withCreated`);
 * undefined when the post it answers or quotes is unknown.
 */
export function createPost(spec: NewPost, data: Sample): PostView | undefined {
  const byDid = (uri: string) => uri.replace(/^at:\/\/([^/]+)/, (_, actor: string) => `at://${data.actors.find((a) => a.handle === actor)?.did ?? actor}`);
  const parent = spec.parent ? data.posts.get(byDid(spec.parent)) : undefined;
  const root = parent && (data.posts.get(parent.record.reply?.root?.uri) ?? parent);
  const quoted = spec.quote ? data.posts.get(spec.quote) : undefined;
  if ((spec.parent && !parent) || (spec.quote && !quoted)) return undefined;
  const link = spec.link ?? (parent || quoted ? undefined : ARTICLE);
  const embed: EmbedSpec | undefined = quoted
    ? { quote: quoted }
    : link
      ? { external: { uri: link, title: 'Norvia blocks Whisperline', description: 'A story the sample discusses.' } }
      : undefined;
  const rkey = `3live${(++count).toString(36)}${Date.now().toString(36)}`;
  const view = post({
    author: actor(spec.author ?? 'reader'),
    rkey,
    text: [spec.text],
    createdAt: new Date().toISOString(),
    langs: ['en'],
    ...(parent && root ? { reply: { root, parent } } : {}),
    ...(embed ? { embed } : {}),
    ...(spec.labels ? { labels: spec.labels } : {}),
  });
  if (view) created.push(view);
  return view;
}

/** The sample with the posts created since: replies in their threads (their parent's count grown), new posts about the article among its roots. */
export function withCreated(data: Sample): Sample {
  for (const view of created) {
    data.posts.set(view.uri, view);
    const parent = view.record.reply?.parent?.uri;
    const tree = parent && findTree([...data.trees, ...data.hostile, ...data.deep, ...data.threads], parent);
    if (tree) {
      tree.replies = [...(tree.replies ?? []), { post: view }];
      tree.post.replyCount = tree.replies.length;
    } else if (!parent && view.embed?.external?.uri === ARTICLE) data.trees.push({ post: view });
  }
  return data;
}

/** `/sample-live/…` as middleware: true when it answered. */
export function liveRoutes(req: IncomingMessage, res: ServerResponse, stream: Spacedust, data: () => Sample): boolean {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const json = (status: number, body: unknown) => (
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }),
    res.end(JSON.stringify(body))
  );
  if (url.pathname === '/sample-live/log') return (json(200, stream.log), true);
  if (url.pathname !== '/sample-live/posts' || req.method !== 'POST') return false;
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const spec = JSON.parse(body || '{}') as NewPost;
    const view = typeof spec.text === 'string' ? createPost(spec, withCreated(data())) : undefined;
    if (!view) return json(400, { error: 'InvalidRequest' });
    json(200, { uri: view.uri, announced: spec.silent ? 0 : stream.announce(view) });
  });
  return true;
}

// Checks the data layer (parse, moderation, threads) against real AppView responses that other
// projects recorded: `node --import tsx scripts/check-real.ts [dir]`, dir defaulting to ../shared/real-bluesky.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Embed, Media, ThreadNode } from '../src/bluesky/model.ts';
import { moderate } from '../src/bluesky/moderation.ts';
import { isObject, parseEmbed, parsePost } from '../src/bluesky/parse.ts';
import { loadThread } from '../src/bluesky/threads.ts';

type Json = Record<string, unknown>;
type Expect = (ok: boolean, uri: string, reason: string) => void;

const obj = (value: unknown): Json => (isObject(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const POST_URI = /^at:\/\/did:[a-z]+:[^/]+\/app\.bsky\.feed\.post\/[^/]+$/;
const TVP = 'app.bsky.feed.defs#threadViewPost';
const RECORD = 'app.bsky.embed.record#view';
const RECORD_WITH_MEDIA = 'app.bsky.embed.recordWithMedia#view';
const VIEW_RECORD = 'app.bsky.embed.record#viewRecord';
const QUOTED = /^app\.bsky\.embed\.record#view(Record|NotFound|Blocked|Detached)$/;
const MEDIA: Record<string, Media['kind']> = {
  'app.bsky.embed.images#view': 'images',
  'app.bsky.embed.external#view': 'external',
  'app.bsky.embed.video#view': 'video',
};
const mediaKind = (value: unknown): Media['kind'] | undefined => MEDIA[String(obj(value).$type)];

// A quoted viewRecord has `value`, not `record`, so it never counts here: its parent checks it.
type PostView = Json & { uri: string; author: Json; record: Json };
const isPostView = (value: unknown): value is PostView =>
  isObject(value) &&
  typeof value.uri === 'string' &&
  POST_URI.test(value.uri) &&
  typeof obj(value.author).did === 'string' &&
  typeof obj(value.record).text === 'string';

function walk(value: unknown, found: PostView[]): PostView[] {
  if (isPostView(value)) found.push(value);
  if (Array.isArray(value)) value.forEach((item) => walk(item, found));
  else if (isObject(value)) Object.values(value).forEach((item) => walk(item, found));
  return found;
}

/** What a signed-out reader sees, by the same rules bsky.app applies. */
const decide = (view: Json) => moderate(view.labels, obj(view.author).labels, String(obj(view.author).did));

/** An embed view against what parse made of it; `at` names the post in failure reports. */
function checkEmbed(view: unknown, got: Embed | undefined, at: string, expect: Expect): void {
  if (!isObject(view)) return; // the atproto.dart files carry `"embed": null`
  const type = String(view.$type);
  if (MEDIA[type]) return expect(got?.kind === MEDIA[type], at, `${type}: expected kind ${MEDIA[type]}, got ${got?.kind}`);
  if (type !== RECORD && type !== RECORD_WITH_MEDIA) return;
  // recordWithMedia's `record` is a record#view without `$type`, which is what once lost these quotes.
  const inner = obj(type === RECORD ? view.record : obj(view.record).record);
  const media = type === RECORD_WITH_MEDIA ? mediaKind(view.media) : undefined;
  const innerType = String(inner.$type);
  if (!QUOTED.test(innerType)) {
    expect(got?.kind !== 'quote', at, `${type} of ${innerType}: feeds, lists and starter packs are not shown as quotes, got one`);
    if (media) expect(got?.kind === media, at, `${type} of ${innerType}: expected its ${media}, got ${got?.kind}`);
    return;
  }
  if (got?.kind !== 'quote') return expect(false, at, `${type} of ${innerType}: expected a quote, got ${got?.kind ?? 'no embed'}`);
  if (media) expect(got.media?.kind === media, at, `${type}: expected quote media ${media}, got ${got.media?.kind ?? 'none'}`);
  if (innerType !== VIEW_RECORD) return expect(got.post === undefined, at, `${innerType}: expected a quote without a post`);
  const text = obj(inner.value).text;
  if (decide(inner) === 'hide' || typeof text !== 'string') return expect(got.post === undefined, at, `quoted ${inner.uri} is hidden, yet shown`);
  expect(got.post?.text === text, at, `quoted ${inner.uri}: expected text ${JSON.stringify(text)}, got ${JSON.stringify(got.post?.text)}`);
  // bsky.app shows the quoted post's media, even from its own quote-with-media.
  const first = obj(list(inner.embeds)[0]);
  const quotedMedia = mediaKind(first) ?? (first.$type === RECORD_WITH_MEDIA ? mediaKind(first.media) : undefined);
  if (quotedMedia)
    expect(got.post?.media?.kind === quotedMedia, at, `quoted ${inner.uri}: expected media ${quotedMedia}, got ${got.post?.media?.kind ?? 'none'}`);
}

function checkPost(view: Json, expect: Expect): void {
  const uri = String(view.uri);
  const text = obj(view.record).text;
  const decision = decide(view);
  let post;
  try {
    post = parsePost(view);
  } catch (error) {
    return expect(false, uri, `parsePost threw: ${error}`);
  }
  if (decision === 'hide') return expect(post === undefined, uri, 'moderation hides it, yet parsePost returned a post');
  if (!post) return expect(false, uri, 'visible post, parsePost returned undefined');
  expect(post.text === text, uri, `expected text ${JSON.stringify(text)}, got ${JSON.stringify(post.text)}`);
  expect(!!post.warn === (decision === 'warn'), uri, `expected warn ${decision === 'warn'}, got ${JSON.stringify(post.warn)}`);
  checkEmbed(view.embed, post.embed, uri, expect);
}

/** loadThread over `body`, served by a stubbed fetch as the AppView would. */
async function runThread(body: unknown, expect: Expect, at: string): Promise<ThreadNode | null | undefined> {
  const root = parsePost(obj(obj(body).thread).post);
  if (!root) return void expect(false, at, 'thread root does not parse');
  const real = globalThis.fetch;
  const asked: string[] = [];
  globalThis.fetch = async (input) => {
    asked.push(String(input));
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  try {
    const tree = await loadThread(root, 'https://appview.test', 100, 'oldest', {});
    // A root without replies is shown as it is, with no request.
    const ok = root.counts.replies ? asked.length === 1 && asked[0].includes('/xrpc/app.bsky.feed.getPostThread?') : asked.length === 0;
    expect(ok, at, `replyCount ${root.counts.replies}: got requests ${asked.join(', ') || 'none'}`);
    return tree;
  } catch (error) {
    return void expect(false, at, `loadThread threw: ${error}`);
  } finally {
    globalThis.fetch = real;
  }
}

/** Every node of a built thread, by URI, with its parent's URI. */
function index(node: ThreadNode, parent: string, into = new Map<string, { node: ThreadNode; parent: string }>()) {
  into.set(node.uri, { node, parent });
  node.replies.forEach((reply) => index(reply, node.uri, into));
  return into;
}

async function checkThread(body: Json, expect: Expect): Promise<void> {
  const thread = obj(body.thread);
  const at = String(obj(thread.post).uri);
  if (!isPostView(thread.post) || decide(thread.post) === 'hide') return;
  const hidden = new Set(list(obj(obj(body.threadgate).record).hiddenReplies).map(String));
  const wanted: { uri: string; text: unknown; parent: string }[] = [];
  const dropped: string[] = [];
  // Below a dropped reply nothing is shown, so only replies with a visible chain up are expected.
  const want = (node: Json, parent: string): void => {
    for (const reply of list(node.replies).map(obj)) {
      const view = obj(reply.post);
      if (reply.$type !== TVP || !isPostView(view) || decide(view) === 'hide' || hidden.has(String(view.uri))) {
        dropped.push(String(reply.uri ?? view.uri));
        continue;
      }
      wanted.push({ uri: String(view.uri), text: obj(view.record).text, parent });
      want(reply, String(view.uri));
    }
  };
  want(thread, at);
  const tree = await runThread(body, expect, at);
  if (!tree) return void expect(tree !== null, at, 'loadThread hid the root');
  const got = index(tree, '');
  for (const { uri, text, parent } of wanted) {
    const node = got.get(uri);
    expect(
      node?.node.text === text && node?.parent === parent,
      uri,
      node ? `reply kept with text ${JSON.stringify(node.node.text)} under ${node.parent}` : 'visible reply missing from the thread',
    );
  }
  expect(got.size === wanted.length + 1, at, `thread has ${got.size} nodes, expected ${wanted.length + 1}`);
  for (const uri of dropped) expect(!got.has(uri), uri, 'blocked, missing or hidden reply kept in the thread');
}

/**
 * The hellthread's parent chain turned upside down: its 54 posts (top ancestor … anchor) as one reply
 * chain whose last level is the anchor's own replies, 55 levels in all, with the file's blockedPost
 * and a notFoundPost beside the anchor.
 */
async function checkChain(body: Json, expect: Expect): Promise<void> {
  const links: Json[] = [];
  const others: Json[] = [];
  for (let node = obj(body.thread); Object.keys(node).length; node = obj(node.parent)) (node.$type === TVP ? links : others).push(node);
  const anchor = links[0];
  const at = `${basename(String(obj(anchor.post).uri))} chain`;
  const missing = { $type: 'app.bsky.feed.defs#notFoundPost', uri: String(obj(anchor.post).uri).replace(/[^/]+$/, '3jzzzzzzzzzzz'), notFound: true };
  let nested: Json = { $type: TVP, post: anchor.post, replies: list(anchor.replies) };
  links.slice(1).forEach((link, i) => {
    nested = { $type: TVP, post: link.post, replies: i === 0 ? [...others, missing, nested] : [nested] };
  });
  const chain = [...links].reverse();
  const tree = await runThread({ thread: nested }, expect, at);
  if (!tree) return;
  let level: ThreadNode | undefined = tree;
  let kept = 0;
  for (const [i, link] of chain.entries()) {
    const view = obj(link.post);
    if (decide(view) === 'hide') break; // bsky.app drops the rest of the branch with it
    if (i > 0) level = level?.replies.find((reply) => reply.uri === view.uri);
    if (!level || level.text !== obj(view.record).text)
      return expect(false, String(view.uri), `chain level ${i + 1} of ${chain.length}: ${level ? 'wrong text' : 'missing'}`);
    kept++;
  }
  expect(kept === chain.length, at, `kept ${kept} of ${chain.length} chain posts`);
  expect(level?.replies.length === list(anchor.replies).length, at, `anchor kept ${level?.replies.length} of ${list(anchor.replies).length} replies`);
  const nodes = index(tree, '');
  const siblings = level && nodes.get(nodes.get(level.uri)?.parent ?? '')?.node.replies.length;
  expect(siblings === 1, at, `blockedPost and notFoundPost beside the anchor should be dropped, ${siblings} replies left`);
}

/** A test's bare embed view as a post would carry it (there `$type` is required), or undefined. */
function bareEmbed(value: Json): Json | undefined {
  if (isPostView(value) || value.post !== undefined) return undefined;
  if (value.$type !== undefined) return value;
  if (value.record !== undefined) return { $type: RECORD, ...value };
  return value.thumb !== undefined ? { $type: 'app.bsky.embed.images#view', images: [value] } : undefined;
}

const root = resolve(process.cwd(), process.argv[2] ?? '../shared/real-bluesky');
const folder = existsSync(join(root, 'fixtures')) ? join(root, 'fixtures') : root;
if (!existsSync(folder)) {
  console.log(`check-real: no recorded responses at ${root}, nothing to check`);
  process.exit(0);
}

const rows: [string, number, number, number][] = [];
const failures: string[] = [];
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort();
for (const file of files) {
  const row: [string, number, number, number] = [file, 0, 0, 0];
  const expect: Expect = (ok, uri, reason) => {
    row[ok ? 2 : 3]++;
    if (!ok) failures.push(`${file}  ${uri}  ${reason}`);
  };
  const body = obj(JSON.parse(readFileSync(join(folder, file), 'utf8')));
  const views = walk(body, []);
  row[1] = views.length;
  views.forEach((view) => checkPost(view, expect));
  if ('thread' in body) await checkThread(body, expect);
  // ATAT keeps bare embed views beside post views; read them as the embed of a post would be.
  if (!['thread', 'posts', 'feed'].some((key) => key in body)) {
    for (const [name, value] of Object.entries(body)) {
      const view = bareEmbed(obj(value));
      if (view) checkEmbed(view, parseEmbed(view), `#${name}`, expect);
    }
  }
  rows.push(row);
  if (file === 'atprotodart-getPostThread.json') {
    const derived: [string, number, number, number] = [`${file} (chain, derived)`, 0, 0, 0];
    await checkChain(body, (ok, uri, reason) => {
      derived[ok ? 2 : 3]++;
      if (!ok) failures.push(`${derived[0]}  ${uri}  ${reason}`);
    });
    rows.push(derived);
  }
}

const width = Math.max(4, ...rows.map(([name]) => name.length));
console.log(`${'file'.padEnd(width)}  post views  passed  failed`);
for (const [name, views, passed, failed] of rows)
  console.log(`${name.padEnd(width)}  ${String(views).padStart(10)}  ${String(passed).padStart(6)}  ${String(failed).padStart(6)}`);
if (failures.length) console.log(`\nfailed:\n${failures.map((line) => `  ${line}`).join('\n')}`);
const passed = rows.reduce((sum, row) => sum + row[2], 0);
const total = passed + failures.length;
console.log(`\nreal data: ${passed} of ${total} checks pass`);
process.exitCode = failures.length ? 1 : 0;

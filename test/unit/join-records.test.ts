import { afterEach, describe, expect, it, vi } from 'vitest';
import { JoinError, call, createRecord, deleteRecord, publish, recall, uploadBlob, type Draft, type Pds, type Publishing } from '../../src/join/records.ts';
import { THUMB_BYTES, THUMB_TIMEOUT, fetchPicture } from '../../src/join/picture.ts';
import { Toggles } from '../../src/join/toggles.ts';
import { postUrl } from '../../src/bluesky/links.ts';
import type { Author, Post } from '../../src/bluesky/model.ts';

// The reader's records on their PDS, through a stubbed `fetchHandler` that answers as a PDS does
// (com.atproto.repo.* shapes, errors as `{ error, message }`), and the link card's picture through
// a stubbed `fetch` whose bodies stream as a server's do.

afterEach(() => {
  vi.useRealTimers();
});

const DID = 'did:plc:ragtjsm2j2vknwkz3zp4oxrd';
const me: Author = { did: DID, handle: 'reader.example', displayName: 'A Reader' };
const story = { uri: 'at://did:plc:sw7fivsls5jd6l344ydke56c/app.bsky.feed.post/3m6aaa2story', cid: 'bafyreistorystorystorystorystorystorystorystorystory' };
const reply = { uri: 'at://did:plc:4ksk3lcqk6ok5fnbnw6rlpb3/app.bsky.feed.post/3m6aac2mina', cid: 'bafyreiminaminaminaminaminaminaminaminaminaminamina' };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A PDS that answers each procedure as the reference PDS does; `calls` are what it was sent. */
function pds(answers: Partial<Record<string, (body: unknown) => Response | Promise<Response>>> = {}) {
  const calls: Array<{ nsid: string; body: unknown }> = [];
  let rkey = 0;
  const standard: Record<string, (body: unknown) => Response> = {
    'com.atproto.repo.createRecord': (body) =>
      json({
        uri: `at://${DID}/${(body as { collection: string }).collection}/3m7rkey${rkey++}`,
        cid: `bafyreirecord${rkey}`,
        commit: { cid: 'bafyreicommit', rev: '3m7rev' },
        validationStatus: 'valid',
      }),
    'com.atproto.repo.deleteRecord': () => json({ commit: { cid: 'bafyreicommit', rev: '3m7rev' } }),
    'com.atproto.repo.uploadBlob': () => json({ blob: { $type: 'blob', ref: { $link: 'bafkreipicture' }, mimeType: 'image/png', size: 2048 } }),
  };
  const session: Pds = {
    did: DID,
    fetchHandler: vi.fn(async (pathname: string, init?: RequestInit) => {
      const nsid = pathname.replace(/^\/xrpc\//, '').replace(/\?.*/, '');
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
      calls.push({ nsid, body });
      return (answers[nsid] ?? standard[nsid] ?? (() => json({ error: 'MethodNotImplemented', message: 'Method Not Implemented' }, 501)))(body);
    }),
  };
  return { session, calls };
}

describe('writing to the reader’s PDS', () => {
  it('sends a procedure as JSON and reads its answer', async () => {
    const { session, calls } = pds();
    const made = await createRecord(session, 'app.bsky.feed.like', { $type: 'app.bsky.feed.like', subject: story, createdAt: '2026-11-27T12:00:00.000Z' });
    expect(made).toEqual({ uri: `at://${DID}/app.bsky.feed.like/3m7rkey0`, cid: 'bafyreirecord1' });
    expect(calls).toEqual([{ nsid: 'com.atproto.repo.createRecord', body: { repo: DID, collection: 'app.bsky.feed.like', record: expect.any(Object) } }]);
    await deleteRecord(session, 'like', made.uri);
    expect(calls[1]).toEqual({ nsid: 'com.atproto.repo.deleteRecord', body: { repo: DID, collection: 'app.bsky.feed.like', rkey: '3m7rkey0' } });
  });

  it('undoes a like in the like collection only, whatever collection the record’s URI names', async () => {
    const { session, calls } = pds();
    await deleteRecord(session, 'like', `at://${DID}/app.bsky.feed.post/3m7mypost`);
    await deleteRecord(session, 'repost', `at://${DID}/app.bsky.graph.follow/3m7follow`);
    expect(calls.map((c) => c.body)).toEqual([
      { repo: DID, collection: 'app.bsky.feed.like', rkey: '3m7mypost' },
      { repo: DID, collection: 'app.bsky.feed.repost', rkey: '3m7follow' },
    ]);
  });

  it('sorts what goes wrong: refused with the server’s words, expired, unreachable', async () => {
    const refused = pds({
      'com.atproto.repo.createRecord': () => json({ error: 'InvalidRecord', message: 'Record/text must not be longer than 300 graphemes' }, 400),
    });
    await expect(call(refused.session, 'com.atproto.repo.createRecord', {})).rejects.toMatchObject({
      kind: 'refused',
      detail: 'Record/text must not be longer than 300 graphemes',
    });
    const expired = pds({ 'com.atproto.repo.createRecord': () => json({ error: 'invalid_token', message: 'Token has been revoked' }, 401) });
    await expect(call(expired.session, 'com.atproto.repo.createRecord', {})).rejects.toMatchObject({ kind: 'expired' });
    const down: Pds = { did: DID, fetchHandler: () => Promise.reject(new TypeError('Failed to fetch')) };
    await expect(call(down, 'com.atproto.repo.createRecord', {})).rejects.toMatchObject({ kind: 'unreachable' });
    const revoked: Pds = { did: DID, fetchHandler: () => Promise.reject(new Error('The session was deleted by another process')) };
    await expect(call(revoked, 'com.atproto.repo.createRecord', {})).rejects.toMatchObject({ kind: 'expired' });
    const html = pds({ 'com.atproto.repo.createRecord': () => new Response('<h1>Bad Gateway</h1>', { status: 502 }) });
    await expect(call(html.session, 'com.atproto.repo.createRecord', {})).rejects.toMatchObject({ kind: 'refused', detail: '502' });
  });

  it('refuses an answer that names no record', async () => {
    const { session } = pds({ 'com.atproto.repo.createRecord': () => json({ commit: { cid: 'bafyreicommit', rev: '3m7rev' } }) });
    await expect(createRecord(session, 'app.bsky.feed.post', {})).rejects.toBeInstanceOf(JoinError);
  });

  it('keeps a blob reference only as the lexicon has it, of the type sent', async () => {
    const png = new Blob([new Uint8Array(2048)], { type: 'image/png' });
    expect(await uploadBlob(pds().session, png)).toEqual({ $type: 'blob', ref: { $link: 'bafkreipicture' }, mimeType: 'image/png', size: 2048 });
    const other = pds({
      'com.atproto.repo.uploadBlob': () => json({ blob: { $type: 'blob', ref: { $link: 'bafkrei' }, mimeType: 'image/webp', size: 2048 } }),
    });
    expect(await uploadBlob(other.session, png)).toBeUndefined();
    const legacy = pds({ 'com.atproto.repo.uploadBlob': () => json({ blob: { cid: 'bafkrei', mimeType: 'image/png' } }) });
    expect(await uploadBlob(legacy.session, png)).toBeUndefined();
  });
});

describe('recalling the reader’s likes and reposts', () => {
  const like = (rkey: string, subject: string) => ({
    uri: `at://${DID}/app.bsky.feed.like/${rkey}`,
    cid: `bafyrei${rkey}`,
    value: { $type: 'app.bsky.feed.like', subject: { uri: subject, cid: story.cid }, createdAt: '2026-11-27T12:00:00.000Z' },
  });

  it('maps each post to the newest record naming it, from the first page of listRecords', async () => {
    const { session } = pds();
    vi.mocked(session.fetchHandler).mockImplementation(async (pathname) => {
      expect(pathname).toBe(`/xrpc/com.atproto.repo.listRecords?repo=${encodeURIComponent(DID)}&collection=app.bsky.feed.like&limit=100`);
      return json({ records: [like('3m7b', story.uri), like('3m7a', story.uri), like('3m79', reply.uri), null, { uri: 'not-at', value: {} }], cursor: '3m79' });
    });
    expect([...(await recall(session, 'like'))]).toEqual([
      [story.uri, `at://${DID}/app.bsky.feed.like/3m7b`],
      [reply.uri, `at://${DID}/app.bsky.feed.like/3m79`],
    ]);
  });

  it('keeps only the reader’s own records of the kind, so that “unlike” can never name a post', async () => {
    const listed = [
      { ...like('3m7mypost', story.uri), uri: `at://${DID}/app.bsky.feed.post/3m7mypost` }, // one of their posts, listed as a like
      { ...like('3m7theirs', reply.uri), uri: `at://did:plc:4ksk3lcqk6ok5fnbnw6rlpb3/app.bsky.feed.like/3m7theirs` }, // someone else's repo
      { ...like('3m7deep', reply.uri), uri: `at://${DID}/app.bsky.feed.like/3m7deep/more` },
    ];
    const { session, calls } = pds({ 'com.atproto.repo.listRecords': () => json({ records: listed }) });
    expect((await recall(session, 'like')).size).toBe(0);
    // Pressing "Like" on that post then makes a like; nothing is deleted.
    const toggles = new Toggles();
    await toggles.recall(session, () => {});
    await toggles.flip(session, story, 'like', () => {});
    expect(calls.map((c) => c.nsid).filter((nsid) => nsid !== 'com.atproto.repo.listRecords')).toEqual(['com.atproto.repo.createRecord']);
    expect(toggles.has('like', story.uri)).toBe(true);
  });

  it('finds none when the PDS does not answer', async () => {
    expect((await recall({ did: DID, fetchHandler: () => Promise.reject(new TypeError('Failed to fetch')) }, 'repost')).size).toBe(0);
    expect((await recall(pds({ 'com.atproto.repo.listRecords': () => json({ error: 'InternalServerError' }, 500) }).session, 'repost')).size).toBe(0);
  });
});

/** Publishing with no picture and handles that resolve to nothing, unless a test says otherwise. */
const using = (over: Partial<Publishing> = {}): Publishing => ({ resolveHandle: async () => undefined, picture: async () => undefined, postUrl, ...over });

describe('posting', () => {
  it('replies by reference only, with mentions that resolve and links and tags as facets', async () => {
    const { session, calls } = pds();
    const root = { ...story, text: 'New from me', author: { did: 'did:plc:sw7fivsls5jd6l344ydke56c' } } as unknown as Post;
    const text = 'Thanks @alice.test and @nobody.test! https://news.example/more #Norvia';
    const resolveHandle = async (handle: string) => (handle === 'alice.test' ? 'did:plc:alicealicealicealicealic' : 'not a did');
    const node = await publish(session, me, { text, langs: ['en'], reply: { root, parent: reply } }, using({ resolveHandle }));
    const { record } = calls[0].body as { record: Record<string, unknown> };
    expect(record.reply).toEqual({ root: story, parent: reply });
    expect(record.embed).toBeUndefined();
    expect((record.facets as Array<{ features: Array<{ $type: string }> }>).map((facet) => facet.features[0].$type)).toEqual([
      'app.bsky.richtext.facet#mention',
      'app.bsky.richtext.facet#link',
      'app.bsky.richtext.facet#tag',
    ]);
    expect(node).toMatchObject({ uri: `at://${DID}/app.bsky.feed.post/3m7rkey0`, author: me, text, root: story, replies: [] });
    expect(node.url).toBe(`https://bsky.app/profile/reader.example/post/3m7rkey0`);
  });

  it('posts about the article with its card, and the card’s picture uploaded to the reader’s PDS', async () => {
    const { session, calls } = pds();
    const picture = vi.fn(async () => new Blob([new Uint8Array(2048)], { type: 'image/png' }));
    const draft: Draft = {
      text: 'Worth reading.',
      langs: ['en'],
      card: { uri: 'https://news.example/story', title: 'Story', description: 'About it.', image: 'https://news.example/card.png' },
    };
    const node = await publish(session, me, draft, using({ picture }));
    expect(picture).toHaveBeenCalledWith('https://news.example/card.png');
    expect(calls.map((c) => c.nsid)).toEqual(['com.atproto.repo.uploadBlob', 'com.atproto.repo.createRecord']);
    expect((calls[1].body as { record: unknown }).record).toEqual({
      $type: 'app.bsky.feed.post',
      text: 'Worth reading.',
      createdAt: expect.any(String),
      langs: ['en'],
      embed: {
        $type: 'app.bsky.embed.external',
        external: {
          uri: 'https://news.example/story',
          title: 'Story',
          description: 'About it.',
          thumb: { $type: 'blob', ref: { $link: 'bafkreipicture' }, mimeType: 'image/png', size: 2048 },
        },
      },
    });
    expect(node.embed).toEqual({
      kind: 'external',
      uri: 'https://news.example/story',
      title: 'Story',
      description: 'About it.',
      thumb: 'https://news.example/card.png',
    });
  });
});

// ---- The card's picture: Bluesky's 1 MB, counted as it streams; a timeout; the post goes without it.

const CHUNK = 64 * 1024;

/** A body of `chunks` chunks of 64 KB, sent chunked (no content-length), that counts what was read and whether it was cancelled. */
function streamed(chunks: number) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled++ === chunks) return controller.close();
      controller.enqueue(new Uint8Array(CHUNK));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { body, seen };
}

/** A server's `fetch`, answering with `body` and `headers`, that honours the request's signal as browsers do. */
const server =
  (body: () => BodyInit | null, headers: Record<string, string> = { 'content-type': 'image/png' }) =>
  (_url: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      resolve(new Response(body(), { headers }));
    });

describe('the card’s picture', () => {
  it('stops a chunked body without content-length at 1 MB, and the post goes without a picture', async () => {
    const { body, seen } = streamed(100); // 6.4 MB, as a 100 KB gzip body can inflate
    const picture = (url: string) => fetchPicture(url, { fetch: server(() => body) });
    const { session, calls } = pds();
    const draft: Draft = {
      text: 'Worth reading.',
      langs: ['en'],
      card: { uri: 'https://news.example/story', title: 'Story', description: '', image: 'https://news.example/huge.png' },
    };
    await publish(session, me, draft, using({ picture }));
    expect(seen.pulled * CHUNK).toBeLessThanOrEqual(THUMB_BYTES + 2 * CHUNK); // read up to the limit, not to the end
    expect(seen.cancelled).toBe(true);
    expect(calls.map((c) => c.nsid)).toEqual(['com.atproto.repo.createRecord']);
    expect((calls[0].body as { record: { embed: { external: object } } }).record.embed.external).not.toHaveProperty('thumb');
  });

  it('takes a picture within the limit, streamed without content-length', async () => {
    const { body } = streamed(8); // 512 KB
    const blob = await fetchPicture('https://news.example/card.png', { fetch: server(() => body) });
    expect(blob).toMatchObject({ size: 8 * CHUNK, type: 'image/png' });
  });

  it('does not download a body whose content-length is over the limit, nor a kind Bluesky does not show', async () => {
    const big = streamed(100);
    expect(
      await fetchPicture('https://news.example/big.png', { fetch: server(() => big.body, { 'content-type': 'image/png', 'content-length': '6553600' }) }),
    ).toBeUndefined();
    expect(big.seen.pulled).toBeLessThanOrEqual(1); // (a stream may be asked for its first chunk as it is made)
    expect(await fetchPicture('https://news.example/card.svg', { fetch: server(() => '<svg/>', { 'content-type': 'image/svg+xml' }) })).toBeUndefined();
  });

  it('gives up on a body that never ends after the timeout, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const seen = { cancelled: false };
    const endless = () =>
      new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new Uint8Array(CHUNK)), cancel: () => void (seen.cancelled = true) });
    const result = fetchPicture('https://news.example/slow.png', { fetch: server(endless) });
    await vi.advanceTimersByTimeAsync(THUMB_TIMEOUT);
    await expect(result).resolves.toBeUndefined();
    expect(seen.cancelled).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives up on a server that never answers after the timeout', async () => {
    vi.useFakeTimers();
    const silent = (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const result = fetchPicture('https://news.example/silent.png', { fetch: silent });
    await vi.advanceTimersByTimeAsync(THUMB_TIMEOUT);
    await expect(result).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears its timer when the picture arrives in time', async () => {
    vi.useFakeTimers();
    const blob = await fetchPicture('https://news.example/card.png', { fetch: server(() => new Uint8Array(2048)) });
    expect(blob?.size).toBe(2048);
    expect(vi.getTimerCount()).toBe(0);
  });
});

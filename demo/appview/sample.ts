// The demo's discussion: a news story about a country blocking an encrypted calling app, talked
// about on Bluesky in English and Korean, with every facet kind, images, link cards, quotes with
// images and with a link card, a video and a reply tree deeper than the widget's default depth.

import { actor, post, reply, type Actor, type LabelDefinition, type PostSpec, type PostView, type Tree } from './build.ts';
import { BSKY_LABELER } from '../../src/bluesky/moderation.ts';

export const ARTICLE = 'https://news.example/world/2026/11/27/norvia-blocks-whisperline';
/** A second article whose discussion is hostile, labelled and partly hidden: for moderation tests. */
export const HOSTILE_ARTICLE = 'https://news.example/opinion/2026/11/27/moderation-test';
/** A third article whose one thread is a chain of 100 replies: for layout at any depth. */
export const DEEP_ARTICLE = 'https://news.example/science/2026/11/27/deep-thread';
/** A fourth article, for threads (issue 18, points 2 and 11): branches past the indent cap, chains, absurd counts. */
export const THREADS_ARTICLE = 'https://news.example/science/2026/11/27/branching-thread';
export const ARTICLE_TITLE = 'Norvia blocks Whisperline, the encrypted calling app millions rely on';

/** Minutes before `now`, as an ISO timestamp. */
const ago = (now: number, minutes: number) => new Date(now - minutes * 60_000).toISOString();

/**
 * The demo site's own moderation service, which a site subscribes to with `labelers`: it warns on
 * unverified claims and hides harassment. Its labels reach the widget only when asked for.
 */
export const NEWSWATCH = actor('newswatch-mod.example', 'Newswatch Moderation');
export const NEWSWATCH_LABELS: LabelDefinition[] = [
  { identifier: 'unverified', severity: 'alert', blurs: 'content', defaultSetting: 'warn', name: 'Unverified claim' },
  { identifier: 'harassment', severity: 'alert', blurs: 'content', defaultSetting: 'hide', name: 'Harassment' },
];
/** The account and the word the demo site hides and mutes (see demo/index.html). */
export const SPAMMER = 'cryptodeals.example';
export const MUTED = 'idiot';

export interface Sample {
  actors: Actor[];
  /** Labelers the sample AppView knows, with their definitions. */
  labelers: Array<[Actor, LabelDefinition[]]>;
  /** Roots that link the article, and their reply trees. */
  trees: Tree[];
  /** Roots that link HOSTILE_ARTICLE. */
  hostile: Tree[];
  /** Roots that link DEEP_ARTICLE. */
  deep: Tree[];
  /** Roots that link THREADS_ARTICLE. */
  threads: Tree[];
  /** Every post by URI, replies included. */
  posts: Map<string, PostView>;
  /** Reposts in authors' feeds: [who reposted, what]. */
  reposts: Array<[Actor, PostView]>;
}

/** Give each post the reply count its tree shows, and index every post. */
function index(trees: Tree[]): Map<string, PostView> {
  const posts = new Map<string, PostView>();
  const walk = (tree: NonNullable<Tree['replies']>[number]) => {
    if (!('post' in tree)) return;
    tree.post.replyCount = tree.replies?.length ?? tree.post.replyCount;
    posts.set(tree.post.uri, tree.post);
    tree.replies?.forEach(walk);
  };
  trees.forEach(walk);
  return posts;
}

const label = (val: string, src = BSKY_LABELER) => ({ src, val });

/** The hostile discussion: everything bsky.app hides from a signed-out reader, and hostile input. */
function hostile(media: string, at: (minutes: number) => string): Tree[] {
  const quinn = actor('quinn', 'Quinn', { avatar: `${media}/avatar/quinn.svg` });
  const private_ = actor('private-person', 'PRIVATE PERSON');
  private_.labels = [{ src: private_.did, uri: private_.did, val: '!no-unauthenticated', cts: at(999) }];
  const mallory = actor('mallory', '<img src=x onerror=alert(1)>');
  const link = { link: HOSTILE_ARTICLE, text: 'news.example/opinion/…' };
  const root = post({ author: quinn, rkey: '3mh0root', createdAt: at(60), langs: ['en'], text: ['A thread to test moderation 🧪 ', link], likes: 5 });
  const r = (rkey: string, author: Actor, text: string, extra: Partial<PostSpec> = {}) =>
    reply(root, root, { author, rkey, createdAt: at(50), langs: ['en'], text: [text], ...extra });
  const hidden = r('3mh1hidden', quinn, 'HIDDEN-BY-AUTHOR reply');
  const noUnauth = r('3mh2private', private_, 'NO-UNAUTH reply');
  const underNoUnauth = reply(root, noUnauth, { author: quinn, rkey: '3mh3under', createdAt: at(40), text: ['UNDER-NO-UNAUTH reply'] });
  const porn = r('3mh4porn', quinn, 'PORN-LABELLED reply', {
    labels: [label('porn')],
    embed: { images: [{ url: `${media}/photo/porn.svg`, alt: 'PORN-IMAGE', width: 4, height: 3 }] },
  });
  const warned = r('3mh5warn', quinn, 'WARNED reply', {
    labels: [label('!warn')],
    embed: { images: [{ url: `${media}/photo/warned.svg`, alt: 'WARNED-IMAGE', width: 4, height: 3 }] },
  });
  const otherLabeler = r('3mh6other', quinn, 'OTHER-LABELER reply', { labels: [label('!hide', 'did:plc:someotherlabeler0000000')] });
  const evil = r('3mh7evil', mallory, '', { embed: { unknown: true } });
  const evilText = '<script>alert("x")</script> 한국어 click data 👍🏽';
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const at_ = (s: string) => bytes(evilText.slice(0, evilText.indexOf(s)));
  evil.record.text = evilText;
  evil.record.facets = [
    { index: { byteStart: at_('click'), byteEnd: at_('click') + 5 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'javascript:alert(1)' }] },
    { index: { byteStart: at_('data'), byteEnd: at_('data') + 4 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'data:text/html,<b>x</b>' }] },
    // Splits "한" in the middle of its UTF-8 sequence, overlaps the next, runs past the end.
    { index: { byteStart: at_('한국어') + 1, byteEnd: at_('한국어') + 4 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'split' }] },
    { index: { byteStart: at_('한국어') + 2, byteEnd: at_('click') }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'overlap' }] },
    {
      index: { byteStart: bytes(evilText) - 2, byteEnd: bytes(evilText) + 50 },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/past-the-end' }],
    },
  ];
  const blockedQuote = r('3mh8quote', quinn, 'Quoting a blocked post', { embed: { quote: 'blocked' } });
  const detachedQuote = r('3mh9detach', quinn, 'Quoting a detached post', { embed: { quote: 'detached' } });
  const badCard = post({
    author: mallory,
    rkey: '3mhacard',
    createdAt: at(30),
    text: ['Read this ', link],
    embed: { external: { uri: 'javascript:alert(2)', title: 'EVIL-CARD', description: 'not a link' } },
  });
  const privateRoot = post({ author: private_, rkey: '3mhbprivroot', createdAt: at(20), text: ['NO-UNAUTH root ', link], likes: 100 });
  const hiddenRoot = post({ author: quinn, rkey: '3mhchidden', createdAt: at(10), text: ['BSKY-HIDDEN root ', link], labels: [label('!hide')], likes: 100 });
  return [
    {
      post: root,
      hidden: [hidden.uri],
      replies: [
        { post: hidden },
        { post: noUnauth, replies: [{ post: underNoUnauth }] },
        { post: porn },
        { post: warned },
        { post: otherLabeler },
        { post: evil },
        { post: blockedQuote },
        { post: detachedQuote },
        { blocked: `at://${mallory.did}/app.bsky.feed.post/3mhdblocked` },
        { notFound: `at://${mallory.did}/app.bsky.feed.post/3mhenotfound` },
      ],
    },
    { post: badCard },
    { post: privateRoot },
    { post: hiddenRoot },
  ];
}

/** One root and a chain of 100 replies, each answering the one before, in two voices. */
function deep(media: string, at: (minutes: number) => string): Tree[] {
  const ada = actor('ada-deep', 'Ada Lindqvist-Okonkwo', { avatar: `${media}/avatar/ada.svg` });
  const ben = actor('ben-deep', 'Benedikt Wolfeschlegelsteinhausen', { avatar: `${media}/avatar/ben.svg` });
  const root = post({
    author: ada,
    rkey: '3mdeep000',
    createdAt: at(600),
    langs: ['en'],
    text: ['How deep can a thread go? ', { link: DEEP_ARTICLE }],
    likes: 3,
  });
  let parent = root;
  let top: Tree = { post: root };
  const chain = top;
  for (let i = 1; i <= 100; i++) {
    const next = reply(root, parent, {
      author: i % 2 ? ben : ada,
      rkey: `3mdeep${String(i).padStart(3, '0')}`,
      createdAt: at(600 - i),
      langs: ['en'],
      text: [`Level ${i}: still a readable column — and a long word: Donaudampfschifffahrtsgesellschaftskapitän.`],
    });
    const node: Tree = { post: next };
    top.replies = [node];
    top = node;
    parent = next;
  }
  return [chain];
}

// Issue 18, points 2 and 11 (threads, wrapping): a discussion that branches at every level, past the
// widget's indent cap, with chains of single replies between branches; and a post whose counts are
// as large as a number gets, which must not widen the widget.
function threads(media: string, at: (minutes: number) => string): Tree[] {
  const ines = actor('ines-branch', 'Inês Carvalho', { avatar: `${media}/avatar/rosa.svg` });
  const kofi = actor('kofi-branch', 'Kofi Mensah', { avatar: `${media}/avatar/sam.svg` });
  const yuna = actor('yuna-branch', '최유나', { avatar: `${media}/avatar/seoyeon.svg` });
  const root = post({
    author: ines,
    rkey: '3mtroot00',
    createdAt: at(500),
    langs: ['en'],
    text: ['Where should the next study go? ', { link: THREADS_ARTICLE }],
    likes: 7,
  });
  let minutes = 499;
  const voices = [kofi, yuna, ines];
  /** A reply to `parent` with `replies` under it; `name` says where it sits ("r.a.b": second reply to the first reply). */
  const node = (parent: PostView, name: string, replies: (parent: PostView) => Tree[] = () => []): Tree => {
    const author = voices[minutes % 3];
    const text = author === yuna ? `${name}: 저는 다른 방법을 제안합니다.` : `${name}: a reply at this place in the tree.`;
    const made = reply(root, parent, {
      author,
      rkey: `3mt${name.replace(/\W/g, '')}`,
      createdAt: at(minutes--),
      langs: [author === yuna ? 'ko' : 'en'],
      text: [text],
    });
    return { post: made, replies: replies(made) };
  };
  // Two replies at every level down to the sixth: the first of each pair branches again, the
  // second continues in a chain of single replies.
  const level = (parent: PostView, path: string, depth: number): Tree[] =>
    depth > 6
      ? []
      : [
          node(parent, `${path}.a`, (made) => level(made, `${path}.a`, depth + 1)),
          node(parent, `${path}.b`, (made) => (depth < 5 ? [node(made, `${path}.b.1`, (next) => [node(next, `${path}.b.2`)])] : [])),
        ];
  const huge = post({
    author: kofi,
    rkey: '3mthuge00',
    createdAt: at(30),
    langs: ['en'],
    text: ['Counts as large as a number gets ', { link: THREADS_ARTICLE }],
    likes: Number.MAX_VALUE,
    reposts: Number.MAX_VALUE,
    quotes: Number.MAX_VALUE,
  });
  return [{ post: root, replies: level(root, 'r', 1) }, { post: huge }];
}

export function sample(media: string, now = Date.now()): Sample {
  const avatar = (seed: string) => `${media}/avatar/${seed}.svg`;
  const mina = actor('minapark.news.example', 'Mina Park', { avatar: avatar('mina') });
  const jiwoo = actor('jiwoo', '김지우', { avatar: avatar('jiwoo') });
  const sam = actor('samokafor', 'Sam Okafor', { avatar: avatar('sam') });
  const lena = actor('lena', 'Lena Ivanova 🛰️', { avatar: avatar('lena') });
  const openwire = actor('openwire.org', 'Open Wire Foundation', { avatar: avatar('openwire') });
  const hyun = actor('parkhyun', '박현', { avatar: avatar('hyun') });
  const alex = actor('alex-dev'); // no display name, no avatar
  const rosa = actor('rosa', 'Rosa Martín', { avatar: avatar('rosa') });
  const tomas = actor('tomas.reyes', 'Tomás Reyes', { avatar: avatar('tomas') });
  const seoyeon = actor('seoyeon', '이서연', { avatar: avatar('seoyeon') });
  const spammer = actor(SPAMMER, 'CryptoDeals 🚀');
  const troll = actor('loudguy', 'Loud Guy');
  const at = (minutes: number) => ago(now, minutes);
  const short = { link: ARTICLE, text: 'news.example/world/2026/11/2…' };
  const p = (spec: PostSpec) => post(spec);

  const r1 = p({
    author: mina,
    rkey: '3m6aaa2story',
    createdAt: at(300),
    langs: ['en'],
    text: [
      'New from me: Norvia has blocked Whisperline, the encrypted calling app about 4 million people there use every day. Officials cite "security"; engineers say the block also breaks calls to family abroad. ',
      short,
      ' ',
      { tag: 'encryption' },
    ],
    embed: {
      external: { uri: ARTICLE, title: ARTICLE_TITLE, description: 'The block came without notice on Thursday night.', thumb: `${media}/photo/story.svg` },
    },
    likes: 152,
    reposts: 61,
    quotes: 3,
  });
  const r1a = reply(r1, r1, {
    author: sam,
    rkey: '3m6aab2sam',
    createdAt: at(280),
    langs: ['en'],
    text: ['Great reporting. Do we know whether VPN traffic is being throttled too?'],
    likes: 12,
  });
  const r1b = reply(r1, r1a, {
    author: mina,
    rkey: '3m6aac2mina',
    createdAt: at(270),
    langs: ['en'],
    text: ['Two ISPs confirmed throttling to us; a third declined to comment. Details are in the second half of the piece.'],
    likes: 9,
  });
  const r1c = reply(r1, r1b, { author: sam, rkey: '3m6aad2sam', createdAt: at(260), langs: ['en'], text: ['Thanks. That is alarming.'], likes: 2 });
  const r1d = reply(r1, r1c, {
    author: lena,
    rkey: '3m6aae2lena',
    createdAt: at(250),
    langs: ['en'],
    text: ['Same pattern as two years ago: first the apps, then the VPNs, then the app stores.'],
    likes: 5,
  });
  const r1e = reply(r1, r1d, {
    author: jiwoo,
    rkey: '3m6aaf2jiwoo',
    createdAt: at(240),
    langs: ['ko'],
    text: ['이런 패턴이 반복된다는 게 정말 무섭네요 😟'],
    likes: 3,
  });
  const r1f = reply(r1, r1e, {
    author: hyun,
    rkey: '3m6aag2hyun',
    createdAt: at(230),
    langs: ['ko'],
    text: ['맞아요. 기록해 두는 게 중요합니다 📝'],
    likes: 1,
  });
  const r1g = reply(r1, r1f, { author: sam, rkey: '3m6aah2sam', createdAt: at(220), langs: ['en'], text: ['Archiving everything we can.'] });
  const r1h = reply(r1, r1g, { author: lena, rkey: '3m6aai2lena', createdAt: at(210), langs: ['en'], text: ['Happy to help with that.'] });
  const r1x = reply(r1, r1, {
    author: openwire,
    rkey: '3m6aaj2ow',
    createdAt: at(290),
    langs: ['en'],
    text: [
      'We have published a guide for people in Norvia who need to keep talking safely: ',
      { link: 'https://openwire.org/guides/norvia-2026', text: 'openwire.org/guides/norvia…' },
      ' Thank you ',
      { mention: mina },
      ' for the reporting.',
    ],
    embed: {
      external: {
        uri: 'https://openwire.org/guides/norvia-2026',
        title: 'Staying in touch when calls are blocked',
        description: 'A practical guide, in six languages.',
      },
    },
    likes: 40,
    reposts: 22,
  });

  const r2 = p({
    author: jiwoo,
    rkey: '3m6aba2jiwoo',
    createdAt: at(200),
    langs: ['ko'],
    text: [
      '노르비아가 암호화 통화 앱 ‘위스퍼라인’을 차단했다는 기사 👇 가족과 연락이 끊긴 사람이 많다고 합니다. ',
      short,
      ' ',
      { tag: '프라이버시' },
      ' ',
      { tag: '암호화' },
    ],
    typedFacets: true,
    likes: 48,
    reposts: 17,
  });
  const r2a = reply(r2, r2, {
    author: hyun,
    rkey: '3m6abb2hyun',
    createdAt: at(190),
    langs: ['ko'],
    text: ['저희 이모도 거기 계신데 어제부터 통화가 안 된대요 😢'],
    likes: 6,
  });
  const r2b = reply(r2, r2a, {
    author: jiwoo,
    rkey: '3m6abc2jiwoo',
    createdAt: at(185),
    langs: ['ko'],
    text: [{ mention: hyun }, ' 가족분들 모두 무사하시길 바랍니다 🙏🏻'],
    likes: 4,
  });

  const r3 = p({
    author: lena,
    rkey: '3m6aca2lena',
    createdAt: at(150),
    langs: ['en'],
    text: ['Lines outside every phone shop in the capital this morning as people look for SIM cards from across the border. 📸 ', short],
    embed: {
      images: [
        { url: `${media}/photo/queue.svg`, alt: 'A long queue of people outside a phone shop on a rainy street', width: 1200, height: 800 },
        { url: `${media}/photo/sims.svg`, alt: 'A hand holding three SIM cards in their packaging', width: 800, height: 800 },
      ],
    },
    likes: 97,
    reposts: 30,
  });
  const r3a = reply(r3, r3, {
    author: rosa,
    rkey: '3m6acb2rosa',
    createdAt: at(140),
    langs: ['en', 'es'],
    text: ['Stay safe out there. / Cuidaos mucho. 💙'],
    likes: 3,
  });

  const r4 = p({
    author: alex,
    rkey: '3m6ada2alex',
    createdAt: at(120),
    langs: ['en'],
    text: [
      'The third messaging app blocked this year. Keeping a list 🧵 👩‍💻 ',
      { link: `${ARTICLE}?utm_source=bsky&utm_medium=social`, text: 'news.example/world/…' },
    ],
    // A quote with images: the AppView sends the quote (a `ref`) without `$type`.
    embed: {
      quote: r1,
      media: { images: [{ url: `${media}/photo/list.svg`, alt: 'A handwritten list of three app names, two crossed out', width: 1000, height: 750 }] },
    },
    likes: 21,
    reposts: 4,
  });

  // A quote beside a link card: the card links the article's address with a trailing slash.
  const r7 = p({
    author: sam,
    rkey: '3m6aga2sam',
    createdAt: at(30),
    langs: ['en'],
    text: ['Photos from the capital, and the full story:'],
    embed: { quote: r3, media: { external: { uri: `${ARTICLE}/`, title: ARTICLE_TITLE, description: 'The block came without notice on Thursday night.' } } },
    likes: 4,
    reposts: 1,
  });

  const r5 = p({
    author: rosa,
    rkey: '3m6aea2rosa',
    createdAt: at(90),
    langs: ['en'],
    text: [
      'How a block like this works, explained: ',
      { link: 'https://blog.example/how-dns-blocking-works', text: 'blog.example/how-dns-block…' },
      ' via the story at ',
      short,
    ],
    typedFacets: true,
    embed: {
      external: {
        uri: 'https://blog.example/how-dns-blocking-works',
        title: 'How DNS and SNI blocking work',
        description: 'A plain-language explainer with diagrams, for anyone wondering why their calls stopped.',
        thumb: `${media}/photo/diagram.svg`,
      },
    },
    likes: 15,
    reposts: 6,
    gate: [], // Rosa turned replies off
  });

  const r6 = p({
    author: hyun,
    rkey: '3m6afa2hyun',
    createdAt: at(45),
    langs: ['ko'],
    text: ['우리 가족 👨‍👩‍👧‍👦 모두 이 앱으로 매일 통화했는데… 짧은 영상으로 남겨 봅니다 🎥 ', short],
    embed: {
      video: {
        thumbnail: `${media}/photo/video.svg`,
        alt: 'A phone screen showing a failed call',
        width: 1280,
        height: 720,
        playlist: `${media}/video/playlist.m3u8`,
        captions: ['en'],
      },
    },
    likes: 8,
    gate: ['follower'], // only 박현's followers may reply
  });

  // Quote posts of the story that do not link the article: only getQuotes finds them.
  const q1 = p({
    author: tomas,
    rkey: '3m6aha2tomas',
    createdAt: at(100),
    langs: ['en'],
    text: ["The piece to read on the Whisperline block. Encryption isn't a luxury for families split by a border."],
    embed: { quote: r1 },
    likes: 26,
    reposts: 5,
  });
  const q2 = p({
    author: seoyeon,
    rkey: '3m6ahb2seoyeon',
    createdAt: at(60),
    langs: ['ko'],
    text: ['국경 너머 가족과 통화하려면 암호화 앱이 꼭 필요합니다. 이 기사 꼭 읽어 보세요 👇'],
    embed: { quote: r1 },
    likes: 11,
  });
  // What a site owner removes from the page: a spammer (hide), an insult (muted-words), and what
  // their labeler flags (labelers): a claim to warn about, harassment to hide.
  const spam = reply(r2, r2, {
    author: spammer,
    rkey: '3m6abe2spam',
    createdAt: at(170),
    langs: ['en'],
    text: ['🚀 Turn $100 into $10,000 with our crypto signals! DM us today'],
  });
  const insult = reply(r3, r3, { author: troll, rkey: '3m6acc2troll', createdAt: at(130), langs: ['en'], text: ['Only an IDIOT queues for a SIM card.'] });
  const claim = reply(r2, r2, {
    author: troll,
    rkey: '3m6abd2troll',
    createdAt: at(180),
    langs: ['en'],
    text: ['Heard the block ends tomorrow. Source: trust me.'],
    labels: [{ src: NEWSWATCH.did, val: 'unverified' }],
  });
  const harassment = reply(r3, r3a, {
    author: troll,
    rkey: '3m6acd2troll',
    createdAt: at(150),
    langs: ['en'],
    text: ['Nobody asked you. Log off.'],
    labels: [{ src: NEWSWATCH.did, val: 'harassment' }],
  });

  // Issue 18, point 3 (media) and 12: a post's three and four images (one large beside two small, a
  // 2×2 grid), and a link card whose address is unusable (no domain line, no link). Replies to the
  // older posts, so the roots, the counts of posts and likes and the first page by latest (threads
  // without replies, which load.test relies on) stay as they were; they add three replies.
  const photo = (seed: string, alt: string) => ({ url: `${media}/photo/${seed}.svg`, alt, width: 1200, height: 800 });
  const media3 = reply(r3, r3, {
    author: openwire,
    rkey: '3m6acf2openwire',
    createdAt: at(135),
    langs: ['en'],
    text: ['The border crossing this afternoon: three photos from our volunteers.'],
    embed: {
      images: [
        photo('border', 'Cars queued at a border checkpoint under a grey sky'),
        photo('booth', 'A booth selling SIM cards beside the road'),
        photo('sign', 'A road sign pointing to the border, 2 km'),
      ],
    },
  });
  const media4 = reply(r2, r2, {
    author: seoyeon,
    rkey: '3m6abf2seoyeon',
    createdAt: at(110),
    langs: ['ko'],
    text: ['제가 쓰던 앱 네 개의 화면입니다 📋'],
    embed: {
      images: [photo('chat', '첫 번째 앱의 화면'), photo('call', '두 번째 앱의 화면'), photo('mail', '세 번째 앱의 화면'), photo('voice', '네 번째 앱의 화면')],
    },
  });
  const badCard = reply(r2, r2, {
    author: alex,
    rkey: '3m6abg2alex',
    createdAt: at(25),
    langs: ['en'],
    text: ['Someone sent me this "updates" link. Do not click things like it.'],
    embed: { external: { uri: 'javascript:alert(2)', title: 'Get Whisperline updates', description: 'Sign up for news about the block.' } },
  });

  const trees: Tree[] = [
    {
      post: r1,
      replies: [
        {
          post: r1a,
          replies: [
            {
              post: r1b,
              replies: [
                { post: r1c, replies: [{ post: r1d, replies: [{ post: r1e, replies: [{ post: r1f, replies: [{ post: r1g, replies: [{ post: r1h }] }] }] }] }] },
              ],
            },
          ],
        },
        { post: r1x },
      ],
    },
    { post: r2, replies: [{ post: r2a, replies: [{ post: r2b }] }, { post: claim }, { post: spam }, { post: media4 }, { post: badCard }] },
    { post: r3, replies: [{ post: r3a, replies: [{ post: harassment }] }, { post: insult }, { post: media3 }] },
    { post: r4 },
    { post: r5 },
    { post: r6 },
    { post: r7 },
  ];
  const hostileTrees = hostile(media, at);
  const deepTrees = deep(media, at);
  const threadTrees = threads(media, at);
  const posts = index([...trees, ...hostileTrees, ...deepTrees, ...threadTrees]);
  for (const quote of [q1, q2]) posts.set(quote.uri, quote);
  return {
    actors: [mina, jiwoo, sam, lena, openwire, hyun, alex, rosa, tomas, seoyeon, spammer, troll, NEWSWATCH],
    labelers: [[NEWSWATCH, NEWSWATCH_LABELS]],
    trees,
    hostile: hostileTrees,
    deep: deepTrees,
    threads: threadTrees,
    posts,
    // Mina reposted 지우's post: it links the article, but a repost is not hers to start a thread.
    reposts: [[mina, r2]],
  };
}

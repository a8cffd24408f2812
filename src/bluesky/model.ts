// The data layer's vocabulary: the plain objects the widget renders, what a load is asked for, and
// how it fails. Types only, so every module may name them and none depends on another's code.
// Responses from the network are untrusted JSON; parse.ts turns them into these, keeping only what
// is valid, so templates never see a malformed post.

export type Sort = 'top' | 'latest' | 'oldest';

export interface Author {
  did: string;
  handle: string;
  displayName: string;
  avatar?: string;
}

export interface Facet {
  byteStart: number;
  byteEnd: number;
  /** Exactly one of these is set. */
  link?: string;
  mention?: string;
  tag?: string;
}

export interface Image {
  thumb: string;
  fullsize: string;
  alt: string;
  width?: number;
  height?: number;
}

/** A strong reference to a record, as a reply or a like names its subject. */
export interface Ref {
  uri: string;
  cid: string;
}

/** What every post has, quoted ones included. */
export interface BasePost {
  uri: string;
  /** The record's CID: with `uri`, what a reply, like or repost names. */
  cid: string;
  url: string;
  author: Author;
  text: string;
  facets: Facet[];
  langs: string[];
  createdAt: string;
  /** Why the post is shown behind a content warning the reader opens, media included; absent when it is not. */
  warn?: Warning;
}

/** The label behind a content warning, and who put it there. */
export interface Warning {
  /** The label's value: one of Bluesky's (`!warn`, `graphic-media`, …) or a labeler's own. */
  label: string;
  /** A labeler's own label: its names by language, from the labeler's definition. */
  names?: Locale[];
  /** Who labelled it: the labeler's display name, else its handle, else its DID; absent for Bluesky's moderation service. */
  by?: string;
}

/** A label's name in one language, as a labeler's definition gives it (`locales`). */
export interface Locale {
  lang: string;
  name: string;
}

/** What a post shows beside its text, quotes aside; never nested. */
export type Media =
  | { kind: 'images'; images: Image[] }
  | { kind: 'external'; uri: string; title: string; description: string; thumb?: string }
  /**
   * A Bluesky video: `playlist` is its HLS playlist (an http(s) URL; where it may be fetched from is
   * the player's check), whose subtitle renditions carry the post's captions.
   */
  | { kind: 'video'; playlist?: string; thumb?: string; alt: string; width?: number; height?: number };

/** A quoted post, with its own media (a quote inside a quote is not shown, as on bsky.app). */
export interface QuotedPost extends BasePost {
  media?: Media;
}

export type Embed =
  | Media
  /** `post` is absent when the quoted post is blocked, deleted or detached. */
  | { kind: 'quote'; post?: QuotedPost; media?: Media };

export interface Counts {
  replies: number;
  reposts: number;
  likes: number;
  quotes: number;
}

export interface Post extends BasePost {
  counts: Counts;
  embed?: Embed;
  /** Where the post links outside Bluesky: link facets and the external embed. */
  links: string[];
  /** A quote post of a pinned post (the site's own), found by `app.bsky.feed.getQuotes`. */
  quoting?: boolean;
  /** The thread's root, when this post is a reply (a reply to it names that root too). */
  root?: Ref;
  /**
   * Who may reply, when the author limited it (a threadgate): the rules' kinds (`mention`,
   * `follower`, `following`, `list`); empty when no one may.
   */
  gate?: string[];
}

/** A post with the replies shown under it. */
export interface ThreadNode extends Post {
  replies: ThreadNode[];
  /** Replies that exist on Bluesky but are not shown here because the branch was cut at `depth`. */
  more: number;
}

/** A post named by the site: a DID or a handle, and a record key. */
export interface PostRef {
  /** A DID or a handle. */
  actor: string;
  rkey: string;
}

/** The site owner's rules as written (rules.ts reads them): attribute values, or (`hide`) an array. */
export interface RawRules {
  // null where an attribute was removed.
  hide?: string | readonly unknown[] | null;
  mutedWords?: string | null;
  labelers?: string | null;
  filter?: unknown;
}

/** A labeler's custom label, as its `labelValueDefinitions` define it. */
export interface Definition {
  /** The default setting, which is what a subscribed reader who changed nothing gets. */
  setting: 'hide' | 'warn' | 'ignore';
  blurs: 'content' | 'media' | 'none';
  adultOnly: boolean;
  /** The label's names by language (its `locales`), for the warning that names it. */
  names: Locale[];
}

/** A labeler the site subscribes to: what the widget names it, and its custom labels' definitions (empty when they could not be read). */
export interface Labeler {
  /** Its display name, else its handle; absent when it did not answer. */
  name?: string;
  labels: ReadonlyMap<string, Definition>;
}

/** The site's labelers by DID. */
export type Labelers = ReadonlyMap<string, Labeler>;

/** The site owner's rules, read (rules.ts): what every read of a post asks. */
export interface Rules {
  labelers?: Labelers;
  /** True when `hide` names the post or its author: a quoted one then shows as unavailable. */
  hides(post: BasePost): boolean;
  /**
   * True when the site's rules keep `post` off the page: `hides`, a reply to a hidden post or
   * account, a muted word (in the post, its link card, alt texts, tags, or the post it quotes, as in
   * bsky.app), or the filter's say. `view` is the post view the AppView sent, given to the filter.
   */
  drops(post: Post, view: Record<string, unknown>, record: Record<string, unknown>): boolean;
}

/** What a load is asked for: the article, the site's posts and rules, and where to ask. */
export interface DiscoverInputs extends RawRules {
  article: string;
  /** The `post` attribute's posts, always shown first. */
  pinned: readonly PostRef[];
  /** The page's standard.site document (`at://`), whose Bluesky post is pinned too. */
  document?: string;
  /** Quote posts of the pinned posts join the discussion, unless false. */
  quotes?: boolean;
  author?: string;
  service: string;
  searchService: string;
  /** Constellation-style backlink index, or undefined when turned off. */
  backlinksService?: string;
  sort: Sort;
}

export interface DiscussionInputs extends DiscoverInputs {
  depth: number;
  limit: number;
}

/** Why a request failed, as discovery sorts failures to decide whether to try the next route. */
export type FailureKind = 'refused' | 'rate-limited' | 'unavailable' | 'network' | 'timeout' | 'not-found' | 'invalid';

export type RouteName = 'post' | 'search' | 'backlinks' | 'author-feed' | 'quotes' | 'document' | 'labeler' | 'hide';

export interface RouteFailure {
  route: RouteName;
  kind: FailureKind;
  status?: number;
  /** The labeler whose labels could not be applied (`route: 'labeler'`). */
  labeler?: string;
  /** The handle in `hide` that could not be resolved (`route: 'hide'`): replies found on their own under it cannot be known. */
  handle?: string;
}

export interface Discussion {
  /** Threads shown so far: pinned first, then the discovered roots in `sort` order. */
  threads: ThreadNode[];
  /** Roots discovered but not shown yet, in order. */
  pending: Post[];
  failures: RouteFailure[];
  /** The pinned roots' URIs: they stay first in any order the reader chooses. */
  pinned?: string[];
}

/** The header's numbers: `quotePosts` counts the top-level posts that quote a pinned post. */
export type Totals = Counts & { posts: number; quotePosts: number };

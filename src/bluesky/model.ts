// The plain objects the widget renders. Responses from the network are untrusted JSON; parse.ts
// turns them into these, keeping only what is valid, so templates never see a malformed post.

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

/** What every post has, quoted ones included. */
/** A strong reference to a record, as a reply or a like names its subject. */
export interface Ref {
  uri: string;
  cid: string;
}

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
  /** Shown behind a content warning the reader opens (a `!warn` label), media included. */
  warn: boolean;
}

/** What a post shows beside its text, quotes aside; never nested. */
export type Media =
  | { kind: 'images'; images: Image[] }
  | { kind: 'external'; uri: string; title: string; description: string; thumb?: string }
  | { kind: 'video'; thumb?: string; alt: string; width?: number; height?: number };

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

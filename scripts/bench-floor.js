// The benchmark's floor: posts as one escaped HTML string through innerHTML, with no parsing,
// moderation or interaction. What the widget's render is compared with (scripts/bench-page.html,
// scripts/bench-cold.ts).

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const one = (p) =>
  `<article><img src="${escape(p.author.avatar ?? '')}" alt="" width="40" height="40"><a href="https://bsky.app/profile/${escape(p.author.handle)}">${escape(p.author.displayName ?? p.author.handle)}</a> <time datetime="${escape(p.record.createdAt)}">${escape(p.record.createdAt)}</time><p>${escape(p.record.text)}</p><span>${p.replyCount} replies ${p.repostCount} reposts ${p.likeCount} likes</span></article>`;

const tree = (node) => `<li>${one(node.post)}${node.replies?.length ? `<ol>${node.replies.map(tree).join('')}</ol>` : ''}</li>`;

/** An `<ol>` of the threads (`app.bsky.feed.defs#threadViewPost`s), rendered. */
export function floor(threads) {
  const list = document.createElement('ol');
  list.innerHTML = threads.map(tree).join('');
  return list;
}

// discussion.js, beside eleventy.config.js (Eleventy 3): the discussion rendered into each page as
// Eleventy builds it, readable without JavaScript. In eleventy.config.js:
//
//   import { discussion } from './discussion.js';
//   export default function (config) {
//     config.addAsyncShortcode('discussion', discussion({ site: 'https://news.example.com', lang: 'en' }));
//   }
//
// then in a post layout: {% discussion bluesky %}, with `bluesky: https://bsky.app/profile/…/post/…`
// in a post's front matter to pin your post (or nothing). Other options (author, sort, ttl, …) are
// renderDiscussion's. When nothing is found, or Bluesky does not answer, the page gets the widget,
// which loads the discussion in the reader's browser.
import { renderDiscussion } from 'discuss-thread/server';

const SCRIPT = '<script type="module" src="https://cdn.jsdelivr.net/npm/discuss-thread@0.1/dist/discuss-thread.js"></script>';
const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function discussion({ site, ...options }) {
  return async function (post) {
    const url = new URL(this.page.url, site).href;
    try {
      const html = await renderDiscussion({ ...options, url, post: post || undefined });
      if (html.includes('shadowrootmode')) return `${SCRIPT}\n${html}`;
    } catch (error) {
      console.warn(`discuss-thread: ${url}: ${error.message}`);
    }
    const attributes = [
      ['url', url],
      ['post', post],
      ['lang', options.lang],
    ].filter(([, value]) => value);
    return (
      `${SCRIPT}\n<discuss-thread${attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join('')}>` +
      `<a href="https://bsky.app/search?q=${encodeURIComponent(url)}">Discuss on Bluesky</a></discuss-thread>`
    );
  };
}

// <discuss-count url="…">: "12 comments", linked to the article's discussion, for article lists and
// home pages. Its own small entry file (no Lit): it asks nothing until it nears the viewport, as the
// widget does, and the counts of a page that come into view together go out together: one request
// to the site's worker for all of them (`service`), or the backlink index's few per article.

import { BACKLINKS, countPosts } from './count.ts';

/** "# comment|# comments" by plural category, as Intl.PluralRules names them, in each language the widget speaks. */
const COMMENTS: Record<string, Partial<Record<Intl.LDMLPluralRule, string>>> = {
  en: { one: '# comment', other: '# comments' },
  de: { one: '# Kommentar', other: '# Kommentare' },
  es: { one: '# comentario', other: '# comentarios' },
  fr: { one: '# commentaire', other: '# commentaires' },
  pt: { one: '# comentário', other: '# comentários' },
  ru: { one: '# комментарий', few: '# комментария', many: '# комментариев', other: '# комментария' },
  uk: { one: '# коментар', few: '# коментарі', many: '# коментарів', other: '# коментаря' },
  ja: { other: 'コメント#件' },
  ko: { other: '댓글 #개' },
  'zh-hans': { other: '#条评论' },
  'zh-hant': { other: '#則留言' },
};

/** The first of these languages we have words for, as the widget picks its own. */
function languageOf(el: Element): string {
  const tags = [el.closest('[lang]')?.getAttribute('lang'), ...navigator.languages];
  for (const tag of tags.map((t) => t?.toLowerCase().replace(/_/g, '-'))) {
    if (!tag) continue;
    if (tag.startsWith('zh')) return /^zh-(hant|tw|hk|mo)/.test(tag) ? 'zh-hant' : 'zh-hans';
    if (Object.hasOwn(COMMENTS, tag.split('-')[0])) return tag.split('-')[0];
  }
  return 'en';
}

/** "12 comments" in `lang`. */
export function commentsText(n: number, lang: string): string {
  const words = COMMENTS[lang] ?? COMMENTS.en;
  return (words[new Intl.PluralRules(lang).select(n)] ?? words.other!).replace('#', new Intl.NumberFormat(lang).format(n));
}

/** Counts by the article's address, from the site's worker: one request for up to 50 articles. */
async function fromWorker(service: string, articles: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < articles.length; i += 50) {
    const asked = new URL(`${service.replace(/\/+$/, '')}/counts`, document.baseURI);
    asked.search = `${new URLSearchParams(articles.slice(i, i + 50).map((url) => ['url', url]))}`;
    const response = await fetch(asked, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`the worker answered ${response.status}`);
    const { counts: found } = (await response.json()) as { counts?: Record<string, unknown> };
    for (const [url, n] of Object.entries(found ?? {})) if (Number.isSafeInteger(n)) counts.set(url, n as number);
  }
  return counts;
}

/** Elements come near the viewport: counted together in the next task. */
const waiting = new Set<DiscussCount>();
let flush: ReturnType<typeof setTimeout> | undefined;

/** The article an element counts (absolute), and where its count comes from: the site's worker (`service`), else the backlink index. */
const articleOf = (el: Element) => new URL(el.getAttribute('url') ?? '', document.baseURI).href;
const sourceOf = (el: Element) => el.getAttribute('service') ?? `backlinks ${el.getAttribute('backlinks-service') ?? BACKLINKS}`;

async function count(elements: DiscussCount[]) {
  const byService = new Map<string, DiscussCount[]>();
  for (const el of elements) byService.set(sourceOf(el), [...(byService.get(sourceOf(el)) ?? []), el]);
  for (const [service, group] of byService) {
    const articles = [...new Set(group.map(articleOf))];
    const counts = service.startsWith('backlinks ')
      ? new Map(await Promise.all(articles.map(async (url) => [url, await countPosts(url, service.slice(10)).catch(() => undefined)] as const)))
      : await fromWorker(service, articles).catch(() => new Map<string, number>());
    for (const el of group) el.show(counts.get(articleOf(el)), articleOf(el));
  }
}

const near = new IntersectionObserver(
  (entries) => {
    for (const { isIntersecting, target } of entries) {
      if (!isIntersecting) continue;
      near.unobserve(target);
      waiting.add(target as DiscussCount);
    }
    flush ??= setTimeout(() => {
      flush = undefined;
      const batch = [...waiting];
      waiting.clear();
      if (batch.length) count(batch).catch((error: unknown) => console.warn('<discuss-count>: the counts could not be shown:', error));
    });
  },
  { rootMargin: '800px 0px' },
);

export class DiscussCount extends HTMLElement {
  static observedAttributes = ['url', 'service', 'backlinks-service'];
  /** What the count shown is of (article and source): moved in the page, it is not asked again. */
  #shown?: string;

  connectedCallback() {
    const url = this.getAttribute('url');
    if (!url || !URL.canParse(url, document.baseURI))
      return console.warn('<discuss-count>: give `url`, the address of the article to count the discussion of.');
    if (this.#shown !== `${articleOf(this)} ${sourceOf(this)}`) near.observe(this);
  }

  disconnectedCallback() {
    near.unobserve(this);
    waiting.delete(this);
  }

  /** A new article or source, once connected: counted afresh as it nears. */
  attributeChangedCallback() {
    if (!this.isConnected) return;
    this.disconnectedCallback();
    this.connectedCallback();
  }

  /** The count of `article`, as a link to its discussion; with none, what the site wrote stays. */
  show(n: number | undefined, article: string) {
    if (n === undefined) return console.warn(`<discuss-count>: the discussion of ${article} could not be counted.`);
    try {
      const link = document.createElement('a');
      link.href = this.getAttribute('href') ?? `${article.split('#')[0]}#discuss-thread`;
      link.textContent = commentsText(n, languageOf(this));
      this.replaceChildren(link);
      this.#shown = `${article} ${sourceOf(this)}`;
    } catch (error) {
      console.warn(`<discuss-count>: the count of ${article} could not be shown:`, error);
    }
  }
}

if (!customElements.get('discuss-count')) customElements.define('discuss-count', DiscussCount);

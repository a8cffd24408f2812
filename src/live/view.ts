// What `live` draws: a "2 new replies" button where new replies wait (under the post they answer),
// a "1 new post" button at the top of the list, and a polite live region that says what arrived, in
// the interface language. Its strings travel with the live code: only pages with `live` load them.

import { html, nothing } from 'lit';
import { pluralOf, type Plural } from '../i18n/messages.ts';
import { plural } from '../i18n/format.ts';

/** `newPosts`, `newReplies`: plural messages, as messages.ts writes them (`one|other`, or `one|few|many|other`). */
export interface LiveMessages {
  newPosts: Plural;
  newReplies: Plural;
}

/** By language: new posts, then new replies. */
const TEXTS: Record<string, [string, string]> = {
  en: ['# new post|# new posts', '# new reply|# new replies'],
  de: ['# neuer Beitrag|# neue Beiträge', '# neue Antwort|# neue Antworten'],
  es: ['# publicación nueva|# publicaciones nuevas', '# respuesta nueva|# respuestas nuevas'],
  fr: ['# nouvelle publication|# nouvelles publications', '# nouvelle réponse|# nouvelles réponses'],
  pt: ['# novo post|# novos posts', '# nova resposta|# novas respostas'],
  ja: ['#件の新しい投稿', '#件の新しい返信'],
  ko: ['새 게시물 #개', '새 답글 #개'],
  'zh-hans': ['# 条新帖子', '# 条新回复'],
  'zh-hant': ['# 則新貼文', '# 則新回覆'],
  ru: ['# новая публикация|# новые публикации|# новых публикаций|# новой публикации', '# новый ответ|# новых ответа|# новых ответов|# нового ответа'],
  uk: ['# новий допис|# нові дописи|# нових дописів|# нового допису', '# нова відповідь|# нові відповіді|# нових відповідей|# нової відповіді'],
};

/** The live strings for `lang`, English for a language without its own, and the site's `strings` over them. */
export function liveMessages(lang: string, strings?: Partial<LiveMessages>): LiveMessages {
  const [posts, replies] = TEXTS[lang] ?? TEXTS.en;
  return { newPosts: pluralOf(posts), newReplies: pluralOf(replies), ...strings };
}

/** "2 new replies", the number written out in the language's digits (as the widget's counts are read out). */
export const say = (lang: string, message: Plural, n: number): string => plural(lang, message, n, true);

/** "1 new post, 2 new replies", or '' when nothing waits. */
export const summary = (lang: string, t: LiveMessages, { posts, replies }: { posts: number; replies: number }): string =>
  [posts && say(lang, t.newPosts, posts), replies && say(lang, t.newReplies, replies)].filter(Boolean).join(', ');

/** The button where new posts wait: under their post (`top`: above the list); pressing shows them there. */
export const newsButton = (text: string, top: boolean, busy: boolean, show: () => void) =>
  html`<div class=${top ? 'actions' : 'more'}>
    <button part="news" class=${top ? 'button secondary' : 'link'} ?disabled=${busy} @click=${show}>${text}</button>
  </div>`;

/** What arrived, said politely (role=status), once in a while; visually hidden. */
export const region = (said: string) => html`<p class="sr" role="status">${said || nothing}</p>`;

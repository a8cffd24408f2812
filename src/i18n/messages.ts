// Interface strings in every language we ship. Each language is one text block, one message a line,
// in the order of KEYS, so the CDN file carries no key names eleven times over. A plural message
// holds its forms separated by "|": one form is `other`; two are `one|other`; four are
// `one|few|many|other`. `#` stands for the number, `{name}` for a name.

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const TEXTS = ['heading', 'compose', 'searching', 'empty', 'error', 'retry', 'searchOnBluesky', 'showMore', 'reply', 'postBy', 'author', 'quoteUnavailable', 'video', 'warning'] as const;
const PLURALS = ['posts', 'replies', 'reposts', 'likes', 'moreReplies'] as const;
export const KEYS = [...TEXTS, ...PLURALS] as const;

export type Messages = Record<(typeof TEXTS)[number], string> & Record<(typeof PLURALS)[number], Plural>;

const SOURCE: Record<string, string> = {
  en: `Discussion on Bluesky
Discuss on Bluesky
Searching for posts…
No one has discussed this on Bluesky yet. Start the conversation!
The discussion could not be loaded.
Try again
Search Bluesky for this article
Show more
Reply on Bluesky
Post by {name}
Author
The quoted post is unavailable.
Watch the video on Bluesky
Content warning: show post
# post|# posts
# reply|# replies
# repost|# reposts
# like|# likes
# more reply on Bluesky|# more replies on Bluesky`,
  ko: `Bluesky 토론
Bluesky에서 토론하기
게시물을 찾는 중…
아직 Bluesky에서 이 글을 이야기한 사람이 없습니다. 첫 대화를 시작해 보세요!
토론을 불러오지 못했습니다.
다시 시도
Bluesky에서 이 글 검색하기
더 보기
Bluesky에서 답글 달기
{name}님의 게시물
글쓴이
인용된 게시물을 볼 수 없습니다.
Bluesky에서 동영상 보기
콘텐츠 경고: 게시물 보기
게시물 #개
답글 #개
재게시 #회
좋아요 #개
Bluesky에서 답글 #개 더 보기`,
  ja: `Blueskyでのディスカッション
Blueskyで話し合う
投稿を検索しています…
Blueskyでこの記事について話している人はまだいません。最初の投稿をしてみましょう！
ディスカッションを読み込めませんでした。
再試行
Blueskyでこの記事を検索
さらに表示
Blueskyで返信
{name}さんの投稿
著者
引用された投稿は表示できません。
Blueskyで動画を見る
コンテンツの警告：投稿を表示
#件の投稿
#件の返信
#件のリポスト
#件のいいね
Blueskyでさらに#件の返信を見る`,
  'zh-hans': `Bluesky 上的讨论
在 Bluesky 上讨论
正在搜索帖子…
还没有人在 Bluesky 上讨论这篇文章。来开启对话吧！
无法加载讨论。
重试
在 Bluesky 上搜索这篇文章
显示更多
在 Bluesky 上回复
{name} 的帖子
作者
引用的帖子不可用。
在 Bluesky 上观看视频
内容警告：显示帖子
# 条帖子
# 条回复
# 次转发
# 个赞
在 Bluesky 上查看另外 # 条回复`,
  'zh-hant': `Bluesky 上的討論
在 Bluesky 上討論
正在搜尋貼文…
還沒有人在 Bluesky 上討論這篇文章。來開啟對話吧！
無法載入討論。
重試
在 Bluesky 上搜尋這篇文章
顯示更多
在 Bluesky 上回覆
{name} 的貼文
作者
引用的貼文無法顯示。
在 Bluesky 上觀看影片
內容警告：顯示貼文
# 則貼文
# 則回覆
# 次轉發
# 個讚
在 Bluesky 上查看另外 # 則回覆`,
  es: `Conversación en Bluesky
Comentar en Bluesky
Buscando publicaciones…
Nadie ha hablado de esto en Bluesky todavía. ¡Inicia la conversación!
No se pudo cargar la conversación.
Reintentar
Buscar este artículo en Bluesky
Mostrar más
Responder en Bluesky
Publicación de {name}
Autor
La publicación citada no está disponible.
Ver el vídeo en Bluesky
Advertencia de contenido: mostrar publicación
# publicación|# publicaciones
# respuesta|# respuestas
# republicación|# republicaciones
# me gusta
# respuesta más en Bluesky|# respuestas más en Bluesky`,
  fr: `Discussion sur Bluesky
Discuter sur Bluesky
Recherche de publications…
Personne n’a encore parlé de cet article sur Bluesky. Lancez la conversation\u202f!
Impossible de charger la discussion.
Réessayer
Rechercher cet article sur Bluesky
Afficher plus
Répondre sur Bluesky
Publication de {name}
Auteur
La publication citée n’est pas disponible.
Voir la vidéo sur Bluesky
Avertissement de contenu\u202f: afficher la publication
# publication|# publications
# réponse|# réponses
# republication|# republications
# j’aime
# autre réponse sur Bluesky|# autres réponses sur Bluesky`,
  de: `Diskussion auf Bluesky
Auf Bluesky diskutieren
Beiträge werden gesucht…
Noch hat niemand auf Bluesky über diesen Artikel gesprochen. Beginne die Unterhaltung!
Die Diskussion konnte nicht geladen werden.
Erneut versuchen
Diesen Artikel auf Bluesky suchen
Mehr anzeigen
Auf Bluesky antworten
Beitrag von {name}
Autor
Der zitierte Beitrag ist nicht verfügbar.
Video auf Bluesky ansehen
Inhaltswarnung: Beitrag anzeigen
# Beitrag|# Beiträge
# Antwort|# Antworten
# Repost|# Reposts
# Like|# Likes
# weitere Antwort auf Bluesky|# weitere Antworten auf Bluesky`,
  pt: `Conversa no Bluesky
Comentar no Bluesky
Buscando posts…
Ninguém falou sobre isto no Bluesky ainda. Comece a conversa!
Não foi possível carregar a conversa.
Tentar novamente
Buscar este artigo no Bluesky
Mostrar mais
Responder no Bluesky
Post de {name}
Autor
O post citado não está disponível.
Assistir ao vídeo no Bluesky
Aviso de conteúdo: mostrar post
# post|# posts
# resposta|# respostas
# repost|# reposts
# curtida|# curtidas
Mais # resposta no Bluesky|Mais # respostas no Bluesky`,
  ru: `Обсуждение в Bluesky
Обсудить в Bluesky
Ищем публикации…
В Bluesky это ещё никто не обсуждал. Начните разговор!
Не удалось загрузить обсуждение.
Повторить
Найти эту статью в Bluesky
Показать ещё
Ответить в Bluesky
Публикация: {name}
Автор
Цитируемая публикация недоступна.
Смотреть видео в Bluesky
Предупреждение о содержимом: показать публикацию
# публикация|# публикации|# публикаций|# публикации
# ответ|# ответа|# ответов|# ответа
# репост|# репоста|# репостов|# репоста
# лайк|# лайка|# лайков|# лайка
Ещё # ответ в Bluesky|Ещё # ответа в Bluesky|Ещё # ответов в Bluesky|Ещё # ответа в Bluesky`,
  uk: `Обговорення в Bluesky
Обговорити в Bluesky
Шукаємо дописи…
У Bluesky це ще ніхто не обговорював. Почніть розмову!
Не вдалося завантажити обговорення.
Спробувати ще
Знайти цю статтю в Bluesky
Показати більше
Відповісти в Bluesky
Допис: {name}
Автор
Цитований допис недоступний.
Дивитися відео в Bluesky
Попередження про вміст: показати допис
# допис|# дописи|# дописів|# допису
# відповідь|# відповіді|# відповідей|# відповіді
# репост|# репости|# репостів|# репосту
# вподобання|# вподобання|# вподобань|# вподобання
Ще # відповідь у Bluesky|Ще # відповіді у Bluesky|Ще # відповідей у Bluesky|Ще # відповіді у Bluesky`,
};

/** Languages we have messages for, lower-case BCP 47. */
export const LANGUAGES = Object.keys(SOURCE);

const ORDER: Record<number, Intl.LDMLPluralRule[]> = { 1: ['other'], 2: ['one', 'other'], 4: ['one', 'few', 'many', 'other'] };

const parsed = new Map<string, Messages>();

/** The message table for one of LANGUAGES. */
export function messages(lang: string): Messages {
  let table = parsed.get(lang);
  if (!table) {
    const lines = (SOURCE[lang] ?? SOURCE.en).split('\n');
    const entries = KEYS.map((key, i) => {
      if (i < TEXTS.length) return [key, lines[i]];
      const forms = lines[i].split('|');
      return [key, Object.fromEntries(ORDER[forms.length].map((category, j) => [category, forms[j]]))];
    });
    parsed.set(lang, (table = Object.fromEntries(entries) as Messages));
  }
  return table;
}

const HANT = /^zh-(hant|tw|hk|mo)\b/;

/** The first of `candidates` we have messages for (`pt-PT` → `pt`, `zh-TW` → `zh-hant`), else English. */
export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): string {
  for (const candidate of candidates) {
    const tag = candidate?.toLowerCase().replace(/_/g, '-');
    if (!tag) continue;
    if (tag.startsWith('zh')) return HANT.test(tag) ? 'zh-hant' : 'zh-hans';
    const base = tag.split('-')[0];
    if (SOURCE[base]) return base;
  }
  return 'en';
}

// The sign-in interface's strings, in every language the widget speaks: one line a message, in the
// order of KEYS. They travel with the sign-in code, which only readers who join download.

export const KEYS = [
  'handle',
  'go',
  'cancel',
  'signingIn',
  'signedIn',
  'signOut',
  'denied',
  'failed',
  'reply',
  'like',
  'repost',
  'write',
  'send',
  'newPost',
  'left',
  'sent',
  'onBluesky',
  'expired',
  'unreachable',
  'refused',
  'closed',
  'limited',
  'server',
] as const;

export type JoinMessages = Record<(typeof KEYS)[number], string>;

export const TABLES: Record<string, string> = {
  en: `Your Bluesky handle
Continue
Cancel
Signing in…
Signed in as {name}
Sign out
Sign-in was cancelled; nothing was shared.
Sign-in did not work: {reason}
Reply
Like
Repost
Your reply
Post
Post about this article
{n} left
Sent: Bluesky will show it in a moment.
On Bluesky
Your session has ended: sign in again. Your text is kept.
Your server could not be reached. Your text is kept; try again.
Your server did not accept it ({reason}). Your text is kept.
The author has turned off replies to this thread.
The author limits who can reply here; yours may not be shown.
Or your server’s address, such as https://bsky.social`,
  ko: `Bluesky 핸들
계속
취소
로그인 중…
{name}(으)로 로그인됨
로그아웃
로그인이 취소되었습니다. 아무것도 공유되지 않았습니다.
로그인하지 못했습니다: {reason}
답글
좋아요
재게시
답글 쓰기
게시
이 글에 대해 게시하기
{n}자 남음
보냈습니다. 곧 Bluesky에 표시됩니다.
Bluesky에서 보기
세션이 끝났습니다. 다시 로그인하세요. 쓴 글은 남아 있습니다.
서버에 연결할 수 없습니다. 쓴 글은 남아 있으니 다시 시도하세요.
서버가 받아들이지 않았습니다({reason}). 쓴 글은 남아 있습니다.
작성자가 이 스레드의 답글을 막았습니다.
작성자가 답글을 달 수 있는 사람을 제한했습니다. 답글이 표시되지 않을 수 있습니다.
또는 서버 주소(예: https://bsky.social)`,
  ja: `Blueskyのハンドル
続ける
キャンセル
サインイン中…
{name}としてサインイン中
サインアウト
サインインはキャンセルされました。何も共有されていません。
サインインできませんでした：{reason}
返信
いいね
リポスト
返信を書く
投稿
この記事について投稿
残り{n}文字
送信しました。まもなくBlueskyに表示されます。
Blueskyで見る
セッションが終了しました。もう一度サインインしてください。文章は残っています。
サーバーに接続できません。文章は残っています。もう一度お試しください。
サーバーに受け付けられませんでした（{reason}）。文章は残っています。
作成者はこのスレッドへの返信をオフにしています。
作成者は返信できる人を制限しています。あなたの返信は表示されないかもしれません。
またはサーバーのアドレス（例: https://bsky.social）`,
  'zh-hans': `你的 Bluesky 用户名
继续
取消
正在登录…
已以 {name} 登录
退出登录
已取消登录，没有分享任何内容。
登录失败：{reason}
回复
喜欢
转发
写回复
发布
发布关于这篇文章的帖子
还剩 {n} 个字
已发送：Bluesky 稍后会显示。
在 Bluesky 上查看
会话已结束，请重新登录。你写的内容已保留。
无法连接到你的服务器。你写的内容已保留，请重试。
你的服务器没有接受（{reason}）。你写的内容已保留。
作者已关闭此帖的回复。
作者限制了可以回复的人，你的回复可能不会显示。
或你的服务器地址，例如 https://bsky.social`,
  'zh-hant': `你的 Bluesky 帳號代稱
繼續
取消
正在登入…
已以 {name} 登入
登出
已取消登入，沒有分享任何內容。
登入失敗：{reason}
回覆
喜歡
轉發
寫回覆
發布
發布關於這篇文章的貼文
還剩 {n} 個字
已送出：Bluesky 稍後會顯示。
在 Bluesky 上查看
工作階段已結束，請重新登入。你寫的內容已保留。
無法連線到你的伺服器。你寫的內容已保留，請再試一次。
你的伺服器沒有接受（{reason}）。你寫的內容已保留。
作者已關閉此串的回覆。
作者限制了可以回覆的人，你的回覆可能不會顯示。
或你的伺服器位址，例如 https://bsky.social`,
  es: `Tu usuario de Bluesky
Continuar
Cancelar
Iniciando sesión…
Sesión iniciada como {name}
Cerrar sesión
Se canceló el inicio de sesión; no se compartió nada.
No se pudo iniciar sesión: {reason}
Responder
Me gusta
Repostear
Tu respuesta
Publicar
Publicar sobre este artículo
Quedan {n}
Enviado: Bluesky lo mostrará en un momento.
En Bluesky
Tu sesión terminó: vuelve a iniciar sesión. Tu texto se conserva.
No se pudo contactar con tu servidor. Tu texto se conserva; inténtalo de nuevo.
Tu servidor no lo aceptó ({reason}). Tu texto se conserva.
El autor desactivó las respuestas en este hilo.
El autor limita quién puede responder; tu respuesta podría no mostrarse.
O la dirección de tu servidor, como https://bsky.social`,
  fr: `Votre identifiant Bluesky
Continuer
Annuler
Connexion…
Connecté·e en tant que {name}
Se déconnecter
Connexion annulée ; rien n’a été partagé.
La connexion a échoué\u202f: {reason}
Répondre
J’aime
Republier
Votre réponse
Publier
Publier à propos de cet article
Encore {n}
Envoyé : Bluesky l’affichera dans un instant.
Sur Bluesky
Votre session a pris fin : reconnectez-vous. Votre texte est conservé.
Votre serveur est injoignable. Votre texte est conservé ; réessayez.
Votre serveur l’a refusé ({reason}). Votre texte est conservé.
L’auteur a désactivé les réponses à ce fil.
L’auteur limite qui peut répondre ; votre réponse pourrait ne pas s’afficher.
Ou l’adresse de votre serveur, par exemple https://bsky.social`,
  de: `Dein Bluesky-Handle
Weiter
Abbrechen
Anmeldung…
Angemeldet als {name}
Abmelden
Anmeldung abgebrochen; nichts wurde geteilt.
Anmeldung fehlgeschlagen: {reason}
Antworten
Gefällt mir
Reposten
Deine Antwort
Posten
Über diesen Artikel posten
Noch {n}
Gesendet: Bluesky zeigt es gleich an.
Auf Bluesky
Deine Sitzung ist abgelaufen: melde dich erneut an. Dein Text bleibt erhalten.
Dein Server ist nicht erreichbar. Dein Text bleibt erhalten; versuche es erneut.
Dein Server hat es abgelehnt ({reason}). Dein Text bleibt erhalten.
Der Autor hat Antworten in diesem Thread deaktiviert.
Der Autor beschränkt, wer antworten darf; deine Antwort wird eventuell nicht angezeigt.
Oder die Adresse deines Servers, etwa https://bsky.social`,
  pt: `Seu identificador no Bluesky
Continuar
Cancelar
Entrando…
Conectado como {name}
Sair
O login foi cancelado; nada foi compartilhado.
Não foi possível entrar: {reason}
Responder
Curtir
Repostar
Sua resposta
Publicar
Publicar sobre este artigo
Restam {n}
Enviado: o Bluesky vai mostrar em instantes.
No Bluesky
Sua sessão terminou: entre novamente. Seu texto foi mantido.
Não foi possível contatar seu servidor. Seu texto foi mantido; tente de novo.
Seu servidor não aceitou ({reason}). Seu texto foi mantido.
O autor desativou as respostas neste fio.
O autor limita quem pode responder; sua resposta pode não aparecer.
Ou o endereço do seu servidor, como https://bsky.social`,
  ru: `Ваш адрес в Bluesky
Продолжить
Отмена
Вход…
Вы вошли как {name}
Выйти
Вход отменён; ничего не передано.
Не удалось войти: {reason}
Ответить
Нравится
Репост
Ваш ответ
Опубликовать
Написать об этой статье
Осталось {n}
Отправлено: Bluesky скоро покажет.
В Bluesky
Сеанс закончился: войдите снова. Ваш текст сохранён.
Ваш сервер недоступен. Ваш текст сохранён; попробуйте ещё раз.
Ваш сервер не принял его ({reason}). Ваш текст сохранён.
Автор отключил ответы в этой ветке.
Автор ограничил, кто может отвечать; ваш ответ может не появиться.
Или адрес вашего сервера, например https://bsky.social`,
  uk: `Ваш адрес у Bluesky
Продовжити
Скасувати
Вхід…
Ви увійшли як {name}
Вийти
Вхід скасовано; нічого не передано.
Не вдалося увійти: {reason}
Відповісти
Подобається
Репост
Ваша відповідь
Опублікувати
Написати про цю статтю
Залишилось {n}
Надіслано: Bluesky незабаром покаже.
У Bluesky
Сеанс завершився: увійдіть знову. Ваш текст збережено.
Ваш сервер недоступний. Ваш текст збережено; спробуйте ще раз.
Ваш сервер його не прийняв ({reason}). Ваш текст збережено.
Автор вимкнув відповіді в цій гілці.
Автор обмежив, хто може відповідати; вашу відповідь можуть не показати.
Або адреса вашого сервера, наприклад https://bsky.social`,
};

/** The strings for `lang` (a language the widget speaks), English where a table lacks one. */
export function joinMessages(lang: string): JoinMessages {
  const lines = (TABLES[lang] ?? TABLES.en).split('\n');
  const en = TABLES.en.split('\n');
  return Object.fromEntries(KEYS.map((key, i) => [key, lines[i] ?? en[i]])) as JoinMessages;
}

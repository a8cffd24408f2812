// The sign-in interface's strings, in every language the widget speaks: one line a message, in the
// order of KEYS. They travel with the sign-in code, which only readers who join download.

const KEYS = ['handle', 'go', 'cancel', 'signingIn', 'signedIn', 'signOut', 'denied', 'failed'] as const;

export type JoinMessages = Record<(typeof KEYS)[number], string>;

const TABLES: Record<string, string> = {
  en: `Your Bluesky handle
Continue
Cancel
Signing in…
Signed in as {name}
Sign out
Sign-in was cancelled; nothing was shared.
Sign-in did not work: {reason}`,
  ko: `Bluesky 핸들
계속
취소
로그인 중…
{name}(으)로 로그인됨
로그아웃
로그인이 취소되었습니다. 아무것도 공유되지 않았습니다.
로그인하지 못했습니다: {reason}`,
  ja: `Blueskyのハンドル
続ける
キャンセル
サインイン中…
{name}としてサインイン中
サインアウト
サインインはキャンセルされました。何も共有されていません。
サインインできませんでした：{reason}`,
  'zh-hans': `你的 Bluesky 用户名
继续
取消
正在登录…
已以 {name} 登录
退出登录
已取消登录，没有分享任何内容。
登录失败：{reason}`,
  'zh-hant': `你的 Bluesky 帳號代稱
繼續
取消
正在登入…
已以 {name} 登入
登出
已取消登入，沒有分享任何內容。
登入失敗：{reason}`,
  es: `Tu usuario de Bluesky
Continuar
Cancelar
Iniciando sesión…
Sesión iniciada como {name}
Cerrar sesión
Se canceló el inicio de sesión; no se compartió nada.
No se pudo iniciar sesión: {reason}`,
  fr: `Votre identifiant Bluesky
Continuer
Annuler
Connexion…
Connecté·e en tant que {name}
Se déconnecter
Connexion annulée ; rien n’a été partagé.
La connexion a échoué\u202f: {reason}`,
  de: `Dein Bluesky-Handle
Weiter
Abbrechen
Anmeldung…
Angemeldet als {name}
Abmelden
Anmeldung abgebrochen; nichts wurde geteilt.
Anmeldung fehlgeschlagen: {reason}`,
  pt: `Seu identificador no Bluesky
Continuar
Cancelar
Entrando…
Conectado como {name}
Sair
O login foi cancelado; nada foi compartilhado.
Não foi possível entrar: {reason}`,
  ru: `Ваш адрес в Bluesky
Продолжить
Отмена
Вход…
Вы вошли как {name}
Выйти
Вход отменён; ничего не передано.
Не удалось войти: {reason}`,
  uk: `Ваш адрес у Bluesky
Продовжити
Скасувати
Вхід…
Ви увійшли як {name}
Вийти
Вхід скасовано; нічого не передано.
Не вдалося увійти: {reason}`,
};

/** The strings for `lang` (a language the widget speaks), English where a table lacks one. */
export function joinMessages(lang: string): JoinMessages {
  const lines = (TABLES[lang] ?? TABLES.en).split('\n');
  const en = TABLES.en.split('\n');
  return Object.fromEntries(KEYS.map((key, i) => [key, lines[i] ?? en[i]])) as JoinMessages;
}

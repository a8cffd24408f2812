// Interface strings in Japanese, one message a line in the order of messages.ts's KEYS.
export default `コメント
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
引用
Blueskyでサインイン
#件の投稿
#件の返信
#件のリポスト
#件のいいね
Blueskyでさらに#件の返信を見る
返信をあと#件表示
#件の引用`;

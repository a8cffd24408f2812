// The sign-in interface's strings in Traditional Chinese, one message a line in the order of ../join.ts's KEYS.
export default `你的 Bluesky 帳號代稱
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
或你的伺服器位址，例如 https://bsky.social
登入未完成，請再試一次。
回覆 {name}
寫下你的回覆
寫下你的貼文`;

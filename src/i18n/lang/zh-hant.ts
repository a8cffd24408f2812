// Interface strings in Chinese (Traditional), one message a line in the order of messages.ts's KEYS, then view.ts's.
export default `留言
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
內容警告
引用
使用 Bluesky 登入
# 則貼文
# 則回覆
# 次轉發
# 個讚
在 Bluesky 上查看另外 # 則回覆
再顯示 # 則回覆
# 則引用
繼續查看討論串
關閉
上一張圖片
下一張圖片
第 {n} 張，共 {count} 張
播放影片
引用了這則貼文
排序
熱門
最新
最早
顯示
隱藏
由 {name} 標記
成人內容
性暗示內容
非性裸露
血腥暴力媒體`;

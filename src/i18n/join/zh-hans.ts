// The sign-in interface's strings in Simplified Chinese, one message a line in the order of ../join.ts's KEYS.
export default `你的 Bluesky 用户名
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
或你的服务器地址，例如 https://bsky.social
登录未完成，请重试。
回复 {name}
写下你的回复
写下你的帖子`;

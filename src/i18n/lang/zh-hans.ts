// Interface strings in Chinese (Simplified), one message a line in the order of messages.ts's KEYS.
export default `评论
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
引用
使用 Bluesky 登录
# 条帖子
# 条回复
# 次转发
# 个赞
在 Bluesky 上查看另外 # 条回复
再显示 # 条回复
# 条引用`;

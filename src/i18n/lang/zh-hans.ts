// Interface strings in Chinese (Simplified), one message a line in the order of messages.ts's KEYS, then view.ts's.
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
内容警告
引用
使用 Bluesky 登录
# 条帖子
# 条回复
# 次转发
# 个赞
在 Bluesky 上查看另外 # 条回复
再显示 # 条回复
# 条引用
继续查看帖子串
关闭
上一张图片
下一张图片
第 {n} 张，共 {count} 张
播放视频
引用了这篇帖子
排序
热门
最新
最早
显示
隐藏
由 {name} 标记
成人内容
性暗示内容
非性裸露
血腥暴力媒体`;

// Interface strings in Korean, one message a line in the order of messages.ts's KEYS.
export default `댓글
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
인용
Bluesky로 로그인
게시물 #개
답글 #개
재게시 #회
좋아요 #개
Bluesky에서 답글 #개 더 보기
답글 #개 더 보기
인용 #개`;

// Interface strings in Korean, one message a line in the order of messages.ts's KEYS, then view.ts's.
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
콘텐츠 경고
인용
Bluesky로 로그인
게시물 #개
답글 #개
재게시 #회
좋아요 #개
Bluesky에서 답글 #개 더 보기
답글 #개 더 보기
인용 #개
스레드 이어 보기
닫기
이전 이미지
다음 이미지
이미지 {n}/{count}
동영상 재생
이 게시물을 인용함
정렬
인기순
최신순
오래된순
보기
숨기기
{name}의 라벨
성인 콘텐츠
선정적인 콘텐츠
성적이지 않은 노출
노골적인 미디어`;

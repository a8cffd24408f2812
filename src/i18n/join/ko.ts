// The sign-in interface's strings in Korean, one message a line in the order of ../join.ts's KEYS.
export default `Bluesky 핸들
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
또는 서버 주소(예: https://bsky.social)
로그인을 마치지 못했습니다. 다시 시도하세요.
{name}님에게 답글
답글을 작성하세요
게시물을 작성하세요`;

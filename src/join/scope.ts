// What a signed-in reader grants: the least power that lets them take part. Create posts (not edit
// or delete any), create and delete likes and reposts (unlike, undo), upload an image (the article's
// picture on a post's link card), nothing else in their account (no `transition:generic`). Its own
// module, so that demos and tests name the same scope.

export const SCOPE =
  'atproto repo:app.bsky.feed.post?action=create repo:app.bsky.feed.like?action=create&action=delete repo:app.bsky.feed.repost?action=create&action=delete blob:image/*';

/**
 * What a sign-in asks for: SCOPE, less what the site's client metadata leaves out — a site may grant
 * its readers' sessions less (say, no image upload: link cards then go without the picture), and an
 * authorization server refuses a request for more than the metadata declares.
 */
export const requestedScope = (declared: string | undefined): string => {
  const allowed = new Set(declared?.split(' ').filter(Boolean));
  return SCOPE.split(' ')
    .filter((scope) => !allowed.size || allowed.has(scope))
    .join(' ');
};

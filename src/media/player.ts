// The video player: a post's video plays in place when the reader presses play, never before. A
// chunk of its own. As on bsky.app, hls.js (a chunk of its own too, fetched only at this moment)
// plays it wherever the browser has Media Source Extensions: Chromium also claims to play HLS
// natively, but then shows none of the playlist's captions. Without MSE (older iPhones) the
// playlist is the video's source. Captions come inside Bluesky's playlist (subtitle renditions).

import type { Media } from '../bluesky/model.ts';
import { playable } from './playlist.ts';

type Video = Extract<Media, { kind: 'video' }>;

/**
 * Replaces the poster and `button` (in the video's box) with a playing <video>: controls, the
 * thumbnail as its poster, the alt text as its name. Rejects, before anything changes, when this browser cannot play HLS or the
 * playlist's host is not one a video may come from: the post's link to Bluesky is then the way.
 */
export async function play(button: HTMLElement, url: string, value: Video): Promise<HTMLVideoElement> {
  const playlist = playable(url);
  if (!playlist) throw new Error('not a video host');
  const box = button.parentElement!;
  const video = document.createElement('video');
  video.controls = true;
  video.playsInline = true;
  video.crossOrigin = 'anonymous'; // the captions' WebVTT is read across origins
  if (value.thumb) video.poster = value.thumb;
  if (value.alt) video.setAttribute('aria-label', value.alt);
  if (value.width && value.height) Object.assign(video, { width: value.width, height: value.height });
  if (!('MediaSource' in window || 'ManagedMediaSource' in window)) {
    if (!video.canPlayType('application/vnd.apple.mpegurl')) throw new Error('no HLS');
    video.src = playlist;
  } else {
    const { default: Hls } = await import('hls.js');
    if (!Hls.isSupported()) throw new Error('no HLS');
    // No worker: hls.js would start one from a blob: script, which a strict CSP and Trusted Types refuse.
    const hls = new Hls({ enableWorker: false });
    hls.on(Hls.Events.ERROR, (_event, data) => data.fatal && hls.destroy());
    hls.loadSource(playlist);
    hls.attachMedia(video);
  }
  // The box's own nodes stay (its template may render again); they step aside for the video.
  for (const child of box.children) (child as HTMLElement).hidden = true;
  box.append(video);
  video.focus();
  // Refused or interrupted (the reader paused at once): the controls stay, for the reader to press.
  video.play().catch(() => {});
  return video;
}

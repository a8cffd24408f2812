<?php
/**
 * Plugin Name: discuss-thread
 * Description: [discuss_thread] shows the Bluesky discussion about the current post. Needs WordPress 6.5+.
 * Usage: [discuss_thread] or [discuss_thread post="https://bsky.app/profile/…/post/…" author="you.bsky.social"]
 */
add_shortcode('discuss_thread', function ($atts) {
  $atts = shortcode_atts(['post' => '', 'author' => '', 'sort' => 'top'], $atts, 'discuss_thread');
  wp_enqueue_script_module('discuss-thread', 'https://cdn.jsdelivr.net/npm/discuss-thread@0.1/dist/discuss-thread.js');
  $url = get_permalink();
  return sprintf(
    '<discuss-thread url="%s" post="%s" author="%s" sort="%s" lang="%s"><a href="%s">%s</a></discuss-thread>',
    esc_url($url),
    esc_attr($atts['post']),
    esc_attr($atts['author']),
    esc_attr($atts['sort']),
    esc_attr(get_bloginfo('language')),
    esc_url('https://bsky.app/search?q=' . rawurlencode($url)),
    esc_html__('Discuss on Bluesky')
  );
});

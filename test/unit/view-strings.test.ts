import { describe, expect, it } from 'vitest';
import { LANGUAGES, loadMessages, messages, type Messages } from '../../src/i18n/messages.ts';
import { KEYS, viewMessages } from '../../src/i18n/view.ts';

// The discussion code's own strings: English with the code, every other language in its reading-side
// chunk after the entry's lines.
describe('the discussion code’s strings', () => {
  it.each(LANGUAGES)('%s: has every one, with English’s placeholders', async (lang) => {
    const t = viewMessages(await loadMessages(lang));
    const en = viewMessages(messages('en')!);
    for (const key of KEYS) {
      expect(t[key].trim(), `${lang} ${key}`).not.toBe('');
      expect(t[key].match(/\{\w+\}/g), `${lang} ${key}`).toEqual(en[key].match(/\{\w+\}/g));
      if (lang !== 'en' && !['sortTop'].includes(key)) expect(t[key], `${lang} ${key} is its own`).not.toBe(en[key]);
    }
  });

  it('yield to what the site set in `strings`, and to English for a line a language lacks', () => {
    const en = messages('en')!;
    expect(viewMessages({ ...en, continueThread: 'More of this thread' } as Messages).continueThread).toBe('More of this thread');
    expect(viewMessages({ ...en, rest: ['Weiter'] }).close).toBe('Close');
    expect(viewMessages({ ...en, rest: ['Weiter'] }).continueThread).toBe('Weiter');
  });
});

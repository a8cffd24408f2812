// The interface languages the demo pages offer, each named in itself.
export const LANGUAGES: ReadonlyArray<readonly [tag: string, name: string]> = [
  ['ko', '한국어'],
  ['ja', '日本語'],
  ['zh-Hans', '简体中文'],
  ['zh-Hant', '繁體中文'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['pt-BR', 'Português (Brasil)'],
  ['ru', 'Русский'],
  ['uk', 'Українська'],
];

/** Add an option for each language after the select's own first one. */
export const addLanguages = (select: HTMLSelectElement) => select.append(...LANGUAGES.map(([tag, name]) => new Option(name, tag)));

// The states page: one widget per state, with language and theme switches for all of them.

import '../src/index.ts';
import { addLanguages } from './languages.ts';

const widgets = [...document.querySelectorAll('discuss-thread')];
const lang = document.querySelector<HTMLSelectElement>('#lang')!;
addLanguages(lang);
const theme = document.querySelector<HTMLSelectElement>('#theme')!;

function apply() {
  document.documentElement.lang = lang.value;
  document.documentElement.dataset.theme = theme.value;
  for (const widget of widgets) {
    widget.setAttribute('theme', theme.value);
    widget.setAttribute('lang', lang.value); // the widget reads the document's language only when connected
  }
}

const preset = new URLSearchParams(location.search);
lang.value = preset.get('lang') ?? lang.value;
theme.value = preset.get('theme') ?? theme.value;
apply();

lang.addEventListener('change', apply);
theme.addEventListener('change', apply);

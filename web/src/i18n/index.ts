// t(key) and the current language. The language comes from a saved choice,
// else from navigator.language (zh* -> zh-CN, anything else -> en).
// Elements with data-i18n / data-i18n-title hold keys; translatePage() fills them.
import { en, type StringKey, type Strings } from './en';
import { zhCN } from './zh-CN';

export type Lang = 'en' | 'zh-CN';
export type { StringKey };

/** Shown in the language switch, each in its own language. */
export const LANGUAGES: ReadonlyArray<{ id: Lang; name: string }> = [
  { id: 'en', name: 'English' },
  { id: 'zh-CN', name: '中文' },
];

const TABLES: Record<Lang, Strings> = { en, 'zh-CN': zhCN };
const STORAGE_KEY = 'terrarium.lang';

function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh-CN';
}

function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage can be disabled (privacy settings); fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Lang = initialLanguage();

export function language(): Lang {
  return current;
}

/** Switches language and remembers the choice; callers re-render what they own. */
export function setLanguage(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the switch still applies to this visit.
  }
}

export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  return TABLES[current][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Fills the static strings of the page from the current table. */
export function translatePage(root: Document = document): void {
  root.documentElement.lang = current;
  root.title = t('pageTitle');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n as StringKey);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    el.title = t(el.dataset.i18nTitle as StringKey);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as StringKey));
  }
}

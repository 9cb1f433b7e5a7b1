/** The languages the doctor speaks: English (the default, and the keys) and Simplified Chinese. */
export const UI_LANGUAGES = ['en', 'zh-cn'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The variables that name the language of messages, in the order POSIX gives them precedence (XBD 8.2). */
const MESSAGE_LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** `zh-cn` or `en` for a `--lang` value (any case), undefined for anything else. */
export function parseUiLanguage(value: string): UiLanguage | undefined {
  const lower = value.toLowerCase();
  return UI_LANGUAGES.find((l) => l === lower);
}

/**
 * The language of a locale name: POSIX `language[_territory][.codeset][@modifier]` (`zh_CN.UTF-8`)
 * or a BCP 47 tag (`zh-CN`, `zh-Hans-SG`). Chinese in the Simplified script (zh_CN, zh_SG, zh_Hans…,
 * a bare `zh`) is `zh-cn`; Chinese in the Traditional script (zh_TW, zh_HK, zh_MO, zh_Hant…) is
 * English, as there is no Traditional bundle yet; everything else, `C` and `POSIX` included, is English.
 */
function languageOfLocale(locale: string): UiLanguage {
  const [language, ...rest] = (locale.split(/[.@]/)[0] ?? '').split(/[_-]/).map((part) => part.toLowerCase());
  if (language !== 'zh') return 'en';
  if (rest.includes('hans')) return 'zh-cn';
  if (rest.includes('hant') || rest.some((part) => ['tw', 'hk', 'mo'].includes(part))) return 'en';
  return 'zh-cn';
}

/**
 * The command line's language: `--lang` when given, otherwise the first of LC_ALL, LC_MESSAGES and
 * LANG that is set and not empty decides (so `LC_ALL=C` keeps a `LANG=zh_CN.UTF-8` shell in English);
 * none set is English.
 */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>, flag?: UiLanguage): UiLanguage {
  if (flag) return flag;
  const locale = MESSAGE_LOCALE_VARIABLES.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  return locale === undefined ? 'en' : languageOfLocale(locale);
}

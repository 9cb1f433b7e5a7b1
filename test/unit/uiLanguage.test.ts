import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { languageFromEnv, parseUiLanguage } from '../../src/core/l10n/uiLanguage';

const languageOfLocale = (locale: string) => languageFromEnv({ LANG: locale });

suite('the command line’s language', () => {
  test('Simplified Chinese locales, in POSIX and BCP 47 form, are zh-cn', () => {
    for (const locale of [
      'zh_CN.UTF-8',
      'zh_CN',
      'zh_CN.GB18030',
      'zh_CN.UTF-8@pinyin',
      'zh-CN',
      'zh_SG.UTF-8',
      'zh-SG',
      'zh_Hans',
      'zh_Hans_CN',
      'zh-Hans-HK',
      'zh',
      'zh.UTF-8',
      'ZH_cn.utf8',
    ])
      assert.equal(languageOfLocale(locale), 'zh-cn', locale);
  });

  test('Traditional Chinese locales are English (no Traditional bundle yet), as are C, POSIX and other languages', () => {
    for (const locale of [
      'zh_TW.UTF-8',
      'zh-TW',
      'zh_HK.UTF-8',
      'zh_MO',
      'zh_Hant',
      'zh-Hant-TW',
      'zh_Hant_CN',
      'C',
      'C.UTF-8',
      'POSIX',
      'en_US.UTF-8',
      'fr_FR',
      'ja_JP.UTF-8',
      'zhx',
    ])
      assert.equal(languageOfLocale(locale), 'en', locale);
  });

  test('LC_ALL, then LC_MESSAGES, then LANG: the first that is set and not empty decides', () => {
    const zh = 'zh_CN.UTF-8';
    assert.equal(languageFromEnv({ LANG: zh }), 'zh-cn');
    assert.equal(languageFromEnv({ LC_MESSAGES: zh, LANG: 'en_US.UTF-8' }), 'zh-cn');
    assert.equal(languageFromEnv({ LC_ALL: zh, LC_MESSAGES: 'C', LANG: 'C' }), 'zh-cn');
    assert.equal(languageFromEnv({ LC_ALL: 'C', LANG: zh }), 'en', 'LC_ALL=C keeps a Chinese LANG in English');
    assert.equal(languageFromEnv({ LC_MESSAGES: 'POSIX', LANG: zh }), 'en');
    assert.equal(languageFromEnv({ LC_ALL: 'zh_TW.UTF-8', LANG: zh }), 'en', 'a Traditional LC_ALL decides, even to English');
    assert.equal(languageFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: zh }), 'zh-cn', 'an empty variable is skipped');
    assert.equal(languageFromEnv({ LC_ALL: '', LANG: '' }), 'en');
    assert.equal(languageFromEnv({}), 'en');
    // Other categories do not name the language of messages.
    assert.equal(languageFromEnv({ LC_CTYPE: zh, LC_TIME: zh, LANGUAGE: zh }), 'en');
  });

  test('--lang wins over every variable', () => {
    assert.equal(languageFromEnv({ LC_ALL: 'zh_CN.UTF-8' }, 'en'), 'en');
    assert.equal(languageFromEnv({ LC_ALL: 'C', LANG: 'C' }, 'zh-cn'), 'zh-cn');
    assert.equal(languageFromEnv({}, undefined), 'en');
  });

  test('--lang takes en and zh-cn (in any case) and nothing else', () => {
    assert.equal(parseUiLanguage('en'), 'en');
    assert.equal(parseUiLanguage('zh-cn'), 'zh-cn');
    assert.equal(parseUiLanguage('zh-CN'), 'zh-cn');
    for (const other of ['fr', 'zh', 'zh_CN', 'zh-tw', 'en-US', ''] as const) assert.equal(parseUiLanguage(other), undefined, other);
  });
});

/**
 * The key as a hostile gateway writes it back: plain, JSON-escaped, URL-encoded, as HTML character
 * references, and without its `sk-` prefix. (The sandbox's `echo-token` scenario; the doctor must
 * redact every one of them.)
 */
export function tokenEchoes(key: string): string[] {
  return [
    key,
    key.replace('-', '\\u002d'),
    encodeURIComponent(key).replace(/[A-Za-z]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
    key
      .split('')
      .map((c) => `&#${c.charCodeAt(0)};`)
      .join(''),
    key.replace(/^sk-/, ''),
  ];
}

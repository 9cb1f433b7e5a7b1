/**
 * C0 and C1 control characters, DEL, and the Unicode direction marks, embeddings, overrides and
 * isolates: what lets a text move the cursor, set a window title, plant a hyperlink, overwrite a
 * line (a bare carriage return) or reorder what a reader sees.
 */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|\n/g;

const escaped = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Text from outside (a gateway, a config file, a model id) made safe to show: every control or
 * direction character becomes a visible escape such as `\x1b`; line breaks become spaces unless
 * `keepLines` (then they stay, and a bare carriage return is still escaped).
 */
export function visibleText(text: string, keepLines = false): string {
  const lines = text.replace(LINE_BREAKS, keepLines ? '\n' : ' ').replace(/\t/g, ' ');
  return lines.replace(HIDDEN, escaped);
}

/** What JSON.stringify leaves raw of HIDDEN (it escapes C0 itself): DEL, C1 and the direction characters. */
const HIDDEN_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for a terminal: the same value after parsing, but with every character a terminal acts on
 * written as a `\uXXXX` escape (they can only occur inside strings, where an escape means the same).
 */
export function visibleJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(HIDDEN_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

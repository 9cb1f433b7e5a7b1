/**
 * The one error the SQLite reader throws for a file it cannot make sense of: not SQLite, damaged,
 * cut short, or using something this reader does not (a WITHOUT ROWID table). The message says
 * what, in words, and never quotes the file's content.
 */
export class UnreadableDatabase extends Error {
  override name = 'UnreadableDatabase';
}

export type PromptAnswer = { kind: 'answer'; value: string } | { kind: 'cancelled' } | { kind: 'end' };

/**
 * Asks for a secret on a TTY without echoing it. Ctrl-C (or the signal, e.g. SIGINT) cancels at
 * once; Ctrl-D or the end of input ends without an answer.
 */
export function promptHidden(question: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream, signal?: AbortSignal): Promise<PromptAnswer> {
  return new Promise((resolve) => {
    let value = '';
    output.write(question);
    const wasRaw = input.isRaw;
    input.setRawMode?.(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (answer: PromptAnswer) => {
      input.off('data', onData);
      input.off('end', onEnd);
      signal?.removeEventListener('abort', onAbort);
      input.setRawMode?.(wasRaw ?? false);
      input.pause();
      output.write('\n');
      resolve(answer);
    };
    const onAbort = () => finish({ kind: 'cancelled' });
    const onEnd = () => finish({ kind: 'end' });
    const onData = (text: string) => {
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') return finish({ kind: 'answer', value });
        if (ch === '\u0003') return finish({ kind: 'cancelled' });
        if (ch === '\u0004') return finish({ kind: 'end' });
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    input.on('data', onData);
    input.once('end', onEnd);
  });
}

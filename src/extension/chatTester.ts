import * as vscode from 'vscode';
import type { ChatTestView } from '../core/protocol/panelProtocol';
import { redact } from '../core/redact';
import type { Secret } from '../core/secret';
import { loadEngine } from './engineLoader';
import type { DoctorLog } from './log';

/**
 * "Test in VS Code chat": one tiny request through VS Code's own language-model API, to the Custom
 * Endpoint model the user configured, with the key VS Code holds for it (the doctor never reads
 * that key; clients-logs-pricing.md §1.4, §5). It proves what the doctor's own checks cannot: that
 * VS Code's chat, as configured, reaches Crazyrouter.
 *
 * Copilot's Custom Endpoint models are vendor `customendpoint` (`customoai` for the older OpenAI
 * Compatible provider), with `id` and `family` both the configured model id (microsoft/vscode
 * extensions/copilot/src/extension/byok/common/byokProvider.ts byokKnownModelToAPIInfo @9edad1cc).
 */
const VENDORS = ['customendpoint', 'customoai'] as const;
const PROMPT = 'Reply with the single word OK.';
/** Enough to show what came back; the rest is not read (the request is cancelled). */
const ANSWER_LIMIT = 300;

/** Asks, in a modal, whether to send the request through `model`. */
export type ConfirmChatTest = (model: vscode.LanguageModelChat) => Promise<boolean>;
/** Picks one of several configured models (a quick pick). */
export type PickChatModel = (models: readonly vscode.LanguageModelChat[]) => Promise<vscode.LanguageModelChat | undefined>;

const confirmInModal: ConfirmChatTest = async (model) => {
  const send = vscode.l10n.t('Send the test request');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Send one short request through VS Code chat’s “{model}”?', { model: model.name }),
    {
      modal: true,
      detail: vscode.l10n.t(
        'It goes where chatLanguageModels.json sends this model, with the key VS Code keeps for it (the doctor never sees that key). It asks for one word, so it costs a few tokens.',
      ),
    },
    send,
  );
  return answer === send;
};

const pickInQuickPick: PickChatModel = async (models) =>
  (
    await vscode.window.showQuickPick(
      models.map((model) => ({ label: model.name, description: `${model.vendor} · ${model.id}`, model })),
      { title: vscode.l10n.t('Test which VS Code chat model?'), placeHolder: vscode.l10n.t('Custom Endpoint models VS Code offers') },
    )
  )?.model;

export class ChatTester {
  /** How the user is asked, and how a model is picked (tests replace them). */
  confirm: ConfirmChatTest = confirmInModal;
  pick: PickChatModel = pickInQuickPick;

  constructor(private readonly log: DoctorLog) {}

  /**
   * Tests a model VS Code offers: the first of `preferred` (the models being checked) that is
   * configured, else the only one, else the one the user picks.
   */
  async test(preferred: readonly string[], timeoutMs: number, secret?: Secret): Promise<ChatTestView> {
    const at = new Date().toISOString();
    const models = (await Promise.all(VENDORS.map((vendor) => vscode.lm.selectChatModels({ vendor })))).flat();
    if (models.length === 0) return { at, outcome: 'unavailable', ...noModels() };
    const model =
      preferred.map((id) => models.find((m) => m.id === id || m.family === id)).find((m) => m !== undefined) ??
      (models.length === 1 ? models[0] : await this.pick(models));
    if (!model) return { at, outcome: 'not-sent', problem: vscode.l10n.t('No model was picked; nothing was sent.') };
    const named = { model: model.id, modelName: model.name };
    if (!(await this.confirm(model))) return { at, outcome: 'not-sent', ...named, problem: vscode.l10n.t('Nothing was sent.') };
    const clean = (text: string) => redact(text, secret);
    const cancel = new vscode.CancellationTokenSource();
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), cancel.cancel()), timeoutMs);
    const started = performance.now();
    try {
      const response = await model.sendRequest(
        [vscode.LanguageModelChatMessage.User(PROMPT)],
        { justification: vscode.l10n.t('Crazyrouter Doctor checks that VS Code chat reaches Crazyrouter with the key VS Code holds.') },
        cancel.token,
      );
      let answer = '';
      let firstMs: number | undefined;
      for await (const part of response.text) {
        firstMs ??= Math.round(performance.now() - started);
        answer += part;
        if (answer.length >= ANSWER_LIMIT) {
          cancel.cancel();
          break;
        }
      }
      if (timedOut) throw new TimedOut(timeoutMs);
      const latencyMs = Math.round(performance.now() - started);
      this.log.info(`VS Code chat test: ${model.vendor}/${model.id} answered in ${latencyMs} ms.`);
      return { at, outcome: 'answered', ...named, latencyMs, firstTokenMs: firstMs, answer: clean(answer.slice(0, ANSWER_LIMIT).trim()) };
    } catch (error) {
      const latencyMs = Math.round(performance.now() - started);
      const failed = this.failure(timedOut ? new TimedOut(timeoutMs) : error, clean);
      this.log.warn(`VS Code chat test: ${model.vendor}/${model.id} failed after ${latencyMs} ms: ${failed.message ?? failed.problem}`);
      return { at, outcome: 'failed', ...named, latencyMs, ...failed };
    } finally {
      clearTimeout(timer);
      cancel.dispose();
    }
  }

  /** What went wrong, in the user's terms: VS Code's own refusals by code, the gateway's by its message. */
  private failure(error: unknown, clean: (text: string) => string): Omit<ChatTestView, 'at' | 'outcome'> {
    if (error instanceof TimedOut)
      return {
        problem: vscode.l10n.t('No answer within {seconds} s.', { seconds: Math.round(error.ms / 1000) }),
        fix: vscode.l10n.t('Run the checks with the same token: they time each step on its own.'),
      };
    const message = clean(error instanceof Error ? error.message : String(error));
    if (error instanceof vscode.LanguageModelError) {
      const refusal = refusals()[error.code];
      if (refusal) return { message, ...refusal };
    }
    const d = loadEngine().diagnoseChatError(message);
    return { message, problem: d.cause, fix: d.fix, symptom: d.symptom, rowId: d.rowId, requestId: d.requestId };
  }
}

class TimedOut extends Error {
  constructor(readonly ms: number) {
    super('timed out');
  }
}

const noModels = () => ({
  problem: vscode.l10n.t('VS Code offers no Custom Endpoint model to extensions.'),
  fix: vscode.l10n.t(
    'Add Crazyrouter to VS Code chat, then enter the token in Chat: Manage Language Models. Custom Endpoint models need GitHub Copilot Chat and VS Code 1.122 or later, and your Copilot plan must allow your own keys.',
  ),
});

/** VS Code's own refusals (vscode.d.ts LanguageModelError codes): none of them is about Crazyrouter. */
const refusals = (): Record<string, { problem: string; fix: string }> => ({
  NoPermissions: {
    problem: vscode.l10n.t('VS Code did not let the doctor use this chat model.'),
    fix: vscode.l10n.t('Test again and allow the doctor when VS Code asks; it can be changed under Manage Language Model Access in the Accounts menu.'),
  },
  Blocked: {
    problem: vscode.l10n.t('VS Code blocked the request (a request limit of VS Code’s, not of Crazyrouter).'),
    fix: vscode.l10n.t('Wait a minute and test again.'),
  },
  NotFound: { problem: vscode.l10n.t('The model went away while the test started.'), fix: vscode.l10n.t('Check chatLanguageModels.json and test again.') },
});

/** The outcome in one line, for a notification (the panel shows it in full). */
export function describeChatTest(test: ChatTestView): string {
  const model = test.modelName ? `“${test.modelName}”` : vscode.l10n.t('VS Code chat');
  if (test.outcome === 'answered')
    return vscode.l10n.t('{model} answered through VS Code chat in {ms} ms: “{answer}”.', { model, ms: test.latencyMs ?? 0, answer: test.answer ?? '' });
  const id = test.requestId ? vscode.l10n.t('Request id: {requestId}.', { requestId: test.requestId }) : '';
  const failed = test.outcome === 'failed' ? vscode.l10n.t('{model} failed: {problem}', { model, problem: test.message || test.problem || '' }) : test.problem;
  return [failed, test.fix, id].filter(Boolean).join(' ');
}

import * as vscode from 'vscode';
import { CLIENT_IDS, CLIENTS, type ClientId } from '../core/clients/clients';
import { PROFILE_LIMITS } from '../core/profileLimits';
import type { Report } from '../core/report/report';
import { httpOrigin } from '../core/urls';
import type { DoctorRunner } from './doctorRunner';
import { loadEngine } from './engineLoader';
import { readSettings } from './settings';
import type { TokenStore } from './tokenStore';

/** What a model passes: the client, and optionally the models and what the user typed in the client's URL field. */
export interface DoctorToolInput {
  client: ClientId;
  models?: string[];
  typedUrl?: string;
}

type Values = { client: string; origin: string; bound: string };

/**
 * The tool's words, whole sentences with `{placeholders}`: what the user reads (the confirmation,
 * the progress line, the missing token) in VS Code's display language; what only the model reads
 * (a malformed input) in English.
 */
const SAY = {
  running: (v: Values) => vscode.l10n.t('Checking the Crazyrouter setup for {client} against {origin}', v),
  title: () => vscode.l10n.t('Run Crazyrouter Doctor?'),
  confirm: (v: Values) =>
    vscode.l10n.t(
      'Crazyrouter Doctor will check the setup for {client} against **{origin}** with the token stored in VS Code. Each model checked costs at most 16 completion tokens. The token is never shown to the model; it gets the redacted report.',
      v,
    ),
  confirmOtherOrigin: (v: Values) =>
    vscode.l10n.t(
      'Crazyrouter Doctor will check the setup for {client} against **{origin}**. Your token was saved for **{bound}**: before it is sent to {origin} you will be asked separately, and nothing is sent if you say no.',
      v,
    ),
  confirmNoToken: () => vscode.l10n.t('No Crazyrouter token is stored in VS Code yet, so nothing can be checked: run “Crazyrouter: Save Token” first.'),
  badClient: (clients: string) => `The input needs "client", one of: ${clients}.`,
  badModels: (max: number) => `The input's "models" must be a list of at most ${max} model names.`,
  badTypedUrl: 'The input\'s "typedUrl" must be the text the user typed in the client’s URL field.',
  noToken: () =>
    vscode.l10n.t(
      'No Crazyrouter token is stored in VS Code. Ask the user to run the command “Crazyrouter: Save Token” (or open “Crazyrouter: Verify Setup”), then call this tool again. Never ask them to paste the token into the chat.',
    ),
};

/** Checks a model's input against the tool's schema (VS Code does not promise to), in words a model can act on. */
function validInput(input: unknown): DoctorToolInput {
  const value = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (!(CLIENT_IDS as readonly unknown[]).includes(value.client)) throw new Error(SAY.badClient(CLIENT_IDS.join(', ')));
  const models = value.models;
  if (models !== undefined && !(Array.isArray(models) && models.length <= PROFILE_LIMITS.maxModels && models.every((m) => typeof m === 'string' && m.trim())))
    throw new Error(SAY.badModels(PROFILE_LIMITS.maxModels));
  if (value.typedUrl !== undefined && (typeof value.typedUrl !== 'string' || value.typedUrl.length > 8_192)) throw new Error(SAY.badTypedUrl);
  return { client: value.client as ClientId, models: models as string[] | undefined, typedUrl: value.typedUrl };
}

/**
 * The language-model tool: runs the doctor for the stored token and the chosen client against the
 * base URL of the user's settings (a model cannot choose where the token goes), and returns the
 * redacted Markdown report. VS Code asks for confirmation with a message that names the gateway's
 * origin; a token bound to another origin still goes through the runner's own modal. The engine
 * loads only when the tool runs.
 */
export class DoctorTool implements vscode.LanguageModelTool<DoctorToolInput> {
  constructor(
    private readonly runner: DoctorRunner,
    private readonly tokens: TokenStore,
    private readonly onReport: (report: Report) => void,
  ) {}

  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<DoctorToolInput>): Promise<vscode.PreparedToolInvocation> {
    const input = validInput(options.input);
    const origin = httpOrigin(readSettings().baseUrl) ?? readSettings().baseUrl;
    const bound = await this.tokens.origin();
    const values = { client: CLIENTS[input.client].name, origin, bound: bound ?? '' };
    const message = !bound ? SAY.confirmNoToken() : bound === origin ? SAY.confirm(values) : SAY.confirmOtherOrigin(values);
    const markdown = new vscode.MarkdownString(message);
    markdown.isTrusted = false;
    return {
      invocationMessage: SAY.running(values),
      confirmationMessages: { title: SAY.title(), message: markdown },
    };
  }

  async invoke(
    options: vscode.LanguageModelToolInvocationOptions<DoctorToolInput>,
    cancellation: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const input = validInput(options.input);
    if (!(await this.tokens.has())) throw new Error(SAY.noToken());
    const settings = readSettings();
    const abort = new AbortController();
    const listener = cancellation.onCancellationRequested(() => abort.abort());
    try {
      const outcome = await this.runner.run(
        {
          baseUrl: settings.baseUrl,
          client: input.client,
          models: input.models?.map((m) => m.trim()) ?? settings.models,
          timeoutMs: settings.timeoutMs,
          mode: 'full',
          demo: false,
          interactive: true,
          typedUrl: input.typedUrl,
        },
        abort.signal,
      );
      if (!outcome.ok) throw new Error(outcome.reason);
      this.onReport(outcome.report);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(loadEngine().renderMarkdown(outcome.report))]);
    } finally {
      listener.dispose();
    }
  }
}

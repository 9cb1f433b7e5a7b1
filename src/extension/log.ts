import * as vscode from 'vscode';
import { redact } from '../core/redact';
import type { Secret } from '../core/secret';

/**
 * The "Crazyrouter" log channel, created on first use. Every line passes through `redact` with the
 * current token, so nothing written here can show it.
 */
export class DoctorLog implements vscode.Disposable {
  private channel?: vscode.LogOutputChannel;
  private secret?: Secret;

  setSecret(secret: Secret | undefined): void {
    this.secret = secret;
  }

  private get out(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('Crazyrouter', { log: true });
    return this.channel;
  }

  info(message: string): void {
    this.out.info(redact(message, this.secret));
  }

  warn(message: string): void {
    this.out.warn(redact(message, this.secret));
  }

  error(message: string): void {
    this.out.error(redact(message, this.secret));
  }

  debug(message: string): void {
    this.out.debug(redact(message, this.secret));
  }

  show(): void {
    this.out.show(true);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}

import * as l10n from '@vscode/l10n';
import { tokenProblemText, UNSENDABLE } from '../tokenLint';
import type { CheckDefinition } from './checkTypes';

/** Problems in the pasted token, found without sending anything. */
export const tokenCheck: CheckDefinition = {
  id: 'token',
  kind: 'token',
  get title() {
    return l10n.t('Token format');
  },
  needs: [],
  gatedBy: [],
  sendsToken: false,
  async run({ profile }) {
    const problems = profile.tokenLint.problems;
    if (problems.length === 0) return { status: 'pass', summary: l10n.t('The token is a clean sk-... value.') };
    const details = problems.map(tokenProblemText);
    if (problems.includes('empty')) return { status: 'fail', symptom: 'token.malformed', summary: l10n.t('No token was given.'), details };
    if (problems.some((p) => UNSENDABLE.includes(p))) {
      return {
        status: 'fail',
        symptom: 'token.malformed',
        summary: l10n.t('The token cannot be sent as it is: it has characters no HTTP header may carry. Nothing was sent with it.'),
        details: [...details, l10n.t('Copy the raw sk-... value from the Crazyrouter dashboard and paste it again.')],
      };
    }
    return {
      status: 'warn',
      symptom: 'token.malformed',
      summary: l10n.t('The token as pasted would be rejected by most clients; the doctor continues with the cleaned value.'),
      details: [...details, l10n.t('Paste the raw sk-... value into your client again.')],
    };
  },
};

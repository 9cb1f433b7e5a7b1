import { TOKEN_PROBLEM_TEXT, UNSENDABLE } from '../tokenLint';
import type { CheckDefinition } from './checkTypes';

/** Problems in the pasted token, found without sending anything. */
export const tokenCheck: CheckDefinition = {
  id: 'token',
  kind: 'token',
  title: 'Token format',
  needs: [],
  gatedBy: [],
  sendsToken: false,
  async run({ profile }) {
    const problems = profile.tokenLint.problems;
    if (problems.length === 0) return { status: 'pass', summary: 'The token is a clean sk-... value.' };
    const details = problems.map((p) => TOKEN_PROBLEM_TEXT[p]);
    if (problems.includes('empty')) return { status: 'fail', symptom: 'token.malformed', summary: 'No token was given.', details };
    if (problems.some((p) => UNSENDABLE.includes(p))) {
      return {
        status: 'fail',
        symptom: 'token.malformed',
        summary: 'The token cannot be sent as it is: it has characters no HTTP header may carry. Nothing was sent with it.',
        details: [...details, 'Copy the raw sk-... value from the Crazyrouter dashboard and paste it again.'],
      };
    }
    return {
      status: 'warn',
      symptom: 'token.malformed',
      summary: 'The token as pasted would be rejected by most clients; the doctor continues with the cleaned value.',
      details: [...details, 'Paste the raw sk-... value into your client again.'],
    };
  },
};

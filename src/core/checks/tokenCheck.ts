import { TOKEN_PROBLEM_TEXT } from '../tokenLint';
import type { CheckDefinition } from './checkTypes';

/** Problems in the pasted token, found without sending anything. */
export const tokenCheck: CheckDefinition = {
  id: 'token',
  kind: 'token',
  title: 'Token format',
  needs: [],
  gatedBy: [],
  async run({ profile }) {
    const problems = profile.tokenLint.problems;
    if (problems.length === 0) return { status: 'pass', summary: 'The token is a clean sk-... value.' };
    const details = problems.map((p) => TOKEN_PROBLEM_TEXT[p]);
    if (problems.includes('empty')) return { status: 'fail', symptom: 'token.malformed', summary: 'No token was given.', details };
    return {
      status: 'warn',
      symptom: 'token.malformed',
      summary: 'The token as pasted would be rejected by most clients; the doctor continues with the cleaned value.',
      details: [...details, 'Paste the raw sk-... value into your client again.'],
    };
  },
};

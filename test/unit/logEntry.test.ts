import assert from 'node:assert/strict';
import { test } from 'mocha';
import { readEntries } from '../../src/core/gatewayLog/logEntry';

// An entry as new-api's GET /api/log/token writes it (model/log.go `type Log`), extra fields included.
const GOOD = {
  id: 3,
  user_id: 1,
  created_at: 1_796_245_450,
  type: 2,
  content: '',
  username: 'someone',
  token_name: 'cursor',
  model_name: 'gpt-5.4',
  quota: 56,
  prompt_tokens: 10,
  completion_tokens: 12,
  use_time: 1,
  is_stream: true,
  channel: 1,
  group: 'default',
  ip: '203.0.113.7',
  request_id: 'req-1',
  other: '{"a":1}',
};

test('a log entry is read field by field; the fields the doctor reads must have their type, others may be anything', () => {
  const { entries, unreadable } = readEntries([GOOD, { created_at: 1_796_245_451, type: 5 }]);
  assert.equal(unreadable, 0);
  assert.deepEqual(entries[0], {
    id: 3,
    at: 1_796_245_450_000,
    type: 2,
    model: 'gpt-5.4',
    quota: 56,
    promptTokens: 10,
    completionTokens: 12,
    group: 'default',
    ip: '203.0.113.7',
    requestId: 'req-1',
  });
  assert.deepEqual(entries[1], {
    id: undefined,
    at: 1_796_245_451_000,
    type: 5,
    model: '',
    quota: 0,
    promptTokens: 0,
    completionTokens: 0,
    group: undefined,
    ip: undefined,
    requestId: undefined,
  });
});

test('an entry with a read field of the wrong type, without created_at or type, or not an object is counted unreadable, never guessed at', () => {
  const wrong: Record<string, unknown> = {
    id: '3',
    created_at: '1796245450',
    type: null,
    model_name: 5,
    quota: '56',
    prompt_tokens: null,
    completion_tokens: [],
    use_time: {},
    is_stream: 'true',
    group: 1,
    ip: false,
    request_id: 7,
    token_name: 0,
    content: null,
  };
  const bad = [
    ...Object.entries(wrong).map(([field, value]) => ({ ...GOOD, [field]: value })),
    { ...GOOD, created_at: undefined },
    { ...GOOD, type: undefined },
    { ...GOOD, created_at: 0 },
    { ...GOOD, created_at: -5 },
    null,
    'entry',
    42,
    [GOOD],
  ];
  const { entries, unreadable } = readEntries(bad);
  assert.equal(entries.length, 0, JSON.stringify(entries));
  assert.equal(unreadable, bad.length);
});

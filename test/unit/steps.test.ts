// A delivery as a protocol of steps (SPEC 14), with the exchange replaced by canned answers: each
// step is made from what the steps before it read, retried on its own, named when it fails; a
// credential it reads is handed to the masker before its answer is reported.
import { describe, expect, it } from '@jest/globals';
import { deliver, type AttemptReport, type DeliveryJob } from '../../src/deliver/deliver.js';
import type { HttpAnswer, OutgoingRequest } from '../../src/net/exchange.js';
import type { RequestStep } from '../../src/render/request.js';

const answer = (status: number, body: unknown): HttpAnswer => ({
  status,
  statusText: '',
  headers: {},
  body: JSON.stringify(body),
  bodyBytes: 0
});

/** A step that posts to `/name` with the values it was given, and reads `gives` from its answer. */
function step(name: string, gives: Record<string, 'secret' | 'public'> = {}): RequestStep {
  return {
    name,
    gives,
    request: values => {
      const url = `http://127.0.0.1/${name}?${new URLSearchParams(values as Record<string, string>)}`;
      return { method: 'POST', url, headers: [], shown: { method: 'POST', url, headers: [] } };
    },
    values: reply => JSON.parse(reply.body) as Record<string, string>,
    answers: { messageId: reply => (JSON.parse(reply.body) as { id?: string }).id ?? null }
  };
}

function job(steps: RequestStep[], retries = 2): DeliveryJob {
  return {
    name: 'three',
    id: 'id',
    steps,
    timeoutMs: 1000,
    policy: { retries, baseDelayMs: 1, maxDelayMs: 1, retryAfterCapMs: 10, random: () => 0 }
  };
}

async function run(steps: RequestStep[], replies: HttpAnswer[]) {
  const sent: OutgoingRequest[] = [];
  const reports: AttemptReport[] = [];
  const protectedValues: string[] = [];
  const outcome = await deliver(job(steps), {
    send: async request => {
      sent.push(request);
      return replies.shift()!;
    },
    sleep: async () => undefined,
    now: () => 0,
    onAttempt: report => reports.push(report),
    protect: value => protectedValues.push(value)
  });
  return { outcome, sent, reports, protectedValues };
}

describe('a protocol of three steps', () => {
  const steps = () => [
    step('session', { token: 'secret' }),
    step('lookup', { place: 'public' }),
    step('post')
  ];

  it('makes each request from what the earlier steps read; the last gives the message id', async () => {
    const { outcome, sent, protectedValues, reports } = await run(steps(), [
      answer(200, { token: 'tok-123' }),
      answer(200, { place: 'p9' }),
      answer(200, { id: 'm1' })
    ]);
    expect(outcome).toMatchObject({ ok: true, attempts: 3, messageId: 'm1', error: null });
    expect(sent.map(request => request.url)).toEqual([
      'http://127.0.0.1/session?',
      'http://127.0.0.1/lookup?token=tok-123',
      'http://127.0.0.1/post?token=tok-123&place=p9'
    ]);
    expect(protectedValues).toEqual(['tok-123']);
    // The answer that gave a credential is reported without its body.
    expect(reports.map(report => [report.step, report.bodyExcerpt === undefined])).toEqual([
      ['session', true],
      ['lookup', false],
      ['post', false]
    ]);
  });

  it('retries a step on its own and names the step that fails; the steps after it are not made', async () => {
    const { outcome, sent } = await run(steps(), [
      answer(200, { token: 't' }),
      answer(503, {}),
      answer(503, {}),
      answer(404, { message: 'no such place' })
    ]);
    expect(sent.map(request => new URL(request.url).pathname)).toEqual([
      '/session',
      '/lookup',
      '/lookup',
      '/lookup'
    ]);
    expect(outcome).toMatchObject({ ok: false, attempts: 4, messageId: null });
    expect(outcome.error).toBe('lookup (step 2 of 3): 404 Not Found (not retried): no such place');
  });

  it('a webhook of one request is a protocol of one step, its failure not named', async () => {
    const { outcome } = await run([step('')], [answer(400, { message: 'bad' })]);
    expect(outcome.error).toBe('400 Bad Request (not retried): bad');
  });
});

// 100 deliveries against a server that fails a seeded ~30 % of attempts with mixed faults.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverAll, type DeliveryJob } from '../../src/deliver/deliver.js';
import { DELIVERY_KEEP_BYTES, exchange } from '../../src/net/exchange.js';
import { seededRandom } from '../support/seeded-random.js';

type Fault = 'ok' | '503' | '429' | '500' | 'reset' | 'hang' | '410';
const random = seededRandom(20261127);
const attemptsById = new Map<string, Fault[]>();
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const id = String(req.headers['webhook-id']);
    const roll = random();
    const fault: Fault =
      roll >= 0.3
        ? 'ok'
        : (['503', '429', '500', 'reset', 'hang', '410'] as const)[Math.floor((roll / 0.3) * 6)];
    attemptsById.set(id, [...(attemptsById.get(id) ?? []), fault]);
    req.resume();
    if (fault === 'ok') res.writeHead(200).end();
    else if (fault === 'reset') res.socket?.resetAndDestroy();
    else if (fault === 'hang') return;
    else res.writeHead(Number(fault), fault === '429' ? { 'Retry-After': '0' } : {}).end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

describe('chaos', () => {
  it('every webhook ends delivered or reported failed; none is lost or sent more often than its retries allow', async () => {
    const retries = 3;
    const jobs: DeliveryJob[] = Array.from({ length: 100 }, (_, i) => ({
      name: `hook ${i}`,
      id: `id-${i}`,
      steps: [
        {
          name: '',
          gives: {},
          request: () => ({
            method: 'POST',
            url: `${url}/hook/${i}`,
            headers: [['Content-Type', 'application/json']],
            body: `{"i":${i}}`,
            shown: { method: 'POST', url: `${url}/hook/${i}`, headers: [] }
          })
        }
      ],
      timeoutMs: 300,
      policy: {
        retries,
        baseDelayMs: 5,
        maxDelayMs: 20,
        retryAfterCapMs: 1000,
        random: seededRandom(i)
      }
    }));
    const outcomes = await deliverAll(jobs, 16, {
      send: (request, timeoutMs) =>
        exchange(request, { timeoutMs, keepBytes: DELIVERY_KEEP_BYTES }),
      sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
      now: () => Date.now()
    });

    expect(outcomes).toHaveLength(100);
    expect(new Set(outcomes.map(o => o.deliveryId)).size).toBe(100);
    for (const outcome of outcomes) {
      const seen = attemptsById.get(outcome.deliveryId) ?? [];
      expect(seen.length).toBe(outcome.attempts);
      expect(seen.length).toBeGreaterThanOrEqual(1);
      expect(seen.length).toBeLessThanOrEqual(retries + 1);
      const last = seen[seen.length - 1];
      if (outcome.ok) {
        expect(last).toBe('ok');
        expect(outcome.status).toBe(200);
      } else {
        expect(last).not.toBe('ok');
        expect(outcome.error).toBeTruthy();
        if (last === '410') expect(outcome.error).toBe('410 Gone (not retried)');
        else expect(outcome.attempts).toBe(retries + 1);
      }
      // Only a final answer ends a delivery early; everything before it was a retryable fault.
      expect(seen.slice(0, -1).every(f => f !== 'ok' && f !== '410')).toBe(true);
    }
    const faults = [...attemptsById.values()].flat();
    expect(attemptsById.size).toBe(100);
    expect(faults.filter(f => f !== 'ok').length / faults.length).toBeGreaterThan(0.2);
    expect(outcomes.filter(o => o.ok).length).toBeGreaterThan(90);
  });
});

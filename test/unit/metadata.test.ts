import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

describe('action.yml', () => {
  it('runs on node24 from the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('is ready for the Marketplace: a description within 125 characters, and branding', () => {
    const metadata = action as unknown as {
      description: string;
      branding: { icon: string; color: string };
    };
    expect(metadata.description.length).toBeLessThanOrEqual(125);
    expect(metadata.branding.icon).toBeTruthy();
    expect(metadata.branding.color).toBeTruthy();
  });
});

describe('action.yml', () => {
  it.each(Object.entries(action.inputs))(
    'input %s has a description and a string default if any',
    (_name, input) => {
      const { description, default: fallback } = input as {
        description?: string;
        default?: unknown;
      };
      expect(typeof description).toBe('string');
      expect((description ?? '').length).toBeGreaterThan(10);
      if (fallback !== undefined) expect(typeof fallback).toBe('string');
    }
  );

  it('outputs have descriptions', () => {
    for (const output of Object.values(action.outputs))
      expect((output as { description?: string }).description).toBeTruthy();
  });
});

describe('the reusable workflow mirrors the action', () => {
  const workflow = parse(readFileSync('.github/workflows/release-webhooks.yml', 'utf8')) as {
    on: { workflow_call: { inputs: Record<string, unknown>; outputs: Record<string, unknown> } };
    jobs: { webhooks: { steps: Array<{ uses?: string; with?: Record<string, string> }> } };
  };
  const call = workflow.on.workflow_call;
  const step = workflow.jobs.webhooks.steps.find(s => s.uses === './.release-webhooks-action');
  const fromSecrets = ['secrets', 'github-token', 'patchkit-app-secret', 'patchkit-api-key'];

  it.each(Object.keys(action.inputs))('passes input %s to the action', name => {
    expect(step?.with?.[name]).toBeDefined();
    if (!fromSecrets.includes(name)) {
      expect(call.inputs[name]).toBeDefined();
      expect(step?.with?.[name]).toBe(`\${{ inputs.${name} }}`);
    }
  });

  it('exposes every output', () => {
    expect(Object.keys(call.outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

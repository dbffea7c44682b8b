// The pure heart shared by the action and the CLI: which webhooks fire, and what each would send.
import type { WebhookDefinition, WebhooksConfig } from './config/types.js';
import { withSampleValues, withSecretPlaceholders } from './context/samples.js';
import type { VersionContext } from './context/types.js';
import type { EventName } from './events.js';
import { UserError, type Problem } from './problems.js';
import { readsVersionLabel } from './render/reads.js';
import { RenderBudget } from './render/budget.js';
import { renderAll, type RenderOutcome } from './render/request.js';

/** `dry-run` renders and sends nothing; `send` delivers with sample values (the Panel's Test). */
export type TestMode = 'off' | 'dry-run' | 'send';

export interface PlannedWebhook {
  definition: WebhookDefinition;
  outcome: RenderOutcome;
}

export interface PlanOptions {
  event: EventName;
  only: string[];
  test: TestMode;
  userAgent: string;
  /** How the front end names its settings in errors (`input only`, `--only`). */
  settingNames?: SettingNames;
  /** What a dry run knows of the repository's secrets (default: nothing). */
  secretAccess?: SecretAccess;
  /** Filled with the names of the secrets a dry run read without having them. */
  missingSecrets?: Set<string>;
  /** Filled with every rendered value that read a secret. */
  secretDerived?: Set<string>;
  /** The `github-token` input: the credential of destinations on GitHub itself. */
  githubToken?: string;
}

/**
 * What a dry run knows of the repository's secrets (SPEC §6): `known`, the `secrets` input holds
 * them, and a name it lacks is an error as on a release; `unavailable` (a fork's pull request,
 * Dependabot, only `github_token`) and `not-given` (no `secrets` input): a secret renders as its
 * `***NAME***` placeholder.
 */
export type SecretAccess = 'known' | 'unavailable' | 'not-given';

export interface SettingNames {
  only: string;
  versionLabel: string;
}

const ACTION_SETTINGS: SettingNames = {
  only: 'input only',
  versionLabel: 'input version-label'
};

export function selectWebhooks(
  config: WebhooksConfig,
  event: EventName,
  only: string[],
  onlySetting = ACTION_SETTINGS.only
): WebhookDefinition[] {
  const unknown = only.filter(name => !config.webhooks.some(w => w.name === name));
  if (unknown.length > 0) {
    const known = config.webhooks.map(w => `"${w.name}"`).join(', ');
    throw new UserError([
      {
        field: onlySetting,
        message: `no webhook named ${unknown.map(n => `"${n}"`).join(', ')} in ${config.file} (webhooks: ${known})`
      }
    ]);
  }
  return config.webhooks.filter(
    webhook => webhook.events.includes(event) && (only.length === 0 || only.includes(webhook.name))
  );
}

/**
 * A real delivery that would announce no version: a branch or a pull request's ref is never a
 * label (SPEC §3), so a webhook that sends `version.label` needs the input or a tag.
 */
function unlabelled(
  webhook: WebhookDefinition,
  context: VersionContext,
  test: TestMode,
  names: SettingNames
): RenderOutcome | undefined {
  if (test !== 'off' || context.version.label !== '' || !readsVersionLabel(webhook))
    return undefined;
  return {
    kind: 'failed',
    problems: [
      {
        field: names.versionLabel,
        webhook: webhook.name,
        message:
          'no version label: set it, run on a tag, or read a release (a branch or pull request ref is never a label)'
      }
    ]
  };
}

/** The context templates see in each mode: test modes fill gaps with sample values. */
export function contextForMode(
  context: VersionContext,
  test: TestMode,
  secretAccess: SecretAccess = 'unavailable',
  missingSecrets?: Set<string>
): VersionContext {
  if (test === 'off') return context;
  const sampled = { ...withSampleValues(context), test: true };
  return test === 'dry-run' && secretAccess !== 'known'
    ? { ...sampled, secrets: withSecretPlaceholders(context.secrets, missingSecrets) }
    : sampled;
}

export async function planWebhooks(
  config: WebhooksConfig,
  context: VersionContext,
  options: PlanOptions
): Promise<PlannedWebhook[]> {
  const names = options.settingNames ?? ACTION_SETTINGS;
  const selected = selectWebhooks(config, options.event, options.only, names.only);
  const dryRun = options.test === 'dry-run';
  const budget = new RenderBudget();
  const render = (variant: VersionContext) =>
    renderAll(
      selected,
      contextForMode(variant, options.test, options.secretAccess, options.missingSecrets),
      {
        userAgent: options.userAgent,
        checkSkipped: dryRun,
        secretPlaceholders: dryRun,
        budget,
        secretDerived: options.secretDerived,
        githubToken: options.githubToken
      }
    );
  let outcomes = await render(context);
  if (dryRun && outcomes.some(outcome => outcome.kind !== 'failed'))
    outcomes = await checkedWithSamples(outcomes, context, render, budget);
  return selected.map((definition, i) => ({
    definition,
    outcome: unlabelled(definition, context, options.test, names) ?? outcomes[i]
  }));
}

/**
 * A dry run checks the release, not one sample (SPEC §6): every webhook that renders is rendered
 * again with each sample changelog the action ships (besides the real one, when given) and with
 * a pre-release label, and fails with the first sample it breaks on, named.
 */
async function checkedWithSamples(
  outcomes: RenderOutcome[],
  context: VersionContext,
  render: (variant: VersionContext) => Promise<RenderOutcome[]>,
  budget: RenderBudget
): Promise<RenderOutcome[]> {
  const { SAMPLE_CHANGELOGS, SAMPLE_PRERELEASE_LABEL } =
    await import('./context/sample-changelogs.js');
  const variants = [
    ...SAMPLE_CHANGELOGS.map(sample => ({
      what: `the ${sample.name} sample changelog`,
      context: { ...context, version: { ...context.version, changes: sample.changes } }
    })),
    {
      what: `the pre-release label ${SAMPLE_PRERELEASE_LABEL}`,
      context: {
        ...context,
        version: { ...context.version, label: SAMPLE_PRERELEASE_LABEL, prerelease: true, url: '' }
      }
    }
  ];
  const broken = outcomes.map(() => [] as Array<{ what: string; problems: Problem[] }>);
  for (const variant of variants) {
    if (budget.spent) break;
    const checked = await render(variant.context);
    checked.forEach((outcome, i) => {
      if (outcome.kind === 'failed' && outcomes[i].kind !== 'failed')
        broken[i].push({ what: variant.what, problems: outcome.problems });
    });
  }
  return outcomes.map((outcome, i) => {
    const [first, ...more] = broken[i];
    if (!first) return outcome;
    const also = more.length > 0 ? ` (it breaks with ${more.map(m => m.what).join(', ')} too)` : '';
    return {
      kind: 'failed',
      shownUrl: outcome.kind === 'ready' ? outcome.request.shown.url : undefined,
      problems: first.problems.map((problem, k) => ({
        ...problem,
        message: `with ${first.what}: ${problem.message}${k === first.problems.length - 1 ? also : ''}`
      }))
    };
  });
}

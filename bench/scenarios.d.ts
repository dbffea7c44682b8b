// The part of bench/scenarios.js that the tests read: the configs a measured run uses.
export interface Scenario {
  config: string;
  inputs: Record<string, string>;
}

export function scenarios(
  url: string
): Record<'plain' | 'liquid' | 'discord' | 'realistic', Scenario>;

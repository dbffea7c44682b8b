/** A repeatable stream of numbers in [0, 1) (mulberry32), so that generated cases never vary. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of `items`, chosen by `random`. */
export function pickWith(random: () => number) {
  return <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
}

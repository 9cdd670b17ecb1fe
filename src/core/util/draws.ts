// Where quizzes and mock interviews draw at random (card order, distractors, choice order,
// follow-ups). Unseeded it is Math.random, as for any user; seeded (DJANGO_PREP_SEED in the
// environment, or a test calling seed()) it is a small deterministic generator, so a test run
// that failed can be replayed with the same draws.

/** mulberry32: a fast 32-bit generator, uniform enough for shuffles, and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed as written in DJANGO_PREP_SEED or `--seed`: a whole number from 0 to 2^32-1; anything else is none. */
export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d{1,10}\s*$/.test(text)) { return undefined; }
  const n = Number(text);
  return n <= 0xffffffff ? n : undefined;
}

/** A seed for one named part of a run (a test), from the run's seed: the same name gives the same draws. */
export function deriveSeed(seed: number, name: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < name.length; i++) { h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0; }
  return h;
}

export class Draws {
  private next: () => number = Math.random;
  private current: number | undefined;

  constructor(seed?: number) {
    this.seed(seed);
  }

  /** The seed in use; undefined: Math.random. */
  get seeded(): number | undefined { return this.current; }

  /** Starts the draws again from `seed`; undefined goes back to Math.random. */
  seed(seed: number | undefined): void {
    this.current = seed;
    this.next = seed === undefined ? Math.random : seededRandom(seed);
  }

  /** A number in [0, 1): what the quiz and the mock interview call (a stable function, seeds may change under it). */
  readonly random = (): number => this.next();
}

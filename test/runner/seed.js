// @ts-check
// One seed per run for every random draw: the extension's quiz and mock-interview draws (it
// reads DJANGO_PREP_SEED at activation; the integration suite reseeds it per test from this
// seed), the tests' own draws and fast-check's. `npm test -- --seed N` or DJANGO_PREP_SEED=N
// replays a run; without either a seed is chosen, printed, and passed to every level.
'use strict';
const { randomInt } = require('crypto');
const { StepError } = require('./steps');

/** A seed as written: a whole number from 0 to 2^32-1; anything else is none. */
function parseSeed(/** @type {string | undefined} */ text) {
  if (text === undefined || !/^\s*\d{1,10}\s*$/.test(text)) { return undefined; }
  const n = Number(text);
  return n <= 0xffffffff ? n : undefined;
}

/** The run's seed: DJANGO_PREP_SEED when set (it must be valid), else a new one, exported for the processes started after. */
function runSeed() {
  const given = process.env.DJANGO_PREP_SEED;
  if (given !== undefined && given !== '') {
    const seed = parseSeed(given);
    if (seed === undefined) { throw new StepError('Reading DJANGO_PREP_SEED', `${given} is not a seed`, 'a whole number from 0 to 4294967295 (the seed a failed run printed), or unset it'); }
    return seed;
  }
  const seed = randomInt(0, 2 ** 31);
  process.env.DJANGO_PREP_SEED = String(seed);
  return seed;
}

/** How to run `level` again with the same draws. */
function replay(/** @type {string} */ level, /** @type {number} */ seed) {
  return `npm test -- --only ${level} --seed ${seed}`;
}

module.exports = { parseSeed, runSeed, replay };

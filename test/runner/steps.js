// @ts-check
// Long setup steps say what they do and how long they usually take, show progress while they
// run, and on failure name the step, the command and the fix instead of printing a stack trace.
'use strict';
const { spawn } = require('child_process');

const T0 = Date.now();
/** @param {...unknown} a */
const log = (...a) => console.log(`[harness +${((Date.now() - T0) / 1000).toFixed(1)}s]`, ...a);

/** A failed step: what was being done, the command that failed and what to do about it. */
class StepError extends Error {
  /** @param {string} step @param {string} detail @param {string} [fix] */
  constructor(step, detail, fix) {
    super(`${step}: ${detail}`);
    this.step = step;
    this.detail = detail;
    this.fix = fix;
  }
}

const HEARTBEAT_MS = Number(process.env.DJANGO_PREP_HEARTBEAT_MS || 20000);

/** @param {number} ms */
const duration = ms => ms < 60000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;

/**
 * Runs one long command with the console attached, printing a line every 20 s with the time so
 * far, what is usual and, when `progress` can tell, how far it got.
 * @param {{ title: string, usually: string, cmd: string, args: string[], fix: string,
 *   opts?: import('child_process').SpawnOptions, progress?: () => string | undefined }} s
 */
async function runStep(s) {
  log(`${s.title} (usually ${s.usually})`);
  log('$', s.cmd, s.args.join(' '));
  const t = Date.now();
  const child = spawn(s.cmd, s.args, { stdio: 'inherit', ...s.opts });
  const timer = setInterval(() => {
    let extra;
    try { extra = s.progress?.(); } catch { /* progress is best effort */ }
    log(`${s.title}: still running after ${duration(Date.now() - t)} (usually ${s.usually})${extra ? `; ${extra}` : ''}`);
  }, HEARTBEAT_MS);
  const forward = (/** @type {NodeJS.Signals} */ sig) => { child.kill(sig); };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    const code = await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c, sig) => resolve(c ?? sig));
    }).catch((/** @type {Error} */ e) => { throw new StepError(s.title, `could not run ${s.cmd}: ${e.message}`, s.fix); });
    if (code !== 0) { throw new StepError(s.title, `\`${s.cmd} ${s.args.join(' ')}\` exited with ${code}`, s.fix); }
  } finally {
    clearInterval(timer);
    process.removeListener('SIGINT', forward);
    process.removeListener('SIGTERM', forward);
  }
  log(`${s.title}: done in ${duration(Date.now() - t)}`);
}

/** Prints a failure the way a newcomer can act on it; a StepError gets no stack trace. */
function reportFailure(/** @type {unknown} */ e) {
  if (e instanceof StepError) {
    console.error(`\n✗ ${e.step} failed.\n  ${e.detail.split('\n').join('\n  ')}${e.fix ? `\n  Fix: ${e.fix.split('\n').join('\n       ')}` : ''}\n`);
  } else {
    console.error(e);
  }
}

/** Runs an entry script's body and exits non-zero with a readable message when it throws. */
function main(/** @type {() => Promise<unknown>} */ body) {
  body().catch(e => { reportFailure(e); process.exit(1); });
}

module.exports = { StepError, runStep, reportFailure, main, log, duration };

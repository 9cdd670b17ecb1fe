#!/usr/bin/env node
// @ts-check
// Content tests: the bundled guide's shape, links and outline coverage, its Python code, the
// question bank and the exercises, run with Debian's Python, Django, DRF and Celery (installed
// here when missing).
'use strict';
const { ensurePythonPackages } = require('./lib');
const { compileAndRun } = require('./mocha');
const { main } = require('./steps');

main(async () => {
  process.env.DJANGO_PREP_PYTHON = await ensurePythonPackages();
  compileAndRun('content', { reporter: 'dot', timeout: 120000 });
});

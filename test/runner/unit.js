#!/usr/bin/env node
// @ts-check
// Unit tests: compile, then mocha over out/test/unit in plain Node (no VS Code).
'use strict';
const { compileAndRun } = require('./mocha');

compileAndRun('unit', { reporter: 'spec', timeout: 20000 });

#!/usr/bin/env node
// @ts-check
// `npm run package`: production bundle + .vsix, then the list of files it ships.
'use strict';
const path = require('path');
const { ROOT, PKG, run, packageVsix } = require('./lib');

const vsix = packageVsix(path.join(ROOT, `${PKG.name}-${PKG.version}.vsix`));
run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT });
console.log(`\nBuilt ${path.relative(ROOT, vsix)}. Install it with: code --install-extension ${path.relative(ROOT, vsix)}`);

// Bundles src/extension.ts into dist/extension.js (shape of the official esbuild-sample), and the
// practice checkers (Dockerfile, Compose and nginx parsers and validators, about 400 KB) into
// dist/practiceTools.js, which the extension loads on the first check instead of at activation.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints `[watch] build started/finished` and errors as file:line:col for problem matchers. */
const esbuildProblemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      console.log('[watch] build started');
    });
    build.onEnd((result) => {
      result.errors.forEach(({ text, location }) => {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      });
      console.log('[watch] build finished');
    });
  },
};

/** The extension bundle imports the checkers' entry as `./practiceTools.js`, beside it in dist/. */
const practiceToolsOutside = {
  name: 'practice-tools-outside',
  setup(build) {
    build.onResolve({ filter: /core\/practice\/runCheck$/ }, () => ({ path: './practiceTools.js', external: true }));
  },
};

async function main() {
  const common = {
    bundle: true,
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    platform: 'node',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'silent',
  };
  const contexts = await Promise.all([
    // require(), not import(): the host loads both files as CommonJS, as every extension's.
    esbuild.context({ ...common, supported: { 'dynamic-import': false }, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [practiceToolsOutside, esbuildProblemMatcherPlugin] }),
    esbuild.context({ ...common, entryPoints: ['src/core/practice/runCheck.ts'], outfile: 'dist/practiceTools.js' }),
  ]);
  if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
  } else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

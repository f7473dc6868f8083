import { defineConfig } from 'wxt';

// The extension lives under extension/ (see issue 5); the config sits at the root so one package.json
// drives the site, the extension, the CLI and the tests.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: '公开年报核数 gongkai-check',
    permissions: ['storage'],
  },
});

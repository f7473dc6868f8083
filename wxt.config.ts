import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ocrAssetFiles } from './site/ocr-assets.ts';

// The extension lives under extension/ (see issue 5); the config sits at the root so one package.json
// drives the site, the extension, the CLI and the tests. Auto-imports are off: entrypoints import
// from 'wxt/…' explicitly, so the root tsconfig needs no generated .wxt types.
export default defineConfig({
  srcDir: 'extension',
  // icons live in extension/public (WXT's default is a public/ folder at the root)
  publicDir: 'extension/public',
  // GKC_EXT_OUT: a test build kept apart from the release build another test may be making
  outDir: process.env.GKC_EXT_OUT ?? '.output',
  imports: false,
  vite: () => ({ plugins: [preact()], worker: { format: 'es' } }),
  hooks: {
    // The checker page runs OCR offline: tesseract.js's worker, wasm cores and models ship under ocr/.
    'build:publicAssets': (_wxt, files) => {
      for (const [absoluteSrc, to] of ocrAssetFiles()) files.push({ absoluteSrc, relativeDest: `ocr/${to}` });
    },
  },
  // The AMO sources zip: what builds the extension (extension/, core/, configs, lock file), not the
  // test fixtures or the docs. Of site/ it keeps what the build reads (this file imports
  // site/ocr-assets.ts; the checker page renders site/src/App.tsx), not the static site's own shell
  // or its generated public/ocr/. includeSources wins over excludeSources. tests/ext-amo.test.ts
  // rebuilds the Firefox extension from the unpacked zip.
  zip: {
    excludeSources: ['site/**', 'tests/**', 'dist/**', 'docs/**', '**/*.log', '.output-e2e/**'],
    includeSources: ['site/ocr-assets.ts', 'site/src/**'],
  },
  manifest: ({ browser }) => ({
    name: '公开年报核数 gongkai-check',
    description: '在政府网站上阅读政府信息公开工作年度报告时，就地标出表格中加不平、对不上的数字。全部在本机核对，不联网。',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    // The checker page runs OCR: tesseract's wasm needs 'wasm-unsafe-eval' (still no remote code).
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';"
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    commands: {
      'check-page': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '检查当前页面 (check this page)',
      },
    },
    // AMO requires the data-collection declaration (Firefox 140+ reads it): we collect nothing.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gongkai-check@gongkai-check.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on (addons-linter says so)
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

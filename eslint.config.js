// Lint that keeps the shape STYLE.md describes (issue 18): no import cycles; rules produce data and never
// import the presentation or the recogniser; faces reach the core through its entry points. Not a style
// linter: formatting and taste are left to review.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const NO_FACE = { regex: '(^|/)(site|extension)/', message: 'the core imports no face' };
const NO_NODE = { regex: '^node:', message: 'core/ is pure TypeScript: Node built-ins only in the CLI and its Node-side helpers' };
// Faces reach the core through its entry points: core/index.ts (everything), core/light.ts (what a first page
// load or a content script may carry), and the lazy core/ocr/index.ts, core/pdf.ts, core/docx.ts.
const CORE_ENTRIES_ONLY = {
  regex: '(^|/)core/(?!(index|light|pdf|docx)\\.ts$|ocr/index\\.ts$)',
  message: 'faces import the core through core/index.ts, core/light.ts, core/ocr/index.ts, core/pdf.ts or core/docx.ts: export what you need there',
};
// The same for a dynamic import() (no-restricted-imports sees only static ones; esquery regexes hold no '/').
const CORE_ENTRIES_ONLY_LAZY = {
  selector: 'ImportExpression[source.value=/core.(?!(index|light|pdf|docx)\\.ts$|ocr.index\\.ts$)/]',
  message: CORE_ENTRIES_ONLY.message,
};
const NO_RECOGNISE = { regex: '(^|/)recognise(/|$)', message: 'the model is complete before the rules run: rules read it and recognise nothing themselves' };
const NO_PRESENT = { regex: '(^|/)present(/|$)', message: 'rules and the pipeline produce data; only core/present/ makes sentences' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.output*/**', '.wxt/**', 'tests/artifacts/**', 'site/public/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    plugins: { 'import-x': importX, '@typescript-eslint': tseslint.plugin },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } }, 'import-x/extensions': ['.ts', '.tsx', '.js'] },
    rules: {
      // Type-only imports erase at build time, but a cycle of types still knots the modules together.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_FACE, NO_NODE] }] },
  },
  {
    // Rules, the pipeline and everything before them produce data (cell refs, numbers, reason codes); only
    // core/present/ makes sentences. No exception: a CheckResult's coverage is codes, and the faces, the text
    // report and the JSON word them through core/present's coverageReasons.
    files: ['core/{rules,pipeline,recognise,model,adapters,template,grid,ocr}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_FACE, NO_NODE, NO_PRESENT] }] },
  },
  {
    // Rules, and coverage (which reads what the rules ran), take the finished ReportModel.
    files: ['core/rules/**/*.ts', 'core/pipeline/coverage.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_FACE, NO_NODE, NO_PRESENT, NO_RECOGNISE] }] },
  },
  {
    // One face never imports another face's internals.
    files: ['site/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)extension/', message: 'the site never imports the extension' }, CORE_ENTRIES_ONLY] }],
      'no-restricted-syntax': ['error', CORE_ENTRIES_ONLY_LAZY],
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_ENTRIES_ONLY] }], 'no-restricted-syntax': ['error', CORE_ENTRIES_ONLY_LAZY] },
  },
  {
    // The Node-aware files of the core: the CLI (which prints, so it uses the presentation) and what only it loads.
    files: ['core/cli.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_FACE] }] },
  },
  {
    files: ['core/cli-ocr.ts', 'core/adapters/pdf/node.ts', 'core/adapters/pdf/node-worker.*', 'core/adapters/pdf/worker.*'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_FACE, NO_PRESENT] }] },
  },
);

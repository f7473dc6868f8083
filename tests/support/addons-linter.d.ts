// addons-linter ships no types; this is the part tests/ext-amo.test.ts uses (its README, "Using the
// linter as a library").
declare module 'addons-linter' {
  export type LinterMessage = { code: string; message: string; description: string; file?: string; line?: number };
  export type LinterResults = {
    summary: { errors: number; warnings: number; notices: number };
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  };
  export function createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): { run(): Promise<LinterResults> };
  const linter: { createInstance: typeof createInstance };
  export default linter;
}

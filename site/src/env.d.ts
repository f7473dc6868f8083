// Types for what Vite provides at build time (import.meta.env, ?url imports) and for mammoth's browser
// build, which ships without its own declaration.
/// <reference types="vite/client" />

declare module 'mammoth/mammoth.browser.js' {
  import type { Mammoth } from '../../core/index.ts';
  const mammoth: Mammoth;
  export default mammoth;
}

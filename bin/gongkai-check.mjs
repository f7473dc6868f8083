#!/usr/bin/env node
// `npx gongkai-check …` in a clone after `npm install`: core/cli.ts run through tsx's loader in this
// process. Unlike `npm run check`, nothing but the report reaches stdout (npm's `> gongkai-check@… check`
// banner is not printed), so a redirected `--csv` file starts with its BOM and `--json` parses.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../core/cli.ts');
process.exitCode = await main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'));

// `node --import ./test/support/module-trace.mjs …` with MODULE_TRACE_FILE=PATH: every module the process
// resolves, one URL a line, appended to PATH. Lets a test see what a command really loads (fast-start.test.ts).
import { register } from 'node:module';

register('./module-trace-hooks.mjs', import.meta.url);

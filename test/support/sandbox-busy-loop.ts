// A stand-in for a sandbox's synchronous work (test/integration/orphan-sandbox.test.ts). Forked by a middle process
// the test kills. `clock`: a minute of "coalitions", each solve reading the sandbox's solve clock once and the
// work between them (constructions, trunk plans) reading none; `no-clock`: a minute that reads no clock at all.
import { solveOptions } from '../../workers/sandbox-context.ts';

const clock = solveOptions().clock!;
const readsClock = process.argv[2] !== 'no-clock';
process.send?.('spinning');
for (let coalition = 0; coalition < 60; coalition++) {
  if (readsClock) clock();
  const until = performance.now() + 1000;
  while (performance.now() < until) {
    // no await: the event loop never turns
  }
}
process.exit(0);

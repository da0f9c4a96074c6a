// A stand-in for a sandbox's synchronous cost-game chunk (test/integration/orphan-sandbox.test.ts): a minute of
// "coalitions", each solve reading the sandbox's solve clock once and the work between them (constructions,
// trunk plans) reading none. Forked by a middle process the test kills.
import { solveOptions } from '../../workers/sandbox-context.ts';

const clock = solveOptions().clock!;
process.send?.('spinning');
for (let coalition = 0; coalition < 60; coalition++) {
  clock();
  const until = performance.now() + 1000;
  while (performance.now() < until) {
    // no await and no clock: the event loop never turns
  }
}
process.exit(0);

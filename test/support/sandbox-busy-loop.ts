// A stand-in for a sandbox's synchronous solve (test/integration/orphan-sandbox.test.ts): spins on the
// sandbox's solve clock until a minute of it has passed, then exits. Forked by a middle process the test kills.
import { solveOptions } from '../../workers/sandbox-context.ts';

const clock = solveOptions().clock!;
const startMs = clock();
process.send?.('spinning');
while (clock() - startMs < 60_000) {
  // no await: the event loop never turns, as in a cost game's chunk
}
process.exit(0);

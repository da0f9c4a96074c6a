/**
 * The code a worker thread evaluates to load `name` (a module beside this one) with this module's extension:
 * `.js` from the build in dist/, `.ts` from the sources, which the thread first registers tsx to load (a
 * thread inherits no loader registered in code, and Node 20 takes no `--import` in a thread's execArgv).
 * Start the thread with `new Worker(threadModule(name), { eval: true })`.
 */
export function threadModule(name: string): string {
  const url = new URL(`./${name}${OWN_EXTENSION}`, import.meta.url).href;
  return OWN_EXTENSION === '.ts'
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
        `.then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`
    : `import(${JSON.stringify(url)});`;
}

const OWN_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

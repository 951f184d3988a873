// esbuild runs one job at a time: parallel bundleMDX calls run out of memory on a 2-core machine
// (kentcdodds.com learned this the hard way), and serial compiles are fast enough with the cache.
let tail: Promise<unknown> = Promise.resolve();

export function runExclusive<T>(job: () => Promise<T>): Promise<T> {
  const result = tail.then(job, job);
  tail = result.catch(() => undefined);
  return result;
}

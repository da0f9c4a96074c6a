import { readFile } from 'node:fs/promises';
import type { BenchmarkInstance } from './benchmark-instance.ts';
import { instanceNameFromPath } from './benchmark-instance.ts';
import { parseCvrplib, parseCvrplibSolution, type CvrplibSolution } from './cvrplib.ts';
import { parseSolomon } from './solomon.ts';

/** Reads a Solomon / Gehring-Homberger `.txt` instance; the name is the file's first line. */
export async function readSolomonFile(path: string): Promise<BenchmarkInstance> {
  return parseSolomon(await readFile(path, 'utf8'), path);
}

/** Reads a CVRPLIB `.vrp` instance; the name is its NAME field, else the file name. */
export async function readCvrplibFile(path: string): Promise<BenchmarkInstance> {
  const instance = parseCvrplib(await readFile(path, 'utf8'), path);
  return instance.name === path ? { ...instance, name: instanceNameFromPath(path) } : instance;
}

export async function readCvrplibSolutionFile(path: string): Promise<CvrplibSolution> {
  return parseCvrplibSolution(await readFile(path, 'utf8'), path);
}

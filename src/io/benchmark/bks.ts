import { BenchmarkFormatError } from './benchmark-instance.ts';

/** A best known solution's figures, from a `bks*.csv` file with header `instance,vehicles,distance,...`. */
export interface BestKnown {
  readonly instance: string;
  readonly vehicles: number;
  readonly distance: number;
  readonly source: string;
}

/** Parses a BKS CSV (RFC 4180 quoting); columns are found by header name, extra columns ignored. */
export function parseBksCsv(text: string, source = 'bks.csv'): Map<string, BestKnown> {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (header === undefined) throw new BenchmarkFormatError(`${source}: empty file`);
  const col = (name: string, required: boolean): number => {
    const i = header.findIndex((h) => h.trim().toLowerCase() === name);
    if (i < 0 && required)
      throw new BenchmarkFormatError(`${source}: no "${name}" column in header "${header.join(',')}"`);
    return i;
  };
  const [iName, iVehicles, iDistance, iSource] = [
    col('instance', true),
    col('vehicles', true),
    col('distance', true),
    col('source', false),
  ];
  const out = new Map<string, BestKnown>();
  rows.forEach((r, k) => {
    if (r.length === 1 && r[0] === '') return;
    const instance = (r[iName] ?? '').trim();
    const vehicles = Number(r[iVehicles]);
    const distance = Number(r[iDistance]);
    if (instance === '' || !Number.isFinite(vehicles) || !Number.isFinite(distance)) {
      throw new BenchmarkFormatError(`${source}:${k + 2}: bad row "${r.join(',')}"`);
    }
    out.set(instance, { instance, vehicles, distance, source: iSource >= 0 ? (r[iSource] ?? '') : '' });
  });
  return out;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

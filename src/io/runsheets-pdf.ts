import PDFDocument from 'pdfkit';
import type { Plan, Scenario } from '../contracts/index.ts';
import {
  buildRunSheets,
  type Amounts,
  type LoadingStep,
  type RunSheets,
  type RunSheetStep,
  type VehicleSheet,
} from './runsheet-model.ts';
import { maxOf } from '../domain/arrays.ts';

// A4 landscape, in points.
const PAGE = { width: 841.89, height: 595.28, margin: 28 };
const COLUMNS = [
  { title: '#', width: 16 },
  { title: 'Time', width: 50 },
  { title: 'Window', width: 50 },
  { title: 'Receiver, address', width: 165 },
  { title: 'Deliver (unload)', width: 290 },
  { title: 'Pick up (collect)', width: 120 },
  { title: 'Notes', width: 94.89 },
] as const;
const LARGEST_FONT = 9;
const SMALLEST_FONT = 4.5;

type Cells = [string, string, string, string, string, string, string];
interface Line {
  readonly heading?: string;
  readonly cells?: Cells;
  readonly shade?: boolean;
}

const n = (x: number) => String(Number(x.toFixed(3)));
const amounts = (a: Amounts) =>
  a.kg || a.m3 || a.units ? `${n(a.kg)} kg, ${n(a.m3)} m3, ${n(a.units)} units` : '';
const withAmounts = (ids: readonly string[], a: Amounts) =>
  ids.length === 0 ? '' : `${amounts(a)}\n${ids.join(', ')}`;

/**
 * The loading list, one line per stop, last stop first: the order ids are on each stop's own line below, so
 * the page says them once (the CSV and XLSX list them in the loading row too).
 */
function loadingLines(load: LoadingStep, steps: readonly RunSheetStep[]): string {
  const kg = new Map(steps.flatMap((s) => (s.kind === 'stop' ? [[s.sequence, s.unload.kg] as const] : [])));
  return load.byStop
    .map((b) => `#${b.sequence} ${b.receiver}: ${b.orderIds.length} orders, ${n(kg.get(b.sequence) ?? 0)} kg`)
    .join('\n');
}

/** What one vehicle's page says, top to bottom: per trip a heading, the loading line, the stops, the return. */
function vehicleLines(v: VehicleSheet): Line[] {
  return v.trips.flatMap((t) => [
    {
      heading: `Trip ${t.trip}: leave ${t.steps[0]?.kind === 'load' ? t.steps[0].hubId : v.hubId} ${t.departure}, back ${t.returnAt}, ${n(t.distanceKm)} km`,
    },
    ...t.steps.map((s): Line => {
      switch (s.kind) {
        case 'load':
          return {
            shade: true,
            cells: [
              '',
              `${s.departure}`,
              '',
              `LOAD at ${s.hubId} (last stop first)`,
              `${amounts(s.load)}\n${loadingLines(s, t.steps)}`,
              '',
              '',
            ],
          };
        case 'stop':
          return {
            cells: [
              String(s.sequence),
              `${s.arrival}-${s.departure}`,
              s.window,
              `${s.receiverName}\n${s.address}`,
              withAmounts(s.deliveries, s.unload),
              withAmounts(s.pickups, s.collect),
              s.notes.join('; '),
            ],
          };
        case 'return':
          return {
            shade: true,
            cells: [
              '',
              s.arrival,
              '',
              `RETURN to ${s.hubId}`,
              '',
              amounts(s.load),
              s.load.kg > 0 ? 'unload pickups' : '',
            ],
          };
      }
    }),
  ]);
}

/** Standard PDF fonts are WinAnsi: characters outside it would print as garbage, so they are spelled out. */
const winAnsi = (s: string) => s.replace(/[‐-―]/g, '-').replace(/[^\x20-\x7E\xA0-\xFF\n]/g, '?');

function drawVehicle(doc: PDFKit.PDFDocument, sheets: RunSheets, v: VehicleSheet): void {
  const lines = vehicleLines(v);
  const top = PAGE.margin + 40;
  const bottom = PAGE.height - PAGE.margin;
  const rowHeight = (l: Line, size: number) => {
    doc.font('Helvetica').fontSize(size);
    if (l.heading !== undefined) return size * 1.8;
    return (
      maxOf(
        (l.cells as Cells).map((c, k) =>
          doc.heightOfString(winAnsi(c) || ' ', { width: (COLUMNS[k]?.width ?? 4) - 4 }),
        ),
      ) + 3
    );
  };
  // The largest font at which the whole day fits on the page (one page per vehicle, as drivers carry it).
  let size = LARGEST_FONT;
  const total = (s: number) => s * 1.6 + lines.reduce((h, l) => h + rowHeight(l, s), 0);
  while (size > SMALLEST_FONT && top + total(size) > bottom - size * 1.5) size -= 0.5;

  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(winAnsi(`${v.vehicle}  (${v.vehicleType}, hub ${v.hubId})`), PAGE.margin, PAGE.margin, {
      lineBreak: false,
    });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      winAnsi(`${sheets.date}, times in ${sheets.timezone}. ${sheets.scenario}`),
      PAGE.margin,
      PAGE.margin + 19,
      { lineBreak: false },
    );

  let y = top;
  const drawCells = (cells: readonly string[], font: string) => {
    let x = PAGE.margin;
    doc.font(font).fontSize(size);
    cells.forEach((c, k) => {
      const width = COLUMNS[k]?.width ?? 0;
      doc.text(winAnsi(c), x + 2, y + 1.5, { width: width - 4, height: bottom - y, ellipsis: true });
      x += width;
    });
  };
  drawCells(
    COLUMNS.map((c) => c.title),
    'Helvetica-Bold',
  );
  y += size * 1.6;
  let shown = 0;
  for (const l of lines) {
    const h = rowHeight(l, size);
    if (y + h > bottom - size * 1.5) break; // never a second page: the rest is said below
    if (l.heading !== undefined) {
      doc
        .font('Helvetica-Bold')
        .fontSize(size)
        .text(winAnsi(l.heading), PAGE.margin, y + size * 0.5, { lineBreak: false });
    } else {
      if (l.shade)
        doc
          .rect(PAGE.margin, y, PAGE.width - 2 * PAGE.margin, h)
          .fill('#eeeeee')
          .fillColor('black');
      drawCells(l.cells as Cells, 'Helvetica');
      doc
        .moveTo(PAGE.margin, y + h)
        .lineTo(PAGE.width - PAGE.margin, y + h)
        .lineWidth(0.3)
        .stroke('#999999');
    }
    y += h;
    shown++;
  }
  if (shown < lines.length)
    doc
      .font('Helvetica-Oblique')
      .fontSize(size)
      .text(`... ${lines.length - shown} more lines: see runsheets.xlsx`, PAGE.margin, y + 2, {
        lineBreak: false,
      });
}

/**
 * Drivers' run sheets as a PDF (pdfkit): one A4 landscape page per vehicle, natural order, with the vehicle,
 * date and timezone, then per trip the loading line (last stop first), the stops (time, window, receiver and
 * address, what to unload and collect, notes) and the return. The font shrinks until the day fits its page.
 */
export async function planToRunsheetsPdf(plan: Plan, scenario?: Scenario): Promise<Uint8Array> {
  const sheets = buildRunSheets(plan, scenario);
  const day = new Date(`${sheets.date}T00:00:00Z`); // same plan, same bytes: no clock in the document
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: `Run sheets ${sheets.scenario} ${sheets.date}`,
      Creator: 'picon',
      CreationDate: day,
      ModDate: day,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  for (const v of sheets.vehicles) {
    doc.addPage();
    drawVehicle(doc, sheets, v);
  }
  if (sheets.vehicles.length === 0) doc.addPage().fontSize(12).text('The plan has no pooled route.', 40, 40);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

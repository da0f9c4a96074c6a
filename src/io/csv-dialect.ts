/**
 * How a spreadsheet expects its CSV: `en` comma-separated with decimal points; `fr` as French spreadsheets
 * export and open them: `;` between fields, decimal commas, and a UTF-8 BOM so accents survive a double-click.
 * Its own module, free of imports: `picon plan --help` names the dialects without loading the exporters.
 */
export type CsvDialect = 'en' | 'fr';
export const CSV_DIALECTS: readonly CsvDialect[] = ['en', 'fr'];

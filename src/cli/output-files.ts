/** What `--out DIR` writes, per command: named by `--help` (registration) and written when the command runs. */
export const PLAN_FILES = [
  'plan.json',
  'plan.geojson',
  'runsheets.csv',
  'runsheets.xlsx',
  'runsheets.pdf',
  'trunk-schedule.csv',
  'map.html',
] as const;

export const COMPARISON_FILES = ['comparison.json', 'comparison.csv', 'comparison.html'] as const;

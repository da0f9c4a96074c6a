/** `"HH:MM"` -> seconds since local midnight (`"24:00"` is the end of the day). */
export function clockToSec(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 3600 + Number(m) * 60;
}

/** Whether a printed `"HH:MM"` is the minute in which `sec` falls (the plan rounds down). */
export function clockShows(hhmm: string, sec: number, toleranceS: number): boolean {
  const shown = clockToSec(hhmm);
  return sec >= shown - toleranceS && sec < shown + 60 + toleranceS;
}

/** `"HH:MM:SS"` for messages. */
export function hms(sec: number): string {
  if (!Number.isFinite(sec)) return String(sec);
  const s = Math.round(sec);
  const pad = (x: number): string => String(x).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Registers the chart.js parts the studio uses (no date adapter: time runs on a linear axis). */
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip,
} from 'chart.js';

Chart.register(
  BarController, LineController, CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Legend, Tooltip,
);

export const SERIES_COLORS = ['#1f5f8b', '#c0392b', '#2e8b57', '#d68910', '#7a4fa3', '#16a2b8', '#6d4c41', '#546e7a'];

/** `2021-03-14` from a time in ms. */
export function dayLabel(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Charts the current result with Chart.js: numeric columns as series, the first text column (or row number) as labels. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip } from 'chart.js';
import type { ResultSet } from './grid';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement,
  Legend, Tooltip);

const MAX_POINTS = 1000;
const COLORS = ['#3b6fd8', '#e0803a', '#3aa17e', '#c2456b', '#8a63d2', '#7a8a99'];

export class ResultChart {
  private chart: Chart | null = null;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly note: HTMLElement) {}

  draw(result: ResultSet, kind: 'bar' | 'line'): void {
    this.chart?.destroy();
    this.chart = null;
    const rows = result.rows.slice(0, MAX_POINTS);
    const numeric: number[] = [];
    let labelColumn = -1;
    result.columns.forEach((_, c) => {
      const sample = rows.map((r) => r[c]).filter((v) => v !== null);
      if (sample.length > 0 && sample.every((v) => typeof v === 'number' || typeof v === 'bigint')) {
        numeric.push(c);
      } else if (labelColumn < 0 && sample.length > 0 && sample.every((v) => typeof v === 'string')) {
        labelColumn = c;
      }
    });
    if (numeric.length === 0) {
      this.note.textContent = 'No numeric column to chart in this result.';
      return;
    }
    this.note.textContent = `${numeric.map((c) => result.columns[c]).join(', ')} by `
      + `${labelColumn >= 0 ? result.columns[labelColumn] : 'row number'}`
      + (result.rows.length > MAX_POINTS ? ` (first ${MAX_POINTS} rows)` : '');
    this.chart = new Chart(this.canvas, {
      type: kind,
      data: {
        labels: rows.map((r, i) => (labelColumn >= 0 ? String(r[labelColumn]) : String(i + 1))),
        datasets: numeric.map((c, k) => ({
          label: result.columns[c],
          data: rows.map((r) => (r[c] === null ? null : Number(r[c]))),
          backgroundColor: COLORS[k % COLORS.length],
          borderColor: COLORS[k % COLORS.length],
        })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false },
    });
  }
}

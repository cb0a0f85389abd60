/**
 * Predicted recall from today to the exam day, as a line drawn with uPlot. Only the stats page
 * imports this module, through a dynamic `import()`, like the due forecast.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { themeColour } from './due-chart';

export interface RecallChartData {
	/** Point labels ("Mon 10 Mar"). */
	labels: string[];
	/** Predicted recall, 0–100 (%). */
	percents: number[];
}

/** Draws the chart into `target`; returns it so the caller can resize or destroy it. */
export function drawRecallChart(target: HTMLElement, data: RecallChartData, width: number): uPlot {
	const fg = themeColour('--fg', '#1a1a1a');
	const grid = themeColour('--border', '#8a8f98');
	const line = themeColour('--accent', '#1d4e89');
	const font = '12px system-ui, sans-serif';
	const label = (i: number) => data.labels[Math.round(i)] ?? '';
	const options: uPlot.Options = {
		width,
		height: 220,
		scales: { x: { time: false }, y: { range: [0, 100] } },
		axes: [
			{
				stroke: fg,
				font,
				grid: { show: false },
				ticks: { stroke: grid },
				space: 90,
				values: (_u, splits) => splits.map(label)
			},
			{
				stroke: fg,
				font,
				grid: { stroke: grid, width: 0.5 },
				ticks: { stroke: grid },
				values: (_u, splits) => splits.map((v) => `${v}%`)
			}
		],
		series: [
			{ label: 'Day', value: (_u, i) => (i === null ? '' : label(i)) },
			{ label: 'Predicted recall', stroke: line, width: 2, points: { show: false } }
		],
		cursor: { drag: { x: false, y: false } }
	};
	return new uPlot(options, [data.percents.map((_, i) => i), data.percents], target);
}

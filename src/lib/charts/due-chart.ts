/**
 * The due forecast bar chart, drawn with uPlot. Only the stats page imports this module, and
 * only through a dynamic `import()`, so uPlot stays in its own chunk, out of every other route.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface DueChartData {
	/** Bar labels, one per day ("Mon 10 Mar"). */
	labels: string[];
	counts: number[];
}

/** Canvas cannot read CSS variables, so the theme's colours are resolved at drawing time. */
export function themeColour(name: string, fallback: string): string {
	return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Draws the chart into `target`; returns it so the caller can resize or destroy it. */
export function drawDueChart(target: HTMLElement, data: DueChartData, width: number): uPlot {
	const fg = themeColour('--fg', '#1a1a1a');
	const grid = themeColour('--border', '#8a8f98');
	const bar = themeColour('--accent', '#1d4e89');
	const font = '12px system-ui, sans-serif';
	const label = (i: number) => data.labels[Math.round(i)] ?? '';
	const bars = uPlot.paths.bars?.({ size: [0.7, 24] });
	const options: uPlot.Options = {
		width,
		height: 220,
		scales: {
			x: { time: false, range: [-0.5, data.labels.length - 0.5] },
			y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] }
		},
		axes: [
			{
				stroke: fg,
				font,
				grid: { show: false },
				ticks: { stroke: grid },
				// Labels such as "Wed 25 Nov" need about 80 px; a phone gets fortnightly ticks.
				incrs: [1, 7, 14],
				space: 90,
				values: (_u, splits) => splits.map(label)
			},
			{
				stroke: fg,
				font,
				grid: { stroke: grid, width: 0.5 },
				ticks: { stroke: grid },
				incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
			}
		],
		series: [
			{ label: 'Day', value: (_u, i) => (i === null ? '' : label(i)) },
			{
				label: 'Cards due',
				stroke: bar,
				fill: bar,
				points: { show: false },
				...(bars ? { paths: bars } : {})
			}
		],
		cursor: { drag: { x: false, y: false } }
	};
	const x = data.counts.map((_, i) => i);
	return new uPlot(options, [x, data.counts], target);
}

/**
 * The stats page's charts of values per day, drawn with uPlot: cards due as bars, predicted
 * recall as a line of percentages (with a second, dashed line to compare with). Imported only through a dynamic `import()` (DayChart.svelte),
 * so uPlot stays in its own chunk, out of every other route and out of the stats page's first
 * render.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Bars of counts from 0, or a line of percentages from 0 to 100. */
export type DayChartKind = 'bars' | 'percent-line';

export interface DayChartData {
	kind: DayChartKind;
	/** What the values are ("Cards due"), for uPlot's legend. */
	name: string;
	/** One label per day ("Mon 10 Mar"). */
	labels: string[];
	values: number[];
	/** A second line (percent lines only), dashed: e.g. "if you study nothing more". */
	compare?: { name: string; values: number[] };
}

const HEIGHT = 220;

/** Canvas cannot read CSS variables, so the theme's colours are resolved at drawing time. */
function themeColour(name: string, fallback: string): string {
	return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Draws the chart into `target`; returns it so the caller can resize or destroy it. */
export function drawDayChart(target: HTMLElement, data: DayChartData, width: number): uPlot {
	const fg = themeColour('--fg', '#1a1a1a');
	const grid = themeColour('--border', '#8a8f98');
	const accent = themeColour('--accent', '#1d4e89');
	const muted = themeColour('--muted', '#555555');
	const font = '12px system-ui, sans-serif';
	const bars = data.kind === 'bars';
	const label = (i: number) => data.labels[Math.round(i)] ?? '';
	const barPaths = bars ? uPlot.paths.bars?.({ size: [0.7, 24] }) : undefined;
	const options: uPlot.Options = {
		width,
		height: HEIGHT,
		scales: bars
			? {
					x: { time: false, range: [-0.5, data.labels.length - 0.5] },
					y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] }
				}
			: { x: { time: false }, y: { range: [0, 100] } },
		axes: [
			{
				stroke: fg,
				font,
				grid: { show: false },
				ticks: { stroke: grid },
				// Labels such as "Wed 25 Nov" need about 80 px; a phone gets fortnightly ticks.
				...(bars ? { incrs: [1, 7, 14] } : {}),
				space: 90,
				values: (_u, splits) => splits.map(label)
			},
			{
				stroke: fg,
				font,
				grid: { stroke: grid, width: 0.5 },
				ticks: { stroke: grid },
				...(bars
					? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }
					: { values: (_u: uPlot, splits: number[]) => splits.map((v) => `${v}%`) })
			}
		],
		series: [
			{ label: 'Day', value: (_u, i) => (i === null ? '' : label(i)) },
			bars
				? {
						label: data.name,
						stroke: accent,
						fill: accent,
						points: { show: false },
						...(barPaths ? { paths: barPaths } : {})
					}
				: { label: data.name, stroke: accent, width: 2, points: { show: false } },
			...(data.compare
				? [
						{
							label: data.compare.name,
							stroke: muted,
							width: 2,
							dash: [6, 4],
							points: { show: false }
						}
					]
				: [])
		],
		cursor: { drag: { x: false, y: false } }
	};
	const x = data.values.map((_, i) => i);
	const columns: uPlot.AlignedData = data.compare
		? [x, data.values, data.compare.values]
		: [x, data.values];
	return new uPlot(options, columns, target);
}

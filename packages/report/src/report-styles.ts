/** The page's only stylesheet, inlined so the report opens with no network. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4d4d4d; --line: #c8c8c8; --card: #f6f7f8; --accent: #0a5a8c; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible, .coverage-scroll:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
header.page { background: #102a43; color: #fff; padding: 1rem 1.5rem; }
header.page h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
header.page p { margin: 0; color: #d9e2ec; }
header.page nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: .5rem 0 0; padding: 0; }
header.page nav a { color: #fff; }
main { max-width: 1240px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
section { margin-top: 1.75rem; }
h2 { font-size: 1.25rem; margin: 0 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: .75rem 0 .25rem; }
p.note { color: var(--muted); margin: .25rem 0 .75rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .75rem; margin: 0; }
.figure { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .8rem; margin: 0; }
.figure dt { font-weight: 600; color: var(--muted); font-size: .9rem; }
.figure dd { margin: 0; }
.figure .value { display: block; font-size: 1.75rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure[data-figure="sentiment"] .value { font-size: 1.3rem; line-height: 2.45rem; white-space: nowrap; }
.figure .detail { font-size: .85rem; color: var(--muted); }
.check { display: inline-block; font-weight: 700; font-size: .85rem; padding: 0 .4rem; border-radius: .25rem; border: 1px solid; }
.check-pass { color: #0b6e4f; background: #e3f5ee; }
.check-fail { color: #9c2a00; background: #fde8df; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: .75rem 1.25rem; }
.charts.wide { grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); }
figure.chart-figure { margin: 0; }
figure.chart-figure figcaption { font-size: .9rem; color: var(--muted); }
svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
svg.chart text { font-family: inherit; font-size: 11px; fill: var(--ink); }
svg.chart .axis-title { font-size: 11px; fill: var(--muted); }
svg.chart .row-label { font-size: 13px; font-weight: 600; }
svg.chart .segment-label, svg.chart .value { font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg.chart .grid { stroke: #e3e3e3; }
svg.chart .axis { stroke: #555; }
svg.pattern-definitions { position: absolute; width: 0; height: 0; overflow: hidden; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: .25rem 0 .5rem; font-size: .9rem; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.pattern-name { color: var(--muted); font-size: .8rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid #e0e0e0; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f2f4; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
details { margin: .5rem 0; }
summary { cursor: pointer; color: var(--accent); }
.notables { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 1rem; }
.notables ol { padding-left: 1.5rem; margin: 0; }
.notables li { margin-bottom: .5rem; }
.notables blockquote { margin: .15rem 0 0; padding: .1rem .5rem; border-left: 3px solid var(--line); color: var(--muted); font-size: .85rem; }
.coverage-scroll { max-height: 32rem; overflow: auto; border: 1px solid var(--line); }
.coverage-scroll thead th { position: sticky; top: 0; z-index: 1; }
table.coverage { table-layout: fixed; }
table.coverage th:first-child { width: 28%; }
table.coverage td.cell { white-space: nowrap; font-size: .85rem; }
table.coverage td.cell .symbol { display: inline-block; width: 1.1em; font-weight: 700; }
.status-written { background: #e3f5ee; }
.status-failed { background: #fde8df; color: #7a2200; font-weight: 600; }
.status-skipped { background: #fff3cc; }
.status-missing { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #ececec 4px, #ececec 8px); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
svg.sparkline { display: block; color: #1f4e79; }
svg.sparkline polyline { fill: none; stroke: currentColor; stroke-width: 1.5; }
svg.sparkline circle { fill: currentColor; }
td[data-direction="up"] { color: #1b6e20; }
td[data-direction="down"] { color: #a11d1d; }
@media print { .coverage-scroll { max-height: none; overflow: visible; } details { display: block; } }
`;

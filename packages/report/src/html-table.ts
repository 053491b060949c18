import { escapeHtml } from './html-text.js';

/** A table cell: text (escaped here) and whether it holds a number (right-aligned). */
export type TableCell = string | number | { text: string; isNumber?: boolean; className?: string; title?: string };

/** Options of {@link tableHtml}. */
export interface TableOptions {
  caption: string;
  headers: readonly (string | { text: string; isNumber?: boolean })[];
  rows: readonly (readonly TableCell[])[];
  className?: string;
  /** `data-table` attribute (tests select tables by it). */
  name?: string;
}

/** An accessible data table: caption, column headers with `scope`, the first cell of each row a row header. */
export function tableHtml(options: TableOptions): string {
  const headers = options.headers
    .map((header) => {
      const text = typeof header === 'string' ? header : header.text;
      const numeric = typeof header !== 'string' && header.isNumber ? ' class="number"' : '';
      return `<th scope="col"${numeric}>${escapeHtml(text)}</th>`;
    })
    .join('');
  const rows = options.rows.map((row) => `<tr>${row.map((cell, index) => cellHtml(cell, index === 0)).join('')}</tr>`);
  const attributes = [
    options.className ? ` class="${escapeHtml(options.className)}"` : '',
    options.name ? ` data-table="${escapeHtml(options.name)}"` : '',
  ].join('');
  return `<table${attributes}><caption>${escapeHtml(options.caption)}</caption><thead><tr>${headers}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function cellHtml(cell: TableCell, isRowHeader: boolean): string {
  const normalised = typeof cell === 'object' ? cell : { text: String(cell), isNumber: typeof cell === 'number' };
  const classes = [normalised.isNumber ? 'number' : '', normalised.className ?? ''].filter(Boolean).join(' ');
  const classAttribute = classes ? ` class="${escapeHtml(classes)}"` : '';
  const titleAttribute = normalised.title ? ` title="${escapeHtml(normalised.title)}"` : '';
  const tag = isRowHeader ? 'th scope="row"' : 'td';
  const close = isRowHeader ? 'th' : 'td';
  return `<${tag}${classAttribute}${titleAttribute}>${escapeHtml(normalised.text)}</${close}>`;
}

/** A table folded under "Show the data as a table", the fallback of a chart. */
export function tableFallbackHtml(options: TableOptions): string {
  return `<details><summary>Show the data as a table</summary>${tableHtml(options)}</details>`;
}

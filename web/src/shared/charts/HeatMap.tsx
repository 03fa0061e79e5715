/**
 * A heat map drawn as plain SVG: rows down, columns across, each cell shaded by its value and
 * labelled with it. It needs no chart library, so a page can show it in its first view while
 * the library loads for the charts below. Right to left in Persian: the row labels on the
 * right and the first column next to them.
 */
import { ChartFigure, type ChartTable } from './ChartFigure';

export interface HeatMapAxis {
  key: string;
  label: string;
}

export interface HeatMapProps {
  id: string;
  caption: string;
  rows: HeatMapAxis[];
  columns: HeatMapAxis[];
  value: (row: string, column: string) => number;
  format: (value: number) => string;
  rtl: boolean;
  table: ChartTable;
}

const WIDEST = 760;
const LABEL = 130;
const CELL_MOST = 90;
const HEADER = 96;
const ROW = 28;
const STOPS: [number, number, number][] = [
  [0xf6, 0xf7, 0xf8],
  [0xf2, 0xb8, 0xb5],
  [0xa4, 0x16, 0x1a],
];

/** The shade of a share of the highest value: pale grey, through rose, to deep red. */
export function shadeOf(share: number): string {
  const scaled = Math.min(1, Math.max(0, share)) * (STOPS.length - 1);
  const index = Math.min(STOPS.length - 2, Math.floor(scaled));
  const low = STOPS[index] ?? STOPS[0]!;
  const high = STOPS[index + 1] ?? low;
  const t = scaled - index;
  const channel = (i: 0 | 1 | 2) => Math.round(low[i] + (high[i] - low[i]) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

export function HeatMap({ id, caption, rows, columns, value, format, rtl, table }: HeatMapProps) {
  const max = Math.max(1, ...rows.flatMap((row) => columns.map((column) => value(row.key, column.key))));
  // A few columns keep cells of a readable size instead of stretching across the page.
  const cell = Math.min(CELL_MOST, (WIDEST - LABEL) / Math.max(1, columns.length));
  const width = LABEL + cell * Math.max(1, columns.length);
  const height = HEADER + rows.length * ROW;
  // Physical positions: the labels' side, and where the columns start from.
  const labelX = rtl ? width - 6 : LABEL - 6;
  const columnX = (i: number) => (rtl ? width - LABEL - (i + 1) * cell : LABEL + i * cell);
  return (
    <ChartFigure id={id} caption={caption} table={table}>
      <div role="img" aria-label={caption} data-chart={id}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ direction: 'ltr', display: 'block', maxWidth: width * 1.4, overflow: 'visible' }}
          className="heat-map"
        >
          {columns.map((column, i) => {
            const x = columnX(i) + cell / 2;
            return (
              <text
                key={column.key}
                transform={`translate(${x}, ${HEADER - 8}) rotate(${rtl ? 35 : -35})`}
                textAnchor={rtl ? 'end' : 'start'}
                className="heat-map-label"
              >
                {column.label}
              </text>
            );
          })}
          {rows.map((row, y) => {
            const top = HEADER + y * ROW;
            return (
              <g key={row.key}>
                <text
                  x={labelX}
                  y={top + ROW / 2}
                  textAnchor="end"
                  dominantBaseline="central"
                  className="heat-map-label"
                >
                  {row.label}
                </text>
                {columns.map((column, i) => {
                  const n = value(row.key, column.key);
                  const share = n / max;
                  return (
                    <g key={column.key}>
                      <rect
                        x={columnX(i) + 1}
                        y={top + 1}
                        width={cell - 2}
                        height={ROW - 2}
                        fill={shadeOf(share)}
                      >
                        <title>{`${row.label}${rtl ? '، ' : ', '}${column.label}: ${format(n)}`}</title>
                      </rect>
                      {n > 0 ? (
                        <text
                          x={columnX(i) + cell / 2}
                          y={top + ROW / 2}
                          textAnchor="middle"
                          dominantBaseline="central"
                          fill={share > 0.55 ? '#fff' : '#1d2329'}
                        >
                          {format(n)}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
    </ChartFigure>
  );
}

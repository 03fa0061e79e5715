/**
 * A chart with its numbers readable as a table too: the figure (ECharts, right to left in
 * Persian: the first category on the right, the value axis on the right) is an image to screen
 * readers, named by its caption; the same numbers are in a table beneath it.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, type EChartsCoreOption } from './echarts';

export interface ChartTable {
  columns: string[];
  rows: (string | number | ReactNode)[][];
}

export interface ChartProps {
  id: string;
  caption: string;
  option: EChartsCoreOption;
  table: ChartTable;
  height?: number;
}

const FONT = 'Vazirmatn, system-ui, sans-serif';

export function Chart({ id, caption, option, table, height = 280 }: ChartProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init>>(undefined);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { textStyle: { fontFamily: FONT }, animation: false, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div ref={element} role="img" aria-label={caption} style={{ height }} data-chart={id} />
      <details>
        <summary>{t('charts.numbers')}</summary>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Axes that read right to left in Persian: categories from the right, values on the right. */
export function directedAxes(rtl: boolean, categories: string[], horizontal = false) {
  const category = {
    type: 'category',
    data: categories,
    inverse: horizontal ? false : rtl,
    axisLabel: { interval: 0, hideOverlap: true },
  };
  const value = { type: 'value', position: rtl ? 'right' : 'left', minInterval: 1 };
  return horizontal
    ? {
        xAxis: { ...value, inverse: rtl, position: 'bottom' },
        yAxis: { ...category, inverse: true, position: rtl ? 'right' : 'left' },
      }
    : { xAxis: category, yAxis: value };
}

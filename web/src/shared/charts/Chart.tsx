/**
 * A chart with its numbers readable as a table too: the figure (ECharts, right to left in
 * Persian: the first category on the right, the value axis on the right) is an image to screen
 * readers, named by its caption; the same numbers are in a table beneath it.
 */
import { useEffect, useRef } from 'react';
import { ChartFigure, type ChartTable } from './ChartFigure';
import { echarts, type EChartsCoreOption } from './echarts';

export interface ChartProps {
  id: string;
  caption: string;
  option: EChartsCoreOption;
  table: ChartTable;
  height?: number;
}

const FONT = 'Vazirmatn, system-ui, sans-serif';

export function Chart({ id, caption, option, table, height = 280 }: ChartProps) {
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
    <ChartFigure id={id} caption={caption} table={table}>
      <div ref={element} role="img" aria-label={caption} style={{ height }} data-chart={id} />
    </ChartFigure>
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

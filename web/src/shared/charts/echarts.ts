/**
 * The parts of ECharts the pages draw with, registered once: bars, lines and the heat map, on
 * SVG (crisp at any zoom, text the browser renders in Vazirmatn). Only the pages with charts
 * import this, so ECharts is loaded with them and never with the first page.
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';

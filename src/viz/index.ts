// src/viz/index.ts: the charts a widget can use, and the types of their props.
export { LossChart, describeLoss, type LossChartProps, type LossSeries } from "./LossChart";
export { SeriesChart, type SeriesChartProps } from "./SeriesChart";
export { StateHeatmap, type StateHeatmapProps } from "./StateHeatmap";
export { GateHeatmaps, GATES, type GateHeatmapsProps } from "./GateHeatmaps";
export { GradNormChart, type GradNormChartProps, type GradNormSeries } from "./GradNormChart";
export { MatrixHeatmap, type MatrixHeatmapProps } from "./MatrixHeatmap";
export type { RowBlock } from "./Heatmap";
export type { TimeHoverProps } from "./useTimeHover";
export { useElementSize } from "./useElementSize";
export { NO_DATA_MESSAGE } from "./Figure";
export { CharText, describeCharValues, type CharTextProps } from "./CharText";
export { CharProbBars, type CharCandidate, type CharProbBarsProps } from "./CharProbBars";

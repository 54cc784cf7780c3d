export interface ToolMetricRow {
  tenant: string;
  tool: string;
  calls: number;
  errors: number;
  denied: number;
  p50: number | null;
  p95: number | null;
  costMicros: number;
}

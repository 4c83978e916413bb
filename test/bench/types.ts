/** One figure of the benchmark table. */
export interface BenchRow {
  /** Table section, e.g. "SM2" or "chain validation". */
  readonly group: string
  readonly name: string
  readonly value: number
  readonly unit: string
  /** What the figure is compared with, or how it was obtained. */
  readonly note?: string
}

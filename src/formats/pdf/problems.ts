/**
 * Where the reader records what it tolerated: deduplicated and capped, so a hostile file
 * cannot make the list grow without bound.
 */
import type { PdfProblem } from './types.js'

/** Anything problems can be pushed to (a plain array works). */
export interface ProblemSink {
  push(problem: PdfProblem): unknown
}

/** Most problems kept; later ones are counted in one final entry. */
const MAX_PROBLEMS = 1_000

/** A deduplicated, capped list of problems. */
export class ProblemList implements ProblemSink {
  readonly items: PdfProblem[] = []
  private readonly seen = new Set<string>()
  private dropped = 0

  push(problem: PdfProblem): void {
    const key = `${problem.code}|${problem.offset ?? ''}|${problem.message}`
    if (this.seen.has(key)) return
    if (this.items.length >= MAX_PROBLEMS) {
      this.dropped++
      if (this.dropped === 1) {
        this.items.push({
          code: 'limit.pdf.problems',
          message: 'too many problems; later ones are not listed / 问题过多，其余未列出',
        })
      }
      return
    }
    this.seen.add(key)
    this.items.push(problem)
  }
}

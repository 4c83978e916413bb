/**
 * Prints plain inspect data as an indented tree: `key: value` for scalars, nested blocks for
 * objects, `- ` items for arrays.
 */

/** The tree as lines, two spaces per level. */
export function treeLines(value: unknown, indent = ''): string[] {
  const lines: string[] = []
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}(none)`]
    value.forEach((item, i) => {
      if (item !== null && typeof item === 'object') {
        lines.push(`${indent}[${i + 1}]`)
        lines.push(...treeLines(item, `${indent}  `))
      } else {
        lines.push(`${indent}- ${scalar(item)}`)
      }
    })
    return lines
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (v !== null && typeof v === 'object' && (!Array.isArray(v) || v.length > 0)) {
        lines.push(`${indent}${k}:`)
        lines.push(...treeLines(v, `${indent}  `))
      } else {
        lines.push(`${indent}${k}: ${Array.isArray(v) ? '(none)' : scalar(v)}`)
      }
    }
    return lines
  }
  return [`${indent}${scalar(value)}`]
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '-'
  return String(v).replace(/[\u0000-\u001f\u007f]/g, ' ')
}

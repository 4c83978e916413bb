/**
 * Detects JSON objects that repeat a member name. JSON.parse keeps the last value silently,
 * while other readers may keep the first, so a signed registry must not be ambiguous.
 */

/**
 * Returns the first member name that appears twice in one object of `text`, or `undefined`.
 * `text` must already be valid JSON (call JSON.parse first); the scan is iterative, linear in
 * the length of `text`, and uses no recursion.
 */
export function findDuplicateMember(text: string): string | undefined {
  // One entry per open container: the names seen so far for an object, null for an array.
  const stack: Array<Set<string> | null> = []
  let expectName = false
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      const end = stringEnd(text, i)
      const names = stack[stack.length - 1]
      if (expectName && names) {
        const name = JSON.parse(text.slice(i, end)) as string
        if (names.has(name)) return name
        names.add(name)
        expectName = false
      }
      i = end
      continue
    }
    if (c === 0x7b) {
      stack.push(new Set())
      expectName = true
    } else if (c === 0x5b) {
      stack.push(null)
      expectName = false
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop()
      expectName = false
    } else if (c === 0x2c) {
      expectName = stack[stack.length - 1] instanceof Set
    }
    i++
  }
  return undefined
}

/** Index just past the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x5c) i += 2
    else if (c === 0x22) return i + 1
    else i++
  }
  return text.length
}

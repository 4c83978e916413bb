import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { PLAIN } from '../src/shape.js'

const SRC = join(import.meta.dirname, '../src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** Object literals that start with a spread of something other than PLAIN and add more. */
function unplainSpreads(path: string): string[] {
  const text = readFileSync(path, 'utf8')
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && node.properties.length > 1) {
      const first = node.properties[0]!
      if (ts.isSpreadAssignment(first) && first.expression.getText(file) !== 'PLAIN') {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file))
        found.push(`${relative(SRC, path)}:${line + 1}`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('object literals that copy and add (src/shape.ts)', () => {
  it('start with ...PLAIN everywhere in src', () => {
    expect(sources(SRC).flatMap(unplainSpreads)).toEqual([])
  })

  it('give the object a spread gives: same own properties in order, later ones winning', () => {
    const base = { a: 1, b: 2, [Symbol.for('s')]: 3 }
    const withProto = JSON.parse('{"__proto__": {"polluted": true}, "c": 4}') as object
    expect(Reflect.ownKeys({ ...PLAIN, ...base, b: 5, d: 6 })).toEqual(
      Reflect.ownKeys({ ...base, b: 5, d: 6 }),
    )
    expect({ ...PLAIN, ...base, b: 5 }).toEqual({ a: 1, b: 5, [Symbol.for('s')]: 3 })
    const copied = { ...PLAIN, ...withProto, e: 7 }
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype)
    expect(Object.hasOwn(copied, '__proto__')).toBe(true)
    expect((copied as { polluted?: boolean }).polluted).toBeUndefined()
    expect(Object.isFrozen(PLAIN) && Reflect.ownKeys(PLAIN).length === 0).toBe(true)
  })
})

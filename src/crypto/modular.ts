/**
 * Modular arithmetic on bigint for public values (not constant time): reduction, inverse,
 * exponentiation.
 */

/** Computes base^exponent mod modulus for modulus > 1 and exponent >= 0. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 1n) throw new RangeError('modulus must be greater than 1')
  if (exponent < 0n) throw new RangeError('negative exponent')
  let b = base % modulus
  if (b < 0n) b += modulus
  let result = 1n
  const bits = exponent.toString(2)
  for (let i = 0; i < bits.length; i++) {
    result = (result * result) % modulus
    if (bits.charCodeAt(i) === 49) result = (result * b) % modulus
  }
  return result
}

/** Reduces `x` modulo `m` into [0, m). */
export function mod(x: bigint, m: bigint): bigint {
  const r = x % m
  return r < 0n ? r + m : r
}

/** Modular inverse by the extended Euclidean algorithm; `x` must be coprime with `m`. */
export function invert(x: bigint, m: bigint): bigint {
  let a = mod(x, m)
  let b = m
  let u = 1n
  let v = 0n
  while (a !== 0n) {
    const q = b / a
    ;[a, b] = [b - q * a, a]
    ;[u, v] = [v - q * u, u]
  }
  if (b !== 1n) throw new RangeError('not invertible')
  return mod(v, m)
}

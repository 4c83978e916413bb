/**
 * The SM2 recommended curve (GB/T 32918.5-2017) on @noble/curves' short-Weierstrass engine.
 */
import { weierstrass, type WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js'
import { bigIntToBytes } from './bytes.js'

/** Curve constants, GB/T 32918.5 (also GM/T 0003.5). */
export const SM2_CURVE = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
} as const

/** Point type of the SM2 curve. */
export type Sm2Point = WeierstrassPoint<bigint>

/** Point constructor of the SM2 curve (the base point carries a precomputed table). */
export const Sm2Point = weierstrass<bigint>({
  p: SM2_CURVE.p,
  n: SM2_CURVE.n,
  h: SM2_CURVE.h,
  a: SM2_CURVE.a,
  b: SM2_CURVE.b,
  Gx: SM2_CURVE.Gx,
  Gy: SM2_CURVE.Gy,
})

/** `a || b || Gx || Gy`, 128 bytes, the curve part of the SM2 Z value. */
export const SM2_Z_CURVE_BYTES: Uint8Array = (() => {
  const out = new Uint8Array(128)
  out.set(bigIntToBytes(SM2_CURVE.a, 32), 0)
  out.set(bigIntToBytes(SM2_CURVE.b, 32), 32)
  out.set(bigIntToBytes(SM2_CURVE.Gx, 32), 64)
  out.set(bigIntToBytes(SM2_CURVE.Gy, 32), 96)
  return out
})()

// src/engine/wasm/kernels.as.ts: AssemblyScript f64x2 SIMD matrix products (built by scripts/build-wasm.mjs).
//
// Same contract as src/engine/kernels/types.ts. Every pointer argument is an ELEMENT offset (a Float64Array
// index into the imported memory), so JS passes arena offsets unchanged; the byte address is offset << 3.
// Memory is imported (env.memory) so JS sizes it at instantiation and grows it without the module's help;
// the module has no data segments or globals in memory, so the whole memory belongs to the arena.
//
// Only separate f64x2.mul and f64x2.add are used (never relaxed or fused multiply-add): every partial sum is
// an exactly rounded IEEE operation, so results differ from the TypeScript kernels only by summation order.
// gemmNN and gemmTN keep even that order (each C element sums k = 0, 1, 2, ... in sequence, as the TS loops
// do); gemmNT splits each dot product over the two lanes (even and odd k).

// Rows of A kept hot per block in gemmNT: a block this size stays in L1 while each 4-row panel of B streams
// past it once, instead of the whole of B streaming past every pair of rows.
const NT_A_BLOCK_BYTES: usize = 24 * 1024;
// k-block of gemmNN/gemmTN: a KC x 8 panel of B (16 KiB) stays in L1 while every row pair of A sweeps it.
const KC: i32 = 64;

@inline function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

@inline function put(p: usize, s: f64, acc: i32): void {
  store<f64>(p, acc ? load<f64>(p) + s : s);
}

@inline function madd(s: v128, x: v128, y: v128): v128 {
  return f64x2.add(s, f64x2.mul(x, y));
}

// ---------------------------------------------------------------- gemmNT: C = A · B^T (row dot row)
// Lane 0 accumulates even k, lane 1 odd k; an odd K's last element is loaded with load64_zero so lane 1 adds
// +0 * +0 (exact, and never a NaN from an infinity). kv = bytes covered by whole f64x2 pairs.

/** 2 rows of A x 4 rows of B: 8 independent accumulators hide the add latency; 6 loads per 8 multiply-adds. */
@inline function nt2x4(a0: usize, b0: usize, c0: usize, K8: usize, kv: usize, N8: usize, acc: i32): void {
  const a1 = a0 + K8, b1 = b0 + K8, b2 = b1 + K8, b3 = b2 + K8;
  let s00 = f64x2.splat(0), s01 = f64x2.splat(0), s02 = f64x2.splat(0), s03 = f64x2.splat(0);
  let s10 = f64x2.splat(0), s11 = f64x2.splat(0), s12 = f64x2.splat(0), s13 = f64x2.splat(0);
  let k: usize = 0;
  for (; k < kv; k += 16) {
    const x0 = v128.load(a0 + k), x1 = v128.load(a1 + k);
    let y = v128.load(b0 + k);
    s00 = madd(s00, x0, y); s10 = madd(s10, x1, y);
    y = v128.load(b1 + k);
    s01 = madd(s01, x0, y); s11 = madd(s11, x1, y);
    y = v128.load(b2 + k);
    s02 = madd(s02, x0, y); s12 = madd(s12, x1, y);
    y = v128.load(b3 + k);
    s03 = madd(s03, x0, y); s13 = madd(s13, x1, y);
  }
  if (k < K8) {
    const x0 = v128.load64_zero(a0 + k), x1 = v128.load64_zero(a1 + k);
    let y = v128.load64_zero(b0 + k);
    s00 = madd(s00, x0, y); s10 = madd(s10, x1, y);
    y = v128.load64_zero(b1 + k);
    s01 = madd(s01, x0, y); s11 = madd(s11, x1, y);
    y = v128.load64_zero(b2 + k);
    s02 = madd(s02, x0, y); s12 = madd(s12, x1, y);
    y = v128.load64_zero(b3 + k);
    s03 = madd(s03, x0, y); s13 = madd(s13, x1, y);
  }
  const c1 = c0 + N8;
  put(c0, hsum(s00), acc); put(c0 + 8, hsum(s01), acc); put(c0 + 16, hsum(s02), acc); put(c0 + 24, hsum(s03), acc);
  put(c1, hsum(s10), acc); put(c1 + 8, hsum(s11), acc); put(c1 + 16, hsum(s12), acc); put(c1 + 24, hsum(s13), acc);
}

/**
 * 1 row of A x 4 rows of B (the M = 1 matrix-vector case and odd M). Two accumulators per output (k mod 4 in
 * {0,1} and {2,3}) keep 8 chains in flight although only one row of A is shared.
 */
@inline function nt1x4(a0: usize, b0: usize, c0: usize, K8: usize, acc: i32): void {
  const b1 = b0 + K8, b2 = b1 + K8, b3 = b2 + K8;
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  let t0 = f64x2.splat(0), t1 = f64x2.splat(0), t2 = f64x2.splat(0), t3 = f64x2.splat(0);
  const k4 = K8 & ~(<usize>31);
  let k: usize = 0;
  for (; k < k4; k += 32) {
    const x = v128.load(a0 + k), z = v128.load(a0 + k, 16);
    s0 = madd(s0, x, v128.load(b0 + k)); t0 = madd(t0, z, v128.load(b0 + k, 16));
    s1 = madd(s1, x, v128.load(b1 + k)); t1 = madd(t1, z, v128.load(b1 + k, 16));
    s2 = madd(s2, x, v128.load(b2 + k)); t2 = madd(t2, z, v128.load(b2 + k, 16));
    s3 = madd(s3, x, v128.load(b3 + k)); t3 = madd(t3, z, v128.load(b3 + k, 16));
  }
  if (K8 - k >= 16) {
    const x = v128.load(a0 + k);
    s0 = madd(s0, x, v128.load(b0 + k));
    s1 = madd(s1, x, v128.load(b1 + k));
    s2 = madd(s2, x, v128.load(b2 + k));
    s3 = madd(s3, x, v128.load(b3 + k));
    k += 16;
  }
  if (k < K8) {
    const z = v128.load64_zero(a0 + k);
    t0 = madd(t0, z, v128.load64_zero(b0 + k));
    t1 = madd(t1, z, v128.load64_zero(b1 + k));
    t2 = madd(t2, z, v128.load64_zero(b2 + k));
    t3 = madd(t3, z, v128.load64_zero(b3 + k));
  }
  put(c0, hsum(s0) + hsum(t0), acc);
  put(c0 + 8, hsum(s1) + hsum(t1), acc);
  put(c0 + 16, hsum(s2) + hsum(t2), acc);
  put(c0 + 24, hsum(s3) + hsum(t3), acc);
}

/** 2 rows of A x 1 row of B (N mod 4 leftovers), two accumulators per output. */
@inline function nt2x1(a0: usize, b0: usize, c0: usize, K8: usize, N8: usize, acc: i32): void {
  const a1 = a0 + K8;
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), t0 = f64x2.splat(0), t1 = f64x2.splat(0);
  const k4 = K8 & ~(<usize>31);
  let k: usize = 0;
  for (; k < k4; k += 32) {
    const y = v128.load(b0 + k), w = v128.load(b0 + k, 16);
    s0 = madd(s0, v128.load(a0 + k), y); t0 = madd(t0, v128.load(a0 + k, 16), w);
    s1 = madd(s1, v128.load(a1 + k), y); t1 = madd(t1, v128.load(a1 + k, 16), w);
  }
  if (K8 - k >= 16) {
    const y = v128.load(b0 + k);
    s0 = madd(s0, v128.load(a0 + k), y);
    s1 = madd(s1, v128.load(a1 + k), y);
    k += 16;
  }
  if (k < K8) {
    const w = v128.load64_zero(b0 + k);
    t0 = madd(t0, v128.load64_zero(a0 + k), w);
    t1 = madd(t1, v128.load64_zero(a1 + k), w);
  }
  put(c0, hsum(s0) + hsum(t0), acc);
  put(c0 + N8, hsum(s1) + hsum(t1), acc);
}

/** 1 x 1: a single dot product (odd M and N mod 4 both left over). */
@inline function nt1x1(a0: usize, b0: usize, c0: usize, K8: usize, acc: i32): void {
  let s = f64x2.splat(0), t = f64x2.splat(0);
  const k4 = K8 & ~(<usize>31);
  let k: usize = 0;
  for (; k < k4; k += 32) {
    s = madd(s, v128.load(a0 + k), v128.load(b0 + k));
    t = madd(t, v128.load(a0 + k, 16), v128.load(b0 + k, 16));
  }
  if (K8 - k >= 16) {
    s = madd(s, v128.load(a0 + k), v128.load(b0 + k));
    k += 16;
  }
  if (k < K8) t = madd(t, v128.load64_zero(a0 + k), v128.load64_zero(b0 + k));
  put(c0, hsum(s) + hsum(t), acc);
}

/** C[M][N] = (acc ? C : 0) + A[M][K] · B[N][K]^T. Offsets are element offsets. */
export function gemmNT(a: u32, b: u32, c: u32, M: i32, N: i32, K: i32, acc: i32): void {
  if (M <= 0 || N <= 0) return;
  if (K < 0) K = 0;
  const A = <usize>a << 3, B = <usize>b << 3, C = <usize>c << 3;
  const K8 = <usize>K << 3, N8 = <usize>N << 3;
  const kv = K8 & ~(<usize>15);
  const n4 = N & ~3;
  let mc = <i32>(NT_A_BLOCK_BYTES / (K8 > 8 ? K8 : 8)) & ~1;
  if (mc < 2) mc = 2;
  for (let m0 = 0; m0 < M; m0 += mc) {
    const m1 = min(M, m0 + mc);
    const mp = m0 + ((m1 - m0) & ~1);
    for (let n = 0; n < n4; n += 4) {
      const pb = B + <usize>n * K8;
      const pc = C + (<usize>n << 3);
      let m = m0;
      for (; m < mp; m += 2) nt2x4(A + <usize>m * K8, pb, pc + <usize>m * N8, K8, kv, N8, acc);
      if (m < m1) nt1x4(A + <usize>m * K8, pb, pc + <usize>m * N8, K8, acc);
    }
    for (let n = n4; n < N; n++) {
      const pb = B + <usize>n * K8;
      const pc = C + (<usize>n << 3);
      let m = m0;
      for (; m < mp; m += 2) nt2x1(A + <usize>m * K8, pb, pc + <usize>m * N8, K8, N8, acc);
      if (m < m1) nt1x1(A + <usize>m * K8, pb, pc + <usize>m * N8, K8, acc);
    }
  }
}

// ------------------------------------------------- gemmNN / gemmTN: C rows += A(m,k) * B row k (axpy)
// Both are C[m][n] = Σ_k A(m,k) · B[k][n] with A(m,k) at pa + m*am + k*ak (bytes): NN walks A along a row
// (am = K*8, ak = 8), TN down a column (am = 8, ak = M*8). A C tile stays in registers over a k-block and
// each element adds its k terms in increasing k, the same order as the TS loops.

/** 2 rows x 8 columns of C (8 accumulators); per k: 2 splat loads of A, 4 loads of B. */
@inline function ax2x8(pa: usize, am: usize, ak: usize, pb: usize, N8: usize, c0: usize, kn: i32, acc: i32): void {
  const c1 = c0 + N8;
  let s00 = f64x2.splat(0), s01 = f64x2.splat(0), s02 = f64x2.splat(0), s03 = f64x2.splat(0);
  let s10 = f64x2.splat(0), s11 = f64x2.splat(0), s12 = f64x2.splat(0), s13 = f64x2.splat(0);
  if (acc) {
    s00 = v128.load(c0); s01 = v128.load(c0, 16); s02 = v128.load(c0, 32); s03 = v128.load(c0, 48);
    s10 = v128.load(c1); s11 = v128.load(c1, 16); s12 = v128.load(c1, 32); s13 = v128.load(c1, 48);
  }
  const pa1 = pa + am;
  let o: usize = 0;
  for (let k = 0; k < kn; k++) {
    const x0 = v128.load64_splat(pa + o), x1 = v128.load64_splat(pa1 + o);
    let y = v128.load(pb);
    s00 = madd(s00, x0, y); s10 = madd(s10, x1, y);
    y = v128.load(pb, 16);
    s01 = madd(s01, x0, y); s11 = madd(s11, x1, y);
    y = v128.load(pb, 32);
    s02 = madd(s02, x0, y); s12 = madd(s12, x1, y);
    y = v128.load(pb, 48);
    s03 = madd(s03, x0, y); s13 = madd(s13, x1, y);
    o += ak;
    pb += N8;
  }
  v128.store(c0, s00); v128.store(c0, s01, 16); v128.store(c0, s02, 32); v128.store(c0, s03, 48);
  v128.store(c1, s10); v128.store(c1, s11, 16); v128.store(c1, s12, 32); v128.store(c1, s13, 48);
}

/** 1 row x 8 columns (odd M, and the M = 1 vector-matrix case). */
@inline function ax1x8(pa: usize, ak: usize, pb: usize, N8: usize, c0: usize, kn: i32, acc: i32): void {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  if (acc) {
    s0 = v128.load(c0); s1 = v128.load(c0, 16); s2 = v128.load(c0, 32); s3 = v128.load(c0, 48);
  }
  for (let k = 0; k < kn; k++) {
    const x = v128.load64_splat(pa);
    s0 = madd(s0, x, v128.load(pb));
    s1 = madd(s1, x, v128.load(pb, 16));
    s2 = madd(s2, x, v128.load(pb, 32));
    s3 = madd(s3, x, v128.load(pb, 48));
    pa += ak;
    pb += N8;
  }
  v128.store(c0, s0); v128.store(c0, s1, 16); v128.store(c0, s2, 32); v128.store(c0, s3, 48);
}

/** 2 rows x 2 columns (N mod 8 leftovers). */
@inline function ax2x2(pa: usize, am: usize, ak: usize, pb: usize, N8: usize, c0: usize, kn: i32, acc: i32): void {
  const c1 = c0 + N8;
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  if (acc) { s0 = v128.load(c0); s1 = v128.load(c1); }
  const pa1 = pa + am;
  let o: usize = 0;
  for (let k = 0; k < kn; k++) {
    const y = v128.load(pb);
    s0 = madd(s0, v128.load64_splat(pa + o), y);
    s1 = madd(s1, v128.load64_splat(pa1 + o), y);
    o += ak;
    pb += N8;
  }
  v128.store(c0, s0); v128.store(c1, s1);
}

/** 1 row x 2 columns. */
@inline function ax1x2(pa: usize, ak: usize, pb: usize, N8: usize, c0: usize, kn: i32, acc: i32): void {
  let s = acc ? v128.load(c0) : f64x2.splat(0);
  for (let k = 0; k < kn; k++) {
    s = madd(s, v128.load64_splat(pa), v128.load(pb));
    pa += ak;
    pb += N8;
  }
  v128.store(c0, s);
}

/** Scalar 1 x 1 for an odd N's last column: same sequential-in-k order, plain f64. */
@inline function ax1x1(pa: usize, ak: usize, pb: usize, N8: usize, c0: usize, kn: i32, acc: i32): void {
  let s: f64 = acc ? load<f64>(c0) : 0;
  for (let k = 0; k < kn; k++) {
    s += load<f64>(pa) * load<f64>(pb);
    pa += ak;
    pb += N8;
  }
  store<f64>(c0, s);
}

function axpyGemm(A: usize, am: usize, ak: usize, B: usize, C: usize, M: i32, N: i32, K: i32, acc: i32): void {
  const N8 = <usize>N << 3;
  if (K <= 0) {
    if (!acc) memory.fill(C, 0, <usize>M * N8);
    return;
  }
  const n8 = N & ~7, n2 = N & ~1, mp = M & ~1;
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kn = min(KC, K - k0);
    const ac = k0 > 0 ? 1 : acc;
    const pa = A + <usize>k0 * ak;
    const pbk = B + <usize>k0 * N8;
    for (let n = 0; n < n8; n += 8) {
      const pb = pbk + (<usize>n << 3);
      const pc = C + (<usize>n << 3);
      let m = 0;
      for (; m < mp; m += 2) ax2x8(pa + <usize>m * am, am, ak, pb, N8, pc + <usize>m * N8, kn, ac);
      if (m < M) ax1x8(pa + <usize>m * am, ak, pb, N8, pc + <usize>m * N8, kn, ac);
    }
    for (let n = n8; n < n2; n += 2) {
      const pb = pbk + (<usize>n << 3);
      const pc = C + (<usize>n << 3);
      let m = 0;
      for (; m < mp; m += 2) ax2x2(pa + <usize>m * am, am, ak, pb, N8, pc + <usize>m * N8, kn, ac);
      if (m < M) ax1x2(pa + <usize>m * am, ak, pb, N8, pc + <usize>m * N8, kn, ac);
    }
    if (n2 < N) {
      const pb = pbk + (<usize>n2 << 3);
      const pc = C + (<usize>n2 << 3);
      for (let m = 0; m < M; m++) ax1x1(pa + <usize>m * am, ak, pb, N8, pc + <usize>m * N8, kn, ac);
    }
  }
}

/** C[M][N] = (acc ? C : 0) + A[M][K] · B[K][N]. Offsets are element offsets. */
export function gemmNN(a: u32, b: u32, c: u32, M: i32, N: i32, K: i32, acc: i32): void {
  if (M <= 0 || N <= 0) return;
  // One output column is a dot product of each A row with contiguous B: vectorise along k instead.
  if (N == 1 && K > 0) {
    gemmNT(a, b, c, M, 1, K, acc);
    return;
  }
  axpyGemm(<usize>a << 3, <usize>K << 3, 8, <usize>b << 3, <usize>c << 3, M, N, K, acc);
}

/** C[M][N] = (acc ? C : 0) + A[K][M]^T · B[K][N]. Offsets are element offsets. */
export function gemmTN(a: u32, b: u32, c: u32, M: i32, N: i32, K: i32, acc: i32): void {
  if (M <= 0 || N <= 0) return;
  // C is M x 1, which is also the layout of C^T = B^T A (1 x M): swap operands so the vector axis is M.
  if (N == 1 && M > 1) {
    axpyGemm(<usize>b << 3, 8, 8, <usize>a << 3, <usize>c << 3, 1, M, K, acc);
    return;
  }
  axpyGemm(<usize>a << 3, 8, <usize>M << 3, <usize>b << 3, <usize>c << 3, M, N, K, acc);
}

// src/data/leastSquares.ts: linear least squares by Householder QR (no normal equations), with an optional ridge.

/**
 * β minimising ‖Xβ − y‖² + ridge · Σ_{j ∈ penalised} β_j², for X [N][m] row-major.
 * The ridge is applied by appending √ridge · e_j rows to X (and zeros to y), so the problem stays a plain least
 * squares solved by QR: its error grows with cond(X), where the normal equations' grows with cond(X)².
 * `unpenalised` lists columns left out of the ridge (an intercept). Throws if X is rank deficient and no ridge
 * makes it full rank.
 */
export function leastSquares(X: Float64Array, y: Float64Array, N: number, m: number, ridge = 0, unpenalised: readonly number[] = []): Float64Array {
  if (X.length !== N * m || y.length !== N) throw new RangeError(`leastSquares: X has ${X.length} entries and y ${y.length}, expected ${N}×${m} and ${N}.`);
  const penalised: number[] = [];
  if (ridge > 0) for (let j = 0; j < m; j++) if (!unpenalised.includes(j)) penalised.push(j);
  const rows = N + penalised.length;
  // Column-major copy of the (augmented) matrix: Householder works down columns.
  const A = new Float64Array(rows * m);
  const b = new Float64Array(rows);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < m; j++) A[j * rows + i] = X[i * m + j];
    b[i] = y[i];
  }
  const s = Math.sqrt(ridge);
  penalised.forEach((j, r) => {
    A[j * rows + N + r] = s;
  });
  if (rows < m) throw new RangeError(`leastSquares: ${rows} rows cannot determine ${m} coefficients.`);

  let maxDiag = 0;
  for (let j = 0; j < m; j++) {
    const col = j * rows;
    let norm = 0;
    for (let i = j; i < rows; i++) norm += A[col + i] * A[col + i];
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    // v = x − α e_1 with α = −sign(x_0)‖x‖ (no cancellation); H = I − 2 v vᵀ / (vᵀ v).
    const alpha = A[col + j] > 0 ? -norm : norm;
    A[col + j] -= alpha;
    let vv = 0;
    for (let i = j; i < rows; i++) vv += A[col + i] * A[col + i];
    for (let c = j + 1; c < m; c++) {
      const cc = c * rows;
      let dot = 0;
      for (let i = j; i < rows; i++) dot += A[col + i] * A[cc + i];
      const f = (2 * dot) / vv;
      for (let i = j; i < rows; i++) A[cc + i] -= f * A[col + i];
    }
    let dot = 0;
    for (let i = j; i < rows; i++) dot += A[col + i] * b[i];
    const f = (2 * dot) / vv;
    for (let i = j; i < rows; i++) b[i] -= f * A[col + i];
    // R's diagonal entry is α; the rest of the column below it is now the Householder vector (no longer needed).
    A[col + j] = alpha;
    maxDiag = Math.max(maxDiag, Math.abs(alpha));
  }
  // Back substitution R β = Qᵀ y (R is the upper triangle of A).
  const beta = new Float64Array(m);
  for (let j = m - 1; j >= 0; j--) {
    let v = b[j];
    for (let c = j + 1; c < m; c++) v -= A[c * rows + j] * beta[c];
    const d = A[j * rows + j];
    if (!(Math.abs(d) > maxDiag * 1e-13)) {
      throw new RangeError(`leastSquares: column ${j} is (nearly) a combination of the others; add a ridge to make the fit unique.`);
    }
    beta[j] = v / d;
  }
  return beta;
}

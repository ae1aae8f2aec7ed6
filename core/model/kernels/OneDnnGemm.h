#pragma once
// oneDNN's row-major sgemm, looked up at run time (internal to core/model). LibTorch built with
// MKLDNN (Debian's is) links libdnnl.so, so the symbol is in the process; its AVX-512 kernels run
// 2-4x faster than the BLAS LibTorch calls on CPUs newer than that BLAS build. A LibTorch that
// links oneDNN statically (pytorch.org builds) hides the symbol: then callers fall back to ATen.

#include <cstdint>

namespace quarry::model::detail {

// C = alpha op(A) op(B) + beta C, row-major, lda/ldb/ldc = row strides; returns 0 on success.
using SgemmFn = int (*)(char transa, char transb, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
                        int64_t lda, const float* b, int64_t ldb, float beta, float* c, int64_t ldc);

// Null when oneDNN is not reachable, the backend is Aten or the GEMM library Blas (KernelBackend.h).
SgemmFn oneDnnSgemm();
// oneDNN's sgemm whatever the choice (null when not reachable): what the measurement times.
SgemmFn oneDnnSgemmSymbol();
// The BLAS's cblas_sgemm behind the same signature (null when the process has none, or the Aten backend,
// or the GEMM library is oneDNN): multithreaded by the BLAS itself, so callers run it from one thread.
SgemmFn blasSgemm();

}  // namespace quarry::model::detail

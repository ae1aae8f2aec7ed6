#pragma once
// The float32 GEMMs of the Auto kernel backend (internal to core/model), in the library chosen for the CPU
// (KernelBackend.h GemmLibrary), both looked up at run time:
// - oneDNN's row-major sgemm: LibTorch built with MKLDNN (Debian's is) links libdnnl.so, so the symbol is
//   in the process; its AVX-512 kernels run 2-4x faster than the BLAS LibTorch calls on CPUs newer than
//   that BLAS build. It threads itself over the OpenMP pool.
// - the BLAS's cblas_sgemm (Debian: OpenBLAS), called single-threaded from each of LibTorch's intra-op
//   threads on its own block of the output. OpenBLAS's own pool would otherwise spin in sched_yield for
//   about 0.1 s after every product, taking a core from the OpenMP threads of the ops between GEMMs (the
//   GELU, softmax and copies of an encoder pass ran 2x slower beside it).
// A LibTorch that links oneDNN statically and has no CBLAS (pytorch.org builds) hides both: callers fall
// back to ATen.

#include <cstdint>

#include "model/kernels/KernelBackend.h"

namespace quarry::model::detail {

// C = alpha op(A) op(B) + beta C, row-major, lda/ldb/ldc = row strides; returns 0 on success.
using SgemmFn = int (*)(char transa, char transb, int64_t m, int64_t n, int64_t k, float alpha,
                        const float* a, int64_t lda, const float* b, int64_t ldb, float beta, float* c,
                        int64_t ldc);

// Whether gemm() runs: the backend is Auto and the chosen library is in the process.
bool gemmAvailable();

// C = op(A) op(B) + beta C in the chosen library, spread over the intra-op threads; with `rowBias`
// (n floats) C's rows are set to it first and beta is ignored (the linear layer's bias). false when
// gemmAvailable() is not, or a dimension does not fit the library's integers: the caller uses ATen.
bool gemm(char transa, char transb, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda,
          const float* b, int64_t ldb, float beta, float* c, int64_t ldc, const float* rowBias = nullptr);

// gemm() in the given library, whatever the choice and the backend (what the measurement times).
bool gemmIn(GemmLibrary library, char transa, char transb, int64_t m, int64_t n, int64_t k, const float* a,
            int64_t lda, const float* b, int64_t ldb, float beta, float* c, int64_t ldc,
            const float* rowBias = nullptr);

// One product on the calling thread in the chosen library, for callers that spread independent products
// over the intra-op threads themselves (attention's heads); null when gemmAvailable() is not.
SgemmFn gemmOneThread();
// True when the BLAS runs the GEMMs with a pool of its own (a caller fixed OpenBLAS's threads above one):
// then gemmOneThread's products must be called one after another, each threaded by the BLAS.
bool gemmThreadsItself();

// Whether each library is in the process, whatever the choice.
bool oneDnnReachable();
bool blasReachable();

}  // namespace quarry::model::detail

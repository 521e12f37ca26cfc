/* A stand-in for Windows' bcryptprimitives.dll, which wine 8.0 lacks: Rust's standard library
   (so cryptography and pydantic-core) imports ProcessPrng from it. For the test prefix only:
   real Windows has it, and the build never contains this file (packaging/windows/build.sh). */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    return BCryptGenRandom(NULL, data, (ULONG)size, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}

/* Test-only stand-in for bcryptprimitives.dll, which Wine 8.0 lacks (it came in Wine 8.13).
 * Rust's standard library (since 1.78) calls ProcessPrng from it; every Windows 10/11 has the
 * real one. Never shipped: only the Wine prefix of the tests gets it. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}

/* Test-only `printto` handler for .pdf files in the Wine prefix of the tests: what a PDF
 * viewer (Edge, Acrobat Reader, SumatraPDF) does on a counter PC, minus the printing. Called as
 *   printto.exe OUT_DIR FILE.pdf PRINTER [DRIVER] [PORT]
 * it copies FILE.pdf to OUT_DIR\job.pdf and writes the printer's name (UTF-8) to
 * OUT_DIR\printer.txt. */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv) {
    if (argc < 4) return 2;
    wchar_t target[MAX_PATH];
    _snwprintf(target, MAX_PATH, L"%ls\\job.pdf", argv[1]);
    if (!CopyFileW(argv[2], target, FALSE)) return 3;
    _snwprintf(target, MAX_PATH, L"%ls\\printer.txt", argv[1]);
    char name[1024];
    int n = WideCharToMultiByte(CP_UTF8, 0, argv[3], -1, name, sizeof name, NULL, NULL);
    if (n <= 0) return 4;
    HANDLE out = CreateFileW(target, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (out == INVALID_HANDLE_VALUE) return 5;
    DWORD written;
    WriteFile(out, name, (DWORD)(n - 1), &written, NULL);
    CloseHandle(out);
    return 0;
}

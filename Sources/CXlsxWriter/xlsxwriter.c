// libxlsxwriter's functions, found in libxlsxwriter.so.4 on first use (see cxlsxwriter.h).
#include "cxlsxwriter.h"
#include <dlfcn.h>
#include <pthread.h>

#define POINTER(type, name, parameters, arguments) type(*name) parameters;
#define PROCEDURE_POINTER(name, parameters, arguments) void(*name) parameters;
static struct {
    TSHEET_XLSX_FUNCTIONS(POINTER)
    TSHEET_XLSX_PROCEDURES(PROCEDURE_POINTER)
} xlsx;
static bool loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
#define FIND(name) if ((*(void **)&xlsx.name = dlsym(library, #name)) == NULL) return;
#define FIND_FUNCTION(type, name, parameters, arguments) FIND(name)
#define FIND_PROCEDURE(name, parameters, arguments) FIND(name)
    TSHEET_XLSX_FUNCTIONS(FIND_FUNCTION)
    TSHEET_XLSX_PROCEDURES(FIND_PROCEDURE)
    loaded = true;
}

bool tsheet_xlsx_load(void) {
    pthread_once(&once, load);
    return loaded;
}

// Called only after tsheet_xlsx_load() returned true.
#define FORWARD(type, name, parameters, arguments) type tsheet_##name parameters { return xlsx.name arguments; }
#define FORWARD_PROCEDURE(name, parameters, arguments) void tsheet_##name parameters { xlsx.name arguments; }
TSHEET_XLSX_FUNCTIONS(FORWARD)
TSHEET_XLSX_PROCEDURES(FORWARD_PROCEDURE)

// libcurl's functions, found in libcurl.so.4 on first use (see ccurl.h).
#include "ccurl.h"
#include <dlfcn.h>
#include <pthread.h>

static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *handle);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    void (*easy_cleanup)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *text);
    void (*slist_free_all)(struct curl_slist *list);
} curl;
static bool loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
#define FIND(field, symbol) if ((*(void **)&curl.field = dlsym(library, symbol)) == NULL) return
    FIND(global_init, "curl_global_init");
    FIND(easy_init, "curl_easy_init");
    FIND(easy_setopt, "curl_easy_setopt");
    FIND(easy_perform, "curl_easy_perform");
    FIND(easy_getinfo, "curl_easy_getinfo");
    FIND(easy_cleanup, "curl_easy_cleanup");
    FIND(easy_strerror, "curl_easy_strerror");
    FIND(slist_append, "curl_slist_append");
    FIND(slist_free_all, "curl_slist_free_all");
#undef FIND
    loaded = curl.global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
}

bool tsheet_curl_load(void) {
    pthread_once(&once, load);
    return loaded;
}

// The functions below are called only after tsheet_curl_load() returned true.

CURL *tsheet_curl_easy_init(void) { return curl.easy_init(); }
CURLcode tsheet_curl_easy_perform(CURL *handle) { return curl.easy_perform(handle); }
void tsheet_curl_easy_cleanup(CURL *handle) { curl.easy_cleanup(handle); }
const char *tsheet_curl_easy_strerror(CURLcode code) { return curl.easy_strerror(code); }

struct curl_slist *tsheet_curl_slist_append(struct curl_slist *list, const char *text) {
    return curl.slist_append(list, text);
}

void tsheet_curl_slist_free_all(struct curl_slist *list) { curl.slist_free_all(list); }

CURLcode tsheet_curl_set_text(CURL *handle, CURLoption option, const char *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode tsheet_curl_set_number(CURL *handle, CURLoption option, long value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode tsheet_curl_set_size(CURL *handle, CURLoption option, curl_off_t value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode tsheet_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl.easy_setopt(handle, option, value);
}

CURLcode tsheet_curl_set_io(CURL *handle, tsheet_curl_io write, tsheet_curl_io read, void *context) {
    CURLcode code = curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, write);
    if (code == CURLE_OK) code = curl.easy_setopt(handle, CURLOPT_WRITEDATA, context);
    if (code == CURLE_OK) code = curl.easy_setopt(handle, CURLOPT_READFUNCTION, read);
    if (code == CURLE_OK) code = curl.easy_setopt(handle, CURLOPT_READDATA, context);
    return code;
}

long tsheet_curl_response_code(CURL *handle) {
    long code = 0;
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

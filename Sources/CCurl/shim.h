// libcurl, the system's (Debian: libcurl4-openssl-dev), found through pkg-config. Its option setter is variadic,
// which Swift cannot call: one typed setter per kind of value.
#include <curl/curl.h>

static inline CURLcode tsheet_curl_set_text(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tsheet_curl_set_number(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tsheet_curl_set_size(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode tsheet_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*tsheet_curl_io)(char *buffer, size_t size, size_t count, void *context);

/// Sets the functions that take the received bytes and give the bytes to upload, with their shared context.
static inline CURLcode tsheet_curl_set_io(CURL *handle, tsheet_curl_io write, tsheet_curl_io read, void *context) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, write);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_WRITEDATA, context);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_READFUNCTION, read);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_READDATA, context);
    return code;
}

static inline long tsheet_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

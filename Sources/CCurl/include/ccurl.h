// libcurl, the system's client for IMAP and HTTPS, loaded the first time a transfer needs it: a command that
// never opens the mailbox or an OAuth2 endpoint does not pay for loading libcurl and the thirty libraries it
// links (about 5 ms at every start). The types and constants come from libcurl's own header (Debian:
// libcurl4-openssl-dev at build time); at run time the library is libcurl.so.4 (Debian: libcurl4).
// Swift calls only these functions: curl_easy_setopt is variadic, which Swift cannot call, so each kind of
// value has its typed setter.
#include <curl/curl.h>
#include <stdbool.h>

/// Loads libcurl and runs its global set-up, once; false when the system has no libcurl.so.4.
bool tsheet_curl_load(void);

CURL *tsheet_curl_easy_init(void);
CURLcode tsheet_curl_easy_perform(CURL *handle);
void tsheet_curl_easy_cleanup(CURL *handle);
const char *tsheet_curl_easy_strerror(CURLcode code);
struct curl_slist *tsheet_curl_slist_append(struct curl_slist *list, const char *text);
void tsheet_curl_slist_free_all(struct curl_slist *list);

CURLcode tsheet_curl_set_text(CURL *handle, CURLoption option, const char *value);
CURLcode tsheet_curl_set_number(CURL *handle, CURLoption option, long value);
CURLcode tsheet_curl_set_size(CURL *handle, CURLoption option, curl_off_t value);
CURLcode tsheet_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value);

typedef size_t (*tsheet_curl_io)(char *buffer, size_t size, size_t count, void *context);

/// Sets the functions that take the received bytes and give the bytes to upload, with their shared context.
CURLcode tsheet_curl_set_io(CURL *handle, tsheet_curl_io write, tsheet_curl_io read, void *context);

/// The last response code: HTTP's status, IMAP's last.
long tsheet_curl_response_code(CURL *handle);

// libxlsxwriter, the system's (Debian: libxlsxwriter-dev), found through pkg-config.
#include <xlsxwriter.h>
#include <stdlib.h>
#include <string.h>

/// Adds `text` to the cached values of the chart range `range` (a series' categories), marking them text: in
/// constant-memory mode libxlsxwriter cannot read a sheet back, writes no cache, and calls every category range
/// a number (Gnumeric then shows periods as date serials). The range's chart frees the copy. Returns 0, or -1
/// when memory ran out.
static inline int tsheet_cache_text(lxw_series_range *range, const char *text) {
    lxw_series_data_point *point = calloc(1, sizeof *point);
    char *copy = strdup(text);
    if (!point || !copy) {
        free(point);
        free(copy);
        return -1;
    }
    point->is_string = 1;
    point->string = copy;
    STAILQ_INSERT_TAIL(range->data_cache, point, list_pointers);
    range->num_data_points++;
    range->has_string_cache = 1;
    range->ignore_cache = 1;
    return 0;
}

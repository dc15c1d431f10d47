// libxlsxwriter, the system's writer of Excel workbooks, loaded the first time a workbook is written: every
// other command does not pay for loading it and its libraries (about 1.4 ms at every start). The types and
// constants come from its own header (Debian: libxlsxwriter-dev at build time); at run time the library is
// libxlsxwriter.so.4 (Debian: libxlsxwriter4). Swift calls only the functions declared here: each of the
// library's functions tsheet uses, with `tsheet_` before its name.
#include <xlsxwriter.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/// Loads libxlsxwriter, once; false when the system has no libxlsxwriter.so.4.
bool tsheet_xlsx_load(void);

// Each function as libxlsxwriter declares it: (return type, name, parameters, arguments).
#define TSHEET_XLSX_FUNCTIONS(F) \
    F(lxw_workbook *, workbook_new_opt, (const char *filename, lxw_workbook_options *options), (filename, options)) \
    F(lxw_error, workbook_close, (lxw_workbook *workbook), (workbook)) \
    F(lxw_worksheet *, workbook_add_worksheet, (lxw_workbook *workbook, const char *name), (workbook, name)) \
    F(lxw_chartsheet *, workbook_add_chartsheet, (lxw_workbook *workbook, const char *name), (workbook, name)) \
    F(lxw_format *, workbook_add_format, (lxw_workbook *workbook), (workbook)) \
    F(lxw_chart *, workbook_add_chart, (lxw_workbook *workbook, uint8_t type), (workbook, type)) \
    F(lxw_error, worksheet_write_string, \
      (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *format), \
      (sheet, row, col, text, format)) \
    F(lxw_error, worksheet_write_number, \
      (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, double number, lxw_format *format), \
      (sheet, row, col, number, format)) \
    F(lxw_error, worksheet_set_row, (lxw_worksheet *sheet, lxw_row_t row, double height, lxw_format *format), \
      (sheet, row, height, format)) \
    F(lxw_error, worksheet_set_column, \
      (lxw_worksheet *sheet, lxw_col_t first, lxw_col_t last, double width, lxw_format *format), \
      (sheet, first, last, width, format)) \
    F(lxw_error, worksheet_repeat_rows, (lxw_worksheet *sheet, lxw_row_t first, lxw_row_t last), \
      (sheet, first, last)) \
    F(lxw_error, worksheet_repeat_columns, (lxw_worksheet *sheet, lxw_col_t first, lxw_col_t last), \
      (sheet, first, last)) \
    F(lxw_error, worksheet_autofilter, \
      (lxw_worksheet *sheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), \
      (sheet, first_row, first_col, last_row, last_col)) \
    F(lxw_error, chartsheet_set_chart, (lxw_chartsheet *sheet, lxw_chart *chart), (sheet, chart)) \
    F(lxw_chart_series *, chart_add_series, (lxw_chart *chart, const char *categories, const char *values), \
      (chart, categories, values)) \
    F(char *, lxw_strerror, (lxw_error error), (error))

// The same for those that return nothing.
#define TSHEET_XLSX_PROCEDURES(F) \
    F(worksheet_set_landscape, (lxw_worksheet *sheet), (sheet)) \
    F(worksheet_freeze_panes, (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col), (sheet, row, col)) \
    F(worksheet_fit_to_pages, (lxw_worksheet *sheet, uint16_t width, uint16_t height), (sheet, width, height)) \
    F(chartsheet_set_landscape, (lxw_chartsheet *sheet), (sheet)) \
    F(format_set_bold, (lxw_format *format), (format)) \
    F(format_set_text_wrap, (lxw_format *format), (format)) \
    F(format_set_align, (lxw_format *format, uint8_t alignment), (format, alignment)) \
    F(format_set_num_format, (lxw_format *format, const char *text), (format, text)) \
    F(format_set_num_format_index, (lxw_format *format, uint8_t index), (format, index)) \
    F(chart_title_set_name, (lxw_chart *chart, const char *name), (chart, name)) \
    F(chart_legend_set_position, (lxw_chart *chart, uint8_t position), (chart, position)) \
    F(chart_series_set_name, (lxw_chart_series *series, const char *name), (series, name)) \
    F(chart_series_set_categories, \
      (lxw_chart_series *series, const char *sheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, \
       lxw_col_t last_col), \
      (series, sheet, first_row, first_col, last_row, last_col)) \
    F(chart_series_set_values, \
      (lxw_chart_series *series, const char *sheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, \
       lxw_col_t last_col), \
      (series, sheet, first_row, first_col, last_row, last_col))

#define TSHEET_XLSX_DECLARE(type, name, parameters, arguments) type tsheet_##name parameters;
#define TSHEET_XLSX_DECLARE_PROCEDURE(name, parameters, arguments) void tsheet_##name parameters;
TSHEET_XLSX_FUNCTIONS(TSHEET_XLSX_DECLARE)
TSHEET_XLSX_PROCEDURES(TSHEET_XLSX_DECLARE_PROCEDURE)

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

/* The floor of `tsheet export --format xlsx`: the same ten columns of the same entries, read by a C loop over
 * SQLite and written by libxlsxwriter in its constant-memory mode, with the same cell formats.
 *
 * build: cc -O2 bench/xlsx_floor.c -o xlsx_floor $(pkg-config --cflags --libs xlsxwriter) -lsqlite3
 * usage: xlsx_floor LOG.sqlite OUT.xlsx
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days(long y, long m, long d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The ISO week of a day, as 2026-W48. */
static void iso_week(long y, long m, long d, char *out) {
    long n = days(y, m, d), weekday = ((n + 3) % 7 + 7) % 7; /* Monday 0 */
    long thursday = n - weekday + 3, year = y;
    if (thursday < days(y, 1, 1)) year = y - 1;
    else if (thursday >= days(y + 1, 1, 1)) year = y + 1;
    snprintf(out, 48, "%ld-W%02ld", year, (thursday - days(year, 1, 1)) / 7 + 1);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: xlsx_floor LOG.sqlite OUT.xlsx\n"); return 64; }
    sqlite3 *db;
    sqlite3_stmt *rows;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
        || sqlite3_prepare_v2(db, "SELECT e.id, e.day, c.name, e.title, e.description, e.minutes FROM entry e "
                                  "JOIN client c ON c.id = e.client_id ORDER BY e.id", -1, &rows, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        return 66;
    }
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
    lxw_workbook *book = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Entries");
    lxw_format *bold = workbook_add_format(book), *date = workbook_add_format(book),
               *hours = workbook_add_format(book), *wrap = workbook_add_format(book);
    format_set_bold(bold);
    format_set_num_format(date, "yyyy-mm-dd");
    format_set_num_format(hours, "0.00");
    format_set_text_wrap(wrap);
    const char *headers[] = {"id", "date", "week", "month", "year", "client", "title", "description", "minutes", "hours"};
    for (int column = 0; column < 10; column++) worksheet_write_string(sheet, 0, column, headers[column], bold);
    lxw_row_t row = 1;
    while (sqlite3_step(rows) == SQLITE_ROW) {
        const char *day = (const char *)sqlite3_column_text(rows, 1);
        long y = strtol(day, NULL, 10), m = strtol(day + 5, NULL, 10), d = strtol(day + 8, NULL, 10);
        char week[48], month[8];
        iso_week(y, m, d, week);
        snprintf(month, sizeof month, "%.7s", day);
        int minutes = sqlite3_column_int(rows, 5);
        worksheet_write_number(sheet, row, 0, (double)sqlite3_column_int64(rows, 0), NULL);
        worksheet_write_number(sheet, row, 1, (double)(days(y, m, d) + 25569), date);
        worksheet_write_string(sheet, row, 2, week, NULL);
        worksheet_write_string(sheet, row, 3, month, NULL);
        worksheet_write_number(sheet, row, 4, (double)y, NULL);
        worksheet_write_string(sheet, row, 5, (const char *)sqlite3_column_text(rows, 2), NULL);
        worksheet_write_string(sheet, row, 6, (const char *)sqlite3_column_text(rows, 3), NULL);
        worksheet_write_string(sheet, row, 7, (const char *)sqlite3_column_text(rows, 4), wrap);
        worksheet_write_number(sheet, row, 8, minutes, NULL);
        worksheet_write_number(sheet, row, 9, minutes / 60.0, hours);
        row++;
    }
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, row - 1, 9);
    sqlite3_finalize(rows);
    sqlite3_close(db);
    return workbook_close(book) == LXW_NO_ERROR ? 0 : 74;
}

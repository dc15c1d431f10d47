extension PostgresSchema {
  /// Migration v3: days off per person and holidays for everyone; the send and the timer's start as times, not
  /// text; and the schema explained to a DBA, a comment on every table and on each column whose meaning is not
  /// in its name (`\d+ entry` and `\dt+` in psql show them).
  static let v3 = (
    name: "v3: days off per person, times as times, the schema commented",
    sql: """
    -- A day off is a person's leave, or a holiday for everyone (person NULL): one of each per day. The days
    -- marked before were keyed by day alone and hid everyone's gaps: they become holidays, and still do.
    ALTER TABLE day_off DROP CONSTRAINT day_off_pkey;
    ALTER TABLE day_off ADD COLUMN person text CHECK (length(btrim(person)) > 0);
    CREATE UNIQUE INDEX day_off_of_person ON day_off (day, person) WHERE person IS NOT NULL;
    CREATE UNIQUE INDEX day_off_of_everyone ON day_off (day) WHERE person IS NULL;
    -- The send was ISO 8601 text in UTC: an instant. The timer's start was the member's wall-clock time with
    -- no zone (tsheet measures a timer by the wall clock): a timestamp without time zone, kept as it was.
    ALTER TABLE message ALTER COLUMN sent_at TYPE timestamptz USING sent_at::timestamptz;
    ALTER TABLE timer DROP CONSTRAINT timer_started_at_check;
    ALTER TABLE timer ALTER COLUMN started_at TYPE timestamp(0) USING started_at::timestamp(0);

    COMMENT ON TABLE tsheet_schema IS
        'the versions of tsheet''s schema applied here, one row per migration; a tsheet that knows fewer refuses '
        'the database, untouched';
    COMMENT ON TABLE client IS 'the clients work is logged for: how they are billed, and in which language mailed';
    COMMENT ON COLUMN client.name IS 'the name as first written (tsheet clients rename changes it)';
    COMMENT ON COLUMN client.name_key IS
        'the name folded without regard to case in every alphabet (tsheet''s ClientName.key): one client per '
        'key, so Émile and ÉMILE are one client';
    COMMENT ON COLUMN client.lang IS 'the language of the client''s emails (en, es); NULL: the sender''s config';
    COMMENT ON COLUMN client.rounding_mode IS
        'how rounding_step rounds each entry: up to the next step, or to the nearest';
    COMMENT ON TABLE entry IS
        'the work logged, as lengths on days: what every report, export and email is computed from';
    COMMENT ON COLUMN entry.person IS 'who did the work (tsheet log --as NAME, else the member''s configured person)';
    COMMENT ON COLUMN entry.day IS 'the day of the work on the member''s calendar';
    COMMENT ON COLUMN entry.minutes IS 'the length as logged; a client''s rounding applies when billed, not here';
    COMMENT ON TABLE client_day IS
        'each client''s and person''s minutes and entries per day, kept by the statement triggers on entry '
        '(tsheet_count_entries) in the transaction that changes the entries, so that sums read a row a day; '
        'never written otherwise: rebuild it from entry if it ever disagrees';
    COMMENT ON COLUMN client_day.minutes IS 'the sum of the minutes of the client''s entries of the person and day';
    COMMENT ON COLUMN client_day.entries IS 'how many entries that is; a row that falls to 0 is deleted';
    COMMENT ON FUNCTION tsheet_count_entries() IS
        'keeps client_day in step with entry, for the triggers entry_counted, entry_recounted, entry_uncounted';
    COMMENT ON TABLE recipient IS
        'who each client''s emails go to, in order: name and address apart, so a name with a comma adds no address';
    COMMENT ON COLUMN recipient.kind IS 'to or cc: the header the address goes in';
    COMMENT ON COLUMN recipient.position IS 'the place in that header, from 0';
    COMMENT ON TABLE message IS
        'every timesheet email written to a file or sent: the sent ledger (a period goes to a client once, '
        'unless --resend) and the thread the next email replies in';
    COMMENT ON COLUMN message.variant IS 'the timesheet''s period: day, week or month';
    COMMENT ON COLUMN message.refs IS 'the References header: the thread''s Message-IDs, separated by spaces';
    COMMENT ON COLUMN message.mail_to IS 'the To header as sent, for the record (recipient holds who gets the next)';
    COMMENT ON COLUMN message.state IS
        'written (to a file), sending (handed to the mail server: if tsheet could not record the answer it may '
        'have gone out, and is not sent again without --resend) or sent';
    COMMENT ON COLUMN message.sent_at IS
        'when the send began (sending), then when the mail server took it (sent); NULL for a file';
    COMMENT ON TABLE import_key IS
        'a fingerprint of every row an import brought, so that importing a file again adds nothing';
    COMMENT ON COLUMN import_key.key IS
        'a 64-bit hash of the row''s client, title, description, day, minutes and person, and of how many '
        'identical rows came before it in its file (tsheet''s ImportKey); not an entry id';
    COMMENT ON COLUMN import_key.batch IS 'the import that brought the row: one number per run of tsheet import';
    COMMENT ON TABLE timer IS 'the running timers, one per person (tsheet start); tsheet stop logs it and deletes it';
    COMMENT ON COLUMN timer.started_at IS
        'when it started, on the member''s wall clock: no time zone, as a timer runs by the wall clock';
    COMMENT ON TABLE day_off IS 'days that are never gaps (tsheet off): a person''s leave, or a holiday';
    COMMENT ON COLUMN day_off.person IS
        'whose day off; NULL: a holiday for everyone (the days marked before schema v3 became holidays)';
    COMMENT ON COLUMN day_off.reason IS 'why: a holiday''s name, leave; may be empty';
    """
  )
}

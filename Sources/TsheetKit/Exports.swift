// The domain's vocabulary (entries, minutes, days, periods, languages, exit statuses) is part of this module's
// interface: the command line names these types through TsheetKit alone.
@_exported import TsheetCore

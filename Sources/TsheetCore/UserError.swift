/// An exit status from sysexits(3), the codes scripts can rely on.
package enum ExitStatus: Int32, Sendable {
  /// The command line was wrong.
  case usage = 64
  /// The input data (a duration, a date, a file's row) was wrong.
  case dataError = 65
  /// An input file or a record that was named does not exist.
  case noInput = 66
  /// A service (a mail server, a program) refused or is missing.
  case unavailable = 69
  /// tsheet itself failed: a bug to report.
  case software = 70
  /// An output (a file, a log to copy into) cannot be made: something is in its place.
  case cannotCreate = 73
  /// Reading or writing a file failed.
  case ioError = 74
  /// A temporary failure: trying again later may work.
  case tryAgain = 75
  /// The configuration is wrong.
  case config = 78
}

/// A mistake the user can fix: its description is one line that says what was wrong and how to fix it.
package protocol UserError: Error, CustomStringConvertible {
  /// The process exit status this error ends the run with.
  var exitStatus: ExitStatus { get }
}

import TsheetCore
import TsheetTLS

/// Why the store refused to open or to change: every case names the file or record and says what to do.
package enum StoreError: UserError, Equatable {
  case isDirectory(path: String)
  case cannotCreate(path: String, reason: String)
  case notADatabase(path: String)
  case newerSchema(path: String)
  case foreignDatabase(path: String)
  /// SQLite refused a statement the schema should allow: the file was changed by another program.
  case unexpectedShape(path: String, reason: String)
  case readOnly(path: String)
  case busy(path: String)
  case io(path: String, reason: String)
  case noSuchEntry(id: Int64)
  case noSuchClient(name: String)
  case clientExists(name: String)
  /// No entry and no timer names this person.
  case noSuchPerson(name: String)
  /// Two people to be made one each run a timer.
  case bothTimersRun(old: String, new: String)
  /// A `postgres://` URL that cannot be read.
  case badURL(String)
  /// The server cannot be reached, or is not taking connections now: trying again may help.
  case serverDown(url: String, reason: String)
  /// The server answered and refused: wrong user or password, no such database.
  case serverRefused(url: String, reason: String)
  /// The server let the member in, but not `action` on the log: `grant` is what its administrator must run.
  case notPermitted(url: String, role: String, action: String, grant: String?)
  /// The server was lost while it committed a write: the change may or may not have been kept.
  case commitUnknown(url: String)
  /// TLS with the server failed: its certificate is not trusted, or not for its name. `caFile` is the URL's
  /// `sslrootcert`.
  case tlsFailed(url: String, refusal: TLSRefusal, caFile: String?)

  package var exitStatus: ExitStatus {
    switch self {
    case .isDirectory: .usage
    case .badURL: .config
    case .serverDown, .commitUnknown: .tryAgain
    case .serverRefused, .notPermitted, .tlsFailed: .unavailable
    case .notADatabase, .newerSchema, .foreignDatabase, .unexpectedShape, .clientExists: .dataError
    case .noSuchEntry, .noSuchClient, .noSuchPerson: .noInput
    case .bothTimersRun: .dataError
    case .busy: .tryAgain
    case .cannotCreate, .readOnly, .io: .ioError
    }
  }

  package var description: String {
    switch self {
    case .isDirectory(let path):
      "'\(path)' is a folder; give --db the path of a database file, e.g. \(path)/tsheet.sqlite."
    case .cannotCreate(let path, let reason):
      "cannot create the database '\(path)': \(reason); choose another place with --db or TSHEET_DB."
    case .notADatabase(let path):
      "'\(path)' is not a tsheet database (not an SQLite file); check --db or TSHEET_DB."
    case .newerSchema(let path):
      "'\(path)' was written by a newer tsheet; upgrade tsheet to use it (nothing was changed)."
    case .foreignDatabase(let path):
      "'\(path)' is another program's database, not a tsheet log; give --db a new file or database, or your log (nothing was changed)."
    case .unexpectedShape(let path, let reason) where PostgresURL.isURL(path):
      "the PostgreSQL server \(path) answered what tsheet did not expect (it says: \(reason.echoed(limit: 100))); nothing was changed: 'tsheet doctor' shows what is wrong."
    case .unexpectedShape(let path, let reason):
      "'\(path)' does not hold what tsheet expects (the database says: \(reason.echoed(limit: 80))); it was changed by another program: restore it from a backup."
    case .readOnly(let path):
      "'\(path)' cannot be written (read-only file or folder); check its permissions."
    case .busy(let path):
      "'\(path)' is locked by another program; try again in a moment."
    case .io(let path, let reason):
      "reading or writing '\(path)' failed: \(reason)."
    case .noSuchEntry(let id):
      "there is no entry #\(id); see the ids with 'tsheet list'."
    case .noSuchClient(let name):
      "there is no client '\(name.echoed())'; see them with 'tsheet clients'."
    case .noSuchPerson(let name):
      "'\(name.echoed())' has no entry in the log; see who has work with 'tsheet report --rows person --by none'."
    case .bothTimersRun(let old, let new):
      "'\(old.echoed())' and '\(new.echoed())' each run a timer; stop one with 'tsheet stop --as NAME' first."
    case .clientExists(let name):
      "a client '\(name.echoed())' already exists; use 'tsheet clients merge' to join the two."
    case .badURL(let reason):
      "the database URL cannot be read: \(reason); write it as postgres://user@host:5432/dbname?sslmode=verify-full."
    case .serverDown(let url, let reason):
      "the PostgreSQL server \(url) cannot be reached (\(reason.echoed(limit: 100))); nothing was changed: try again when it is up."
    case .serverRefused(let url, let reason):
      "the PostgreSQL server \(url) refused tsheet (\(reason.echoed(limit: 100))); check the URL, the user and its password (PGPASSWORD or ~/.pgpass)."
    case .notPermitted(let url, let role, let action, let grant):
      "the role '\(role.echoed())' may not \(action.echoed(limit: 160)) on the PostgreSQL server \(url); "
        + (grant.map { "its administrator must run: \($0.echoed(limit: 900))." }
          ?? "ask its administrator to grant it (see the README's team setup).")
    case .commitUnknown(let url):
      "the PostgreSQL server \(url) was lost as it committed the change, which may or may not have been kept; look with 'tsheet list' before doing it again."
    case .tlsFailed(let url, let refusal, let caFile):
      "TLS with the PostgreSQL server \(url) failed: \(Self.explaining(refusal, caFile: caFile))."
    }
  }

  /// What went wrong with the server's TLS, and what to do about it.
  private static func explaining(_ refusal: TLSRefusal, caFile: String?) -> String {
    switch refusal {
    case .nameMismatch: "\(refusal); put a name it holds in the URL"
    case .untrusted:
      "\(refusal): no CA " + (caFile.map { "in '\($0.echoed(limit: 200))'" } ?? "this machine trusts")
        + " signed it, or it is out of date; set sslrootcert to the team's CA file"
    case .failed: "\(refusal.description.echoed(limit: 100)); check sslmode and the server's TLS settings"
    }
  }
}

import GRDB
import TsheetCore

extension SQLiteLog {
    func clientSummaries() throws -> [ClientSummary] {
        try ClientSummaryRow.fetchAll(db, sql: """
            SELECT c.name, coalesce(sum(d.entries), 0) AS entries, coalesce(sum(d.minutes), 0) AS minutes,
                   max(d.day) AS last_day
            FROM client c LEFT JOIN client_day d ON d.client_id = c.id
            GROUP BY c.id ORDER BY c.name COLLATE NOCASE
            """).map { row in
            ClientSummary(name: row.name, entryCount: row.entries, minutes: Minutes(row.minutes),
                          lastDay: row.last_day.flatMap { CalendarDay(iso: $0) })
        }
    }

    func clientName(_ name: String) throws -> String {
        try String.fetchOne(db, sql: "SELECT name FROM client WHERE id = ?", arguments: [existingClientID(named: name)])
            ?? name
    }

    func clientNames() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM client")
    }

    func renameClient(_ old: String, to new: String) throws {
        let id = try existingClientID(named: old)
        if let other = try clientID(named: new), other != id { throw StoreError.clientExists(name: new) }
        try db.execute(sql: "UPDATE client SET name = ?, name_key = ? WHERE id = ?",
                       arguments: [new, ClientName.key(new), id])
    }

    func mergeClient(_ source: String, into target: String) throws -> Int {
        let from = try existingClientID(named: source), into = try existingClientID(named: target)
        guard from != into else { return 0 }
        try db.execute(sql: "UPDATE entry SET client_id = ? WHERE client_id = ?", arguments: [into, from])
        let moved = db.changesCount
        try db.execute(sql: """
            UPDATE message SET client_id = ? WHERE client_id = ?;
            UPDATE timer SET client_id = ? WHERE client_id = ?;
            DELETE FROM recipient WHERE client_id = ?;
            DELETE FROM client WHERE id = ?;
            """, arguments: [into, from, into, from, from, from])
        return moved
    }
}

/// Writes one CSV field as RFC 4180 asks: quoted when it holds a comma, a quote, CR or LF, quotes doubled.
package enum CSVField {
    package static func quoted(_ field: String, separator: Character = ",") -> String {
        guard field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// One record: the fields joined by the separator, ended by CRLF as RFC 4180 writes lines.
    package static func record(_ fields: [String], separator: Character = ",") -> String {
        fields.map { quoted($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }
}

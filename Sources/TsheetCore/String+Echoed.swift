extension String {
    /// The text as a message quotes it back: on one line, with control characters written as escapes (`\n`,
    /// `\x1b`) so that nothing a file or a server holds can drive the terminal, and cut to `limit` characters
    /// with an ellipsis so that a 100 KB field is not echoed whole.
    package func echoed(limit: Int = 60) -> String {
        let escaped = escapingControlCharacters
        guard escaped.count > limit else { return escaped }
        return String(escaped.prefix(max(1, limit - 1))) + "…"
    }

    /// The text with every control character (C0, DEL, C1, and the Unicode line and paragraph separators)
    /// written as an escape: `\n`, `\r`, `\t`, `\x1b`, `\u{2028}`. Text without them comes back as it is.
    package var escapingControlCharacters: String { escapingControlCharacters(keepingLineBreaks: false) }

    /// The text with its control characters escaped, but for LF and CR when `keepingLineBreaks`: for text
    /// shown a line at a time.
    package func escapingControlCharacters(keepingLineBreaks: Bool) -> String {
        guard containsControlCharacters else { return self }
        var result = ""
        for scalar in unicodeScalars {
            guard scalar.isEscapedWhenEchoed, !(keepingLineBreaks && (scalar == "\n" || scalar == "\r")) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                result += scalar.value < 0x100
                    ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
            }
        }
        return result
    }
}

extension String {
    /// Whether the text holds a character `escapingControlCharacters` would escape; read from the UTF-8 bytes,
    /// since an import asks this of every field of every row.
    package var containsControlCharacters: Bool {
        var text = self
        return text.withUTF8(Self.containsControlCharacters)
    }

    private static func containsControlCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x00..<0x20, 0x7F: return true
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]): return true // C1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                return true // the line and paragraph separators
            default: continue
            }
        }
        return false
    }
}

extension Unicode.Scalar {
    /// Whether a terminal would act on this character rather than show it.
    var isEscapedWhenEchoed: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}

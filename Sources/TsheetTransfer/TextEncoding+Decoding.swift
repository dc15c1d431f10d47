import Foundation
import TsheetCore

extension TextEncoding {
  /// The text of `bytes`, or nil when they are not text in this encoding (`firstInvalidByte` says where).
  func text(_ bytes: some Collection<UInt8>) -> String? {
    switch self {
    case .utf8:
      // Decoding puts U+FFFD for what is not UTF-8: the bytes are UTF-8 exactly when it kept them all. (A
      // third of the time `String(validating:)` takes, which would cost an import of a million rows 0.7 s.)
      var text = String(decoding: bytes, as: UTF8.self)
      let kept = text.withUTF8 { decoded in
        decoded.count == bytes.count
          && (bytes.withContiguousStorageIfAvailable { original in
            guard let start = decoded.baseAddress, let originalStart = original.baseAddress else { return true }
            return memcmp(start, originalStart, decoded.count) == 0
          } ?? decoded.elementsEqual(bytes))
      }
      return kept ? text : nil
    case .windows1252, .latin1:
      if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }  // ASCII: the same
      var scalars = String.UnicodeScalarView()
      for byte in bytes {
        guard let scalar = scalar(of: byte) else { return nil }
        scalars.append(scalar)
      }
      return String(scalars)
    }
  }

  /// How many bytes of `bytes` come before the first that is not text in this encoding; nil when all are text.
  func firstInvalidByte(in bytes: some Collection<UInt8>) -> Int? {
    guard self == .utf8 else {
      return bytes.firstIndex { scalar(of: $0) == nil }.map { bytes.distance(from: bytes.startIndex, to: $0) }
    }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// What to say of the byte `byte` at `offset` (from 0) that is not text in this encoding, and how to read it.
  func notText(byte: UInt8, offset: Int) -> String {
    let hex = "0x" + String(byte, radix: 16, uppercase: true)
    let fix =
      self == .utf8
      ? "give the file's encoding (--encoding windows-1252 for Excel on Windows, or latin1) or convert it "
        + "(iconv -f windows-1252 -t utf-8)"
      : "check the file's encoding (--encoding latin1 reads any byte)"
    return "byte offset \(offset) (\(hex)) is not \(self == .utf8 ? "UTF-8" : rawValue); \(fix)"
  }

  /// The character `byte` stands for in a single-byte encoding; nil for the five bytes Windows-1252 leaves out.
  private func scalar(of byte: UInt8) -> Unicode.Scalar? {
    guard self == .windows1252, (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
    return Self.windows1252High[Int(byte) - 0x80]
  }

  /// Windows-1252's 0x80–0x9F, where it differs from Latin-1.
  private static let windows1252High: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]
}
